/**
 * SQL for the Access view: pure (filters) -> { sql, params }. The heavy measures come from the access library
 * (`accessSql.ts`: nearest facility, floating catchments), wrapped here to scope them to a province, bin them
 * on a map grid and summarise them per district in the same pass.
 *
 * Scope: measures are always computed over the whole country's population and facilities (people cross
 * provincial borders for care, and demand from outside a province competes for its facilities); only the
 * summary is restricted to the province.
 */
import type { Query } from '../db/sqlText';
import { catchmentSql, nearestFacilitySql, type Capacity } from './accessSql';
import { ACCESS_DEMAND_CELLS, catchmentPlanSql } from './catchmentPlan';
import { griddedCatchmentSql } from './griddedCatchmentSql';

/** The services a user can pick; 'any' = every facility in the table. */
export const ACCESS_SERVICES = ['any', 'emergency', 'maternity', 'surgery', 'immunization'] as const;
export type AccessService = (typeof ACCESS_SERVICES)[number];

/** Floating catchment variants offered in the view (the library's three methods, E2SFCA with two decays). */
export const CATCHMENT_METHODS = ['2sfca', 'e2sfca_step', 'e2sfca_gauss', 'gravity'] as const;
export type CatchmentMethodChoice = (typeof CATCHMENT_METHODS)[number];

/** `facilities`: each facility counts 1; `typed`: health workers where known, else by facility type (accessSql.ts). */
export const CATCHMENT_CAPACITIES = ['workforce', 'doctors', 'beds', 'facilities', 'typed'] as const satisfies readonly Capacity[];
export type CatchmentCapacity = (typeof CATCHMENT_CAPACITIES)[number];

// Luo & Qi 2009 (Health & Place 15:1100), E2SFCA travel-time zones 0-10, 10-20, 20-30 min with weights
// 1.00, 0.68, 0.22 (Gaussian-derived); here the three zones are thirds of the chosen catchment.
export const LUO_QI_STEP_WEIGHTS = [1, 0.68, 0.22] as const;

// Map cells across the wider side of the area in scope: ~70 x 52 = 3.6k cells at most for the demo country,
// well under the ~10k SVG shapes Plot draws without lag (design.md, measured render costs).
export const MAP_CELLS_ACROSS = 70;

export interface AccessScope {
  /** Province region_id, or null for the whole country. */
  province: string | null;
  service: AccessService;
}

/** Rows of both summaries: one per (district, bucket) or per district ('region'), and one per map cell ('cell'). */
export interface MapCell {
  kind: 'cell';
  /** South-west corner of the cell (degrees) and its side. */
  lon: number;
  lat: number;
  deg: number;
  population: number;
  value: number | null;
}

export interface DistanceBucketRow {
  kind: 'region';
  region_id: string;
  /** k: smallest k with distance <= k * stepKm, for k = 0..maxSteps; maxSteps + 1 = farther or no facility. */
  bucket: number;
  population: number;
}

export interface DistanceSummaryOptions extends AccessScope {
  /** Width of a distance bucket (km): share within k * stepKm is exact for every k. */
  stepKm: number;
  maxSteps: number;
}

function checkService(s: AccessService): string | undefined {
  if (!(ACCESS_SERVICES as readonly string[]).includes(s)) throw new Error(`unknown service: ${s}`);
  return s === 'any' ? undefined : s;
}

/**
 * Distance to the nearest facility (library: `nearestFacilitySql`) summarised twice in one pass:
 *  - 'region' rows: population per district and distance bucket, so that the share within any multiple of
 *    `stepKm` is a cumulative sum (the slider then needs no new query);
 *  - 'cell' rows: map cells with the population-weighted mean distance (km) as `value`.
 */
export function distanceSummaryQuery(o: DistanceSummaryOptions): Query {
  if (!(o.stepKm > 0) || !Number.isFinite(o.stepKm)) throw new Error(`invalid stepKm: ${o.stepKm}`);
  if (!Number.isInteger(o.maxSteps) || o.maxSteps < 1) throw new Error(`invalid maxSteps: ${o.maxSteps}`);
  const service = checkService(o.service);
  const near = nearestFacilitySql({ service });
  const sql = `WITH measured AS (
  SELECT n.region_id, n.population, n.distance_km AS value, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon,
    CASE WHEN n.distance_km IS NULL THEN CAST(? AS BIGINT) + 1
         ELSE least(CAST(ceil(n.distance_km / CAST(? AS DOUBLE)) AS BIGINT), CAST(? AS BIGINT) + 1) END AS bucket
  FROM (${near.sql}) n JOIN population p ON p.cell_id = n.cell_id
),
${scopedGrid()}
SELECT CASE WHEN grouping(gx) = 0 THEN 'cell' ELSE 'region' END AS kind, region_id, bucket,
  any_value(lon0) + gx * any_value(deg) AS lon, any_value(lat0) + gy * any_value(deg) AS lat, any_value(deg) AS deg,
  CAST(sum(population) AS DOUBLE) AS population,
  sum(population * value) / nullif(sum(population) FILTER (WHERE value IS NOT NULL), 0) AS value
FROM binned GROUP BY GROUPING SETS ((region_id, bucket), (gx, gy))
ORDER BY kind DESC, region_id, bucket, gy, gx`;
  return { sql, params: [o.maxSteps, o.stepKm, o.maxSteps, ...(near.params ?? []), o.province, o.province, MAP_CELLS_ACROSS] };
}

export interface CatchmentSummaryOptions extends AccessScope {
  method: CatchmentMethodChoice;
  capacity: CatchmentCapacity;
  catchmentKm: number;
  /** Gaussian sigma (km) for 'e2sfca_gauss'. */
  sigmaKm: number;
  /** Distance exponent for 'gravity'. */
  beta: number;
  /** Grid cell side (km) when the exact pairs are too many (`chooseCatchmentPlan`); null or absent = exact. */
  cellKm?: number | null;
}

export interface AccessibilityRegionRow {
  kind: 'region';
  region_id: string;
  population: number;
  /** Population-weighted accessibility, capacity per 10,000 people. */
  value: number | null;
}

/** The library's floating catchment call for a view choice (steps: thirds of the catchment, Luo & Qi weights). */
export function catchmentOptions(o: CatchmentSummaryOptions) {
  const service = checkService(o.service);
  const base = { capacity: o.capacity, catchmentKm: o.catchmentKm, service, by: 'cell' as const };
  switch (o.method) {
    case '2sfca':
      return { ...base, method: '2sfca' as const };
    case 'e2sfca_step':
      return { ...base, method: 'e2sfca' as const, weights: LUO_QI_STEP_WEIGHTS.map((weight, k) => ({ upTo: (o.catchmentKm * (k + 1)) / 3, weight })) };
    case 'e2sfca_gauss':
      return { ...base, method: 'e2sfca' as const, gaussianSigma: o.sigmaKm };
    case 'gravity':
      return { ...base, method: 'gravity' as const, beta: o.beta };
    default:
      throw new Error(`unknown method: ${String(o.method)}`);
  }
}

/**
 * Floating catchment accessibility per population point (library: `catchmentSql`), in capacity per 10,000
 * people, summarised in one pass: population-weighted per district ('region') and per map cell ('cell').
 */
export function catchmentSummaryQuery(o: CatchmentSummaryOptions): Query {
  const inner = o.cellKm == null ? catchmentSql(catchmentOptions(o)) : griddedCatchmentSql({ ...catchmentOptions(o), cellKm: o.cellKm });
  const sql = `WITH measured AS (
  SELECT c.region_id, c.population, 1e4 * c.accessibility AS value, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon, NULL AS bucket
  FROM (${inner.sql}) c JOIN population p ON p.cell_id = c.cell_id
),
${scopedGrid()}
SELECT CASE WHEN grouping(gx) = 0 THEN 'cell' ELSE 'region' END AS kind, region_id,
  any_value(lon0) + gx * any_value(deg) AS lon, any_value(lat0) + gy * any_value(deg) AS lat, any_value(deg) AS deg,
  CAST(sum(population) AS DOUBLE) AS population,
  CASE WHEN sum(population) > 0 THEN sum(population * value) / sum(population) END AS value
FROM binned GROUP BY GROUPING SETS ((region_id), (gx, gy))
ORDER BY kind DESC, region_id, gy, gx`;
  return { sql, params: [...(inner.params ?? []), o.province, o.province, MAP_CELLS_ACROSS] };
}

/** The estimate that decides between exact and gridded (`catchmentPlanSql`): always over the whole country, as the measure is. */
export function catchmentPlanQuery(o: { service: AccessService; catchmentKm: number }): Query {
  return catchmentPlanSql({ service: checkService(o.service), catchmentKm: o.catchmentKm, demandCells: ACCESS_DEMAND_CELLS });
}

/** CTEs `scoped` (points in the province), `ext` (grid origin and cell side) and `binned` over `measured`. */
function scopedGrid(): string {
  return `scoped AS (
  SELECT * FROM measured
  WHERE CAST(? AS VARCHAR) IS NULL OR region_id IN (SELECT region_id FROM regions WHERE parent_id = CAST(? AS VARCHAR))
),
ext AS (
  SELECT min(lat) AS lat0, min(lon) AS lon0, greatest(max(lat) - min(lat), max(lon) - min(lon), 1e-6) / CAST(? AS DOUBLE) AS deg FROM scoped
),
binned AS (
  SELECT s.*, e.lat0, e.lon0, e.deg, CAST(floor((s.lon - e.lon0) / e.deg) AS BIGINT) AS gx, CAST(floor((s.lat - e.lat0) / e.deg) AS BIGINT) AS gy
  FROM scoped s, ext e
)`;
}

export interface FacilityPoint {
  facility_id: string;
  name: string;
  type: string;
  lat: number;
  lon: number;
  /** Null when not reported (absent is not zero). */
  beds: number | null;
  /** Doctors + nurses + midwives; null unless all three are reported (the rule of knownShare.ts). */
  workforce: number | null;
}

/** Facilities in scope offering the service, for the map. */
export function facilityPointsQuery(o: AccessScope): Query {
  const service = checkService(o.service) ?? null;
  return {
    sql: `SELECT facility_id, name, type, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon, CAST(beds AS DOUBLE) AS beds,
  CAST(doctors + nurses + midwives AS DOUBLE) AS workforce
FROM facilities
WHERE (CAST(? AS VARCHAR) IS NULL OR region_id IN (SELECT region_id FROM regions WHERE parent_id = CAST(? AS VARCHAR)))
  AND (CAST(? AS VARCHAR) IS NULL OR list_contains(services, CAST(? AS VARCHAR)))
ORDER BY facility_id`,
    params: [o.province, o.province, service, service],
  };
}

export interface DistrictPovertyRow {
  region_id: string;
  /** Percent of the population below the national poverty line. */
  poverty: number;
  year: number;
}

/** Poverty rate per district in scope: socioeconomic 'poverty_rate', the latest year with a value. */
export function districtPovertyQuery(o: { province: string | null }): Query {
  return {
    sql: `SELECT s.region_id, CAST(s.value AS DOUBLE) AS poverty, CAST(s.year AS INTEGER) AS year
FROM socioeconomic s JOIN regions r ON r.region_id = s.region_id
WHERE s.indicator_id = 'poverty_rate' AND s.value IS NOT NULL AND r.level = 2
  AND (CAST(? AS VARCHAR) IS NULL OR r.parent_id = CAST(? AS VARCHAR))
QUALIFY row_number() OVER (PARTITION BY s.region_id ORDER BY s.year DESC) = 1
ORDER BY s.region_id`,
    params: [o.province, o.province],
  };
}
