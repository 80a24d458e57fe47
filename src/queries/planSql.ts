/**
 * SQL for the Plan view: pure (options) -> { sql, params }. The measures come from the access library
 * (`nearestFacilitySql`, `pairsWithinSql`) and the scenario table (`scenarioTableSql`, facilities_scenario-like):
 *
 *   facilities            --baselineTablesSql--> plan_near_base (cell_id, region_id, population, lat, lon, distance_km, facility_id)
 *                                                + its distance bands plan_near_base_b0..b7 (built once)
 *   edits                 --scenarioTableSql---> plan_fac_k (today's facilities, upgraded, + added + outreach stops)
 *   plan_fac_k            --newFacilitiesSql---> plan_new_k (only the facilities today's list lacks: few rows)
 *   plan_near_base, plan_new_k --incrementalNearestSql--> plan_near_k (same columns as the baseline)
 *   plan_near_* + facilities table --planSummaryQuery--> per district: people within X km, mean distance, staff
 *
 * Why incremental is exact: a scenario only ADDS facilities (added, outreach stops; with a service filter also
 * upgraded facilities that gain the service) and never moves or removes one, so a point's nearest facility in
 * the scenario is min(today's nearest, nearest new facility), comparing (distance, facility_id) as the full
 * computation does (ties to the smallest id). Only new facilities closer than today's distance can matter, so
 * each point looks within its own distance band, bounded by the nearest-facility search radii (NEAREST_SEARCH_KM:
 * 1, 2, 4 ... 64 km): points whose nearest is within 1 km are paired with new facilities within 1 km through the
 * library's grid (pairsWithinSql), those between 1 and 2 km within 2 km, and so on; the few points farther than the
 * last radius (or with no facility at all) are compared with every new facility. Same haversine expression,
 * same argument order, so distances are bit-identical to `nearestTableSql` over the scenario's full list
 * (planSql.test.ts checks it on many seeded scenarios, with and without a service filter).
 */
import { FACILITY_FLAGS, LOCATION_FLAGS } from '../data/plausibilitySql';
import { quoteTable, type Query } from '../db/sqlText';
import { OUTREACH_TYPE, type ScenarioEdit } from '../metrics/scenario';
import { haversineSql, NEAREST_SEARCH_KM, nearestFacilitySql, pairsWithinSql } from './accessSql';
import { PLACEMENT_DEMAND_TABLE } from './placementSql';
import { scenarioTableSql } from './scenarioSql';

export const PLAN_BASE_NEAR = 'plan_near_base';
export const PLAN_UNDERSERVED = 'plan_underserved';
/** Scenario k's facility list and nearest distances (temporary tables, one per scenario so runs never collide). */
export const planTables = (k: number) => ({ facilities: `plan_fac_${k}`, added: `plan_new_${k}`, near: `plan_near_${k}` });

// Today's distances are stored in bands of the nearest-facility search radii (see incrementalNearestSql).
const SEARCH_RADII_KM = NEAREST_SEARCH_KM;

/** TEMP table `target`: each population point's nearest facility of `facilities` (exact; NULL when there is none). */
export function nearestTableSql(facilities: string, target: string, service?: string): Query {
  const near = nearestFacilitySql({ tables: { facilities }, searchRadiiKm: SEARCH_RADII_KM, service });
  return { sql: `CREATE OR REPLACE TEMP TABLE ${quoteTable(target)} AS ${near.sql}`, params: near.params };
}

/** Distance bands of the baseline: band b holds the points whose nearest facility lies between search radii b-1 and b; the last, the rest (farther or none). */
const bandTable = (baseline: string, b: number) => `${baseline}_b${b}`;

/**
 * Today's nearest facility per point, stored once (with the point's lat/lon), and its distance bands as TEMP
 * tables `<target>_b0..b7` (one per search radius, then the rest) for incrementalNearestSql. Several statements:
 * run them in order.
 */
export function baselineTablesSql(o: { facilities?: string; target?: string; service?: string } = {}): Query[] {
  const target = o.target ?? PLAN_BASE_NEAR;
  const near = nearestFacilitySql({ tables: { facilities: o.facilities ?? 'facilities' }, searchRadiiKm: SEARCH_RADII_KM, service: o.service });
  const steps: Query[] = [{
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteTable(target)} AS
SELECT n.cell_id, n.region_id, n.population, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon, n.distance_km, n.facility_id
FROM (${near.sql}) n JOIN population p ON p.cell_id = n.cell_id`,
    params: near.params,
  }];
  const bounds = [0, ...SEARCH_RADII_KM];
  for (let b = 0; b <= SEARCH_RADII_KM.length; b++) {
    const where = b < SEARCH_RADII_KM.length
      ? `distance_km ${b === 0 ? '>=' : '>'} ${bounds[b]} AND distance_km <= ${bounds[b + 1]}`
      : `distance_km IS NULL OR distance_km > ${bounds[b]}`;
    steps.push({ sql: `CREATE OR REPLACE TEMP TABLE ${quoteTable(bandTable(target, b))} AS SELECT * FROM ${quoteTable(target)} WHERE ${where}`, params: [] });
  }
  return steps;
}

/**
 * TEMP table `target`(facility_id, lat, lon): the facilities of the scenario table that today's list (with the
 * service filter) lacks -- added facilities and outreach stops, and with a service filter the upgraded facilities
 * that gain the service. A scenario never removes or moves a facility, so these are all that can change distances.
 */
export function newFacilitiesSql(o: { scenario: string; target: string; facilities?: string; service?: string }): Query {
  const has = o.service === undefined ? 'true' : 'list_contains(services, CAST(? AS VARCHAR))';
  if (o.service !== undefined && (typeof o.service !== 'string' || o.service === '')) throw new Error(`invalid service: ${String(o.service)}`);
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteTable(o.target)} AS
SELECT facility_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${quoteTable(o.scenario)}
WHERE ${has} AND facility_id NOT IN (SELECT facility_id FROM ${quoteTable(o.facilities ?? 'facilities')} WHERE ${has})`,
    params: o.service === undefined ? [] : [o.service, o.service],
  };
}

/**
 * TEMP table `target`, the scenario's nearest facility per point, from today's (`baseline`, built by
 * baselineTablesSql) and the new facilities (`added`, built by newFacilitiesSql): equal to nearestTableSql over
 * the scenario's whole facility list. Pairs are formed only within each point's band (see the top of this file).
 */
export function incrementalNearestSql(o: { baseline: string; added: string; target: string }): Query {
  const params: unknown[] = [];
  const parts: string[] = [];
  SEARCH_RADII_KM.forEach((r, b) => {
    const pairs = pairsWithinSql({ tables: { population: bandTable(o.baseline, b), facilities: o.added }, radiusKm: r });
    parts.push(`SELECT cell_id, facility_id, distance_km FROM (${pairs.sql})`);
    params.push(...(pairs.params ?? []));
  });
  const far = quoteTable(bandTable(o.baseline, SEARCH_RADII_KM.length));
  parts.push(`SELECT p.cell_id, f.facility_id, ${haversineSql('p.lat', 'p.lon', 'f.lat', 'f.lon')} AS distance_km FROM ${far} p CROSS JOIN ${quoteTable(o.added)} f`);
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteTable(o.target)} AS
WITH cand AS (${parts.join('\nUNION ALL\n')}),
best AS (SELECT cell_id, min(struct_pack(d := distance_km, id := facility_id)) AS m FROM cand GROUP BY cell_id)
SELECT b.cell_id, b.region_id, b.population, b.lat, b.lon,
  CASE WHEN n.m IS NULL OR (b.distance_km IS NOT NULL AND struct_pack(d := b.distance_km, id := b.facility_id) <= n.m) THEN b.distance_km ELSE n.m.d END AS distance_km,
  CASE WHEN n.m IS NULL OR (b.distance_km IS NOT NULL AND struct_pack(d := b.distance_km, id := b.facility_id) <= n.m) THEN b.facility_id ELSE n.m.id END AS facility_id
FROM ${quoteTable(o.baseline)} b LEFT JOIN best n ON n.cell_id = b.cell_id`,
    params,
  };
}

/** The statements that build scenario slot k incrementally (the baseline tables must exist). */
export function scenarioStepsSql(edits: readonly ScenarioEdit[], k: number, o: { baseline?: string; service?: string } = {}): Query[] {
  const t = planTables(k);
  return [
    scenarioTableSql(edits, { target: t.facilities }),
    newFacilitiesSql({ scenario: t.facilities, target: t.added, service: o.service }),
    incrementalNearestSql({ baseline: o.baseline ?? PLAN_BASE_NEAR, added: t.added, target: t.near }),
  ];
}

export interface PlanDistrictRow {
  region_id: string;
  name: string;
  province_id: string;
  province: string;
  /** Resident population (regions table): the denominator of densities, as in the Overview. */
  population: number;
  /** Population of the district's points, and those within the threshold of a facility. */
  point_population: number;
  within: number;
  /** Population-weighted mean straight-line km to the nearest facility. */
  mean_km: number | null;
  beds: number;
  doctors: number;
  workforce: number;
  /** Facilities, and those reporting doctors / all three cadres (absent is not zero: metrics/knownShare.ts). */
  facilities: number;
  doctors_known: number;
  workforce_known: number;
}

/** Per district: people within `withinKm` (inclusive) of a facility, mean nearest distance, beds, doctors, workforce. */
export function planSummaryQuery(o: { near: string; facilities: string; withinKm: number }): Query {
  if (!(o.withinKm >= 0) || !Number.isFinite(o.withinKm)) throw new Error(`invalid withinKm: ${o.withinKm}`);
  return {
    sql: `WITH pts AS (
  SELECT region_id, sum(population) AS point_population, coalesce(sum(population) FILTER (WHERE distance_km <= CAST(? AS DOUBLE)), 0) AS within,
    sum(population * distance_km) / nullif(sum(population) FILTER (WHERE distance_km IS NOT NULL), 0) AS mean_km
  FROM ${quoteTable(o.near)} GROUP BY region_id
),
fac AS (
  SELECT region_id, sum(coalesce(beds, 0)) AS beds, sum(coalesce(doctors, 0)) AS doctors,
    sum(coalesce(doctors, 0) + coalesce(nurses, 0) + coalesce(midwives, 0)) AS workforce,
    count(*) AS facilities, count(doctors) AS doctors_known, count(doctors + nurses + midwives) AS workforce_known
  FROM ${quoteTable(o.facilities)} GROUP BY region_id
)
SELECT r.region_id, r.name, r.parent_id AS province_id, p.name AS province, CAST(r.population AS DOUBLE) AS population,
  CAST(coalesce(pts.point_population, 0) AS DOUBLE) AS point_population, CAST(coalesce(pts.within, 0) AS DOUBLE) AS within, pts.mean_km,
  CAST(coalesce(fac.beds, 0) AS DOUBLE) AS beds, CAST(coalesce(fac.doctors, 0) AS DOUBLE) AS doctors, CAST(coalesce(fac.workforce, 0) AS DOUBLE) AS workforce,
  CAST(coalesce(fac.facilities, 0) AS DOUBLE) AS facilities, CAST(coalesce(fac.doctors_known, 0) AS DOUBLE) AS doctors_known,
  CAST(coalesce(fac.workforce_known, 0) AS DOUBLE) AS workforce_known
FROM regions r LEFT JOIN regions p ON p.region_id = r.parent_id
LEFT JOIN pts ON pts.region_id = r.region_id LEFT JOIN fac ON fac.region_id = r.region_id
WHERE r.level = 2 ORDER BY r.region_id`,
    params: [o.withinKm],
  };
}

export interface DistrictSiteRow { region_id: string; lat: number; lon: number; population: number }

/** Each district's most populous point (ties: smallest cell_id): where "add in this district" places a facility. */
export function districtSitesQuery(): Query {
  return {
    sql: `SELECT region_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon, CAST(population AS DOUBLE) AS population FROM population
QUALIFY row_number() OVER (PARTITION BY region_id ORDER BY population DESC, cell_id) = 1 ORDER BY region_id`,
    params: [],
  };
}

export interface DistrictFacilityRow { facility_id: string; name: string; type: string; beds: number | null; doctors: number | null; nurses: number | null; midwives: number | null; services: string[] | null }

/** The facilities of one district, for the upgrade picker (largest first). */
export function districtFacilitiesQuery(regionId: string): Query {
  return {
    sql: `SELECT facility_id, name, type, beds, doctors, nurses, midwives, services FROM facilities WHERE region_id = CAST(? AS VARCHAR)
ORDER BY coalesce(beds, 0) + coalesce(doctors, 0) + coalesce(nurses, 0) + coalesce(midwives, 0) DESC, facility_id`,
    params: [regionId],
  };
}

/** The scenario's changes as rows (for CSV/Parquet export): one per added facility, upgrade or mobile clinic. */
export function scenarioEditsQuery(name: string, edits: readonly ScenarioEdit[]): Query {
  if (edits.length === 0) {
    return { sql: `SELECT CAST(NULL AS VARCHAR) AS scenario, CAST(NULL AS VARCHAR) AS change, CAST(NULL AS VARCHAR) AS facility_id WHERE false`, params: [] };
  }
  const params: unknown[] = [];
  const row = (e: ScenarioEdit) => {
    const id = e.kind === 'upgrade' ? e.facilityId : e.id;
    const lat = e.kind === 'upgrade' ? null : e.lat;
    const lon = e.kind === 'upgrade' ? null : e.lon;
    const type = e.kind === 'add' ? e.type : e.kind === 'outreach' ? e.type ?? OUTREACH_TYPE : null;
    const radius = e.kind === 'outreach' ? e.radiusKm : null;
    params.push(name, e.kind === 'add' ? 'added' : e.kind === 'upgrade' ? 'upgraded' : 'mobile clinic', id, lat, lon, type, radius,
      e.beds ?? null, e.doctors ?? null, e.nurses ?? null, e.midwives ?? null, (e.services ?? []).join(';'));
    return '(CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS VARCHAR), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS VARCHAR))';
  };
  const body = edits.map(row).join(', ');
  return {
    sql: `SELECT * FROM (VALUES ${body}) v(scenario, change, facility_id, lat, lon, type, radius_km, beds, doctors, nurses, midwives, services)`,
    params,
  };
}

export interface PlacementDistrictRow { region_id: string; name: string; people: number }

/**
 * After runPlacement: people per district who gain from the proposed sites (read from its placement_demand table).
 * coverage: not yet within the threshold of a facility, and within it of a proposed site; p-median: a proposed
 * site within the threshold is closer than their current nearest facility.
 */
export function placementDistrictsQuery(sites: readonly { lat: number; lon: number }[], thresholdKm: number, objective: 'coverage' | 'p-median'): Query {
  if (sites.length === 0) return { sql: 'SELECT CAST(NULL AS VARCHAR) AS region_id, CAST(NULL AS VARCHAR) AS name, 0.0 AS people WHERE false', params: [] };
  const params: unknown[] = sites.flatMap((s) => [s.lat, s.lon]);
  const d = haversineSql('d.lat', 'd.lon', 's.lat', 's.lon');
  const gains = objective === 'coverage' ? `${d} <= CAST(? AS DOUBLE)` : `${d} <= CAST(? AS DOUBLE) AND (d.existing_km IS NULL OR ${d} < d.existing_km)`;
  params.push(thresholdKm);
  return {
    sql: `WITH s AS (SELECT * FROM (VALUES ${sites.map(() => '(CAST(? AS DOUBLE), CAST(? AS DOUBLE))').join(', ')}) v(lat, lon))
SELECT d.region_id, any_value(r.name) AS name, CAST(sum(d.population) AS DOUBLE) AS people
FROM ${PLACEMENT_DEMAND_TABLE} d JOIN regions r ON r.region_id = d.region_id
WHERE EXISTS (SELECT 1 FROM s WHERE ${gains})
GROUP BY d.region_id ORDER BY people DESC, d.region_id`,
    params,
  };
}

/** District of each proposed site (candidate ids are population cell ids). */
export function siteDistrictsQuery(ids: readonly string[]): Query {
  if (ids.length === 0) return { sql: 'SELECT CAST(NULL AS VARCHAR) AS id, CAST(NULL AS VARCHAR) AS region_id, CAST(NULL AS VARCHAR) AS name WHERE false', params: [] };
  return {
    sql: `SELECT CAST(p.cell_id AS VARCHAR) AS id, p.region_id, r.name FROM population p JOIN regions r ON r.region_id = p.region_id
WHERE CAST(p.cell_id AS VARCHAR) IN (${ids.map(() => 'CAST(? AS VARCHAR)').join(', ')})`,
    params: [...ids],
  };
}

/** TEMP table of the population points farther than `withinKm` from any facility (from the stored nearest distances). */
export function underservedTableSql(withinKm: number): Query {
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${PLAN_UNDERSERVED} AS
SELECT p.cell_id, p.region_id, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon, CAST(p.population AS DOUBLE) AS population
FROM population p JOIN ${PLAN_BASE_NEAR} n ON n.cell_id = p.cell_id
WHERE n.distance_km IS NULL OR n.distance_km > CAST(? AS DOUBLE)`,
    params: [withinKm],
  };
}

export interface PartnershipReachRow {
  facility_id: string;
  name: string;
  type: string;
  region_id: string;
  district: string;
  lat: number;
  lon: number;
  /** People beyond the threshold of any facility who live within the outreach radius of this one. */
  outreach_reach: number;
  /** People whose nearest facility this is, in the worst-served fifth of districts (health workers per 10,000). */
  catchment_reach: number;
  worst_fifth: boolean;
  partnerships: number;
  programmes: string | null;
}

/**
 * Where would a partnership reach the underserved? For every existing facility: mobile-clinic outreach reach
 * (underserved people within `radiusKm`, from the TEMP table of underservedTableSql) and telemedicine/training
 * reach (its nearest-facility catchment in the fifth of districts with the fewest health workers per 10,000),
 * next to the partnerships it has today (all years).
 */
export function partnershipReachQuery(o: { radiusKm: number; excludeFlagged?: boolean }): Query {
  const pairs = pairsWithinSql({ tables: { population: PLAN_UNDERSERVED }, radiusKm: o.radiusKm });
  // Facilities whose location is flagged (plausibilitySql.ts) are no base for a programme: where they are is unknown.
  const flagged = o.excludeFlagged
    ? `WHERE NOT EXISTS (SELECT 1 FROM ${FACILITY_FLAGS} g WHERE g.facility_id = f.facility_id AND g.flag IN (${LOCATION_FLAGS.map((x) => `'${x}'`).join(', ')}))\n`
    : '';
  return {
    sql: `WITH pairs AS (${pairs.sql}),
reach AS (SELECT q.facility_id, sum(u.population) AS people FROM pairs q JOIN ${PLAN_UNDERSERVED} u ON u.cell_id = q.cell_id GROUP BY q.facility_id),
dens AS (
  SELECT r.region_id, r.name, CASE WHEN r.population > 0 THEN 1e4 * coalesce(sum(coalesce(f.doctors, 0) + coalesce(f.nurses, 0) + coalesce(f.midwives, 0)), 0) / r.population END AS workforce_per_10k
  FROM regions r LEFT JOIN facilities f ON f.region_id = r.region_id WHERE r.level = 2 GROUP BY r.region_id, r.name, r.population
),
fifth AS (SELECT region_id, name, NTILE(5) OVER (ORDER BY workforce_per_10k NULLS FIRST, region_id) = 1 AS worst FROM dens),
catch AS (SELECT n.facility_id, sum(n.population) AS people FROM ${PLAN_BASE_NEAR} n JOIN fifth ON fifth.region_id = n.region_id AND fifth.worst GROUP BY n.facility_id),
today AS (SELECT facility_id, count(*) AS n, string_agg(DISTINCT programme, ', ' ORDER BY programme) AS programmes FROM partnerships GROUP BY facility_id)
SELECT f.facility_id, f.name, f.type, f.region_id, fifth.name AS district, CAST(f.lat AS DOUBLE) AS lat, CAST(f.lon AS DOUBLE) AS lon,
  CAST(coalesce(reach.people, 0) AS DOUBLE) AS outreach_reach, CAST(coalesce(catch.people, 0) AS DOUBLE) AS catchment_reach, coalesce(fifth.worst, false) AS worst_fifth,
  CAST(coalesce(today.n, 0) AS DOUBLE) AS partnerships, today.programmes
FROM facilities f LEFT JOIN fifth ON fifth.region_id = f.region_id LEFT JOIN reach ON reach.facility_id = f.facility_id
LEFT JOIN catch ON catch.facility_id = f.facility_id LEFT JOIN today ON today.facility_id = f.facility_id
${flagged}ORDER BY f.facility_id`,
    params: pairs.params,
  };
}
