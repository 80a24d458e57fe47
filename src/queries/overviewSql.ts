import { codeOrParam, type Query } from '../db/sqlText';
import type { DistrictTotals } from '../metrics/kpi';
import { MIN_KNOWN_SHARE } from '../metrics/knownShare';

/** Access measures the overview can map and rank: per 10,000 people in each district. */
export const DENSITY_MEASURES = ['workforce', 'doctors', 'beds', 'facilities'] as const;
export type DensityMeasure = (typeof DENSITY_MEASURES)[number];

export interface FacilityFilters {
  /** Count only facilities of this type / ownership / offering this service (null: all). */
  facilityType?: string | null;
  ownership?: string | null;
  service?: string | null;
}

export interface OverviewFilters extends FacilityFilters {
  /** Province region_id, or null for the whole country. */
  province: string | null;
}

/**
 * A district's row: its totals as kpiOf sums them (beds and staff summed over the facilities that report them, null
 * when no facility in the dataset does: "absent is not zero"; workforce = doctors + nurses + midwives over the
 * facilities that report all three; the known counts always present), with names, known shares and densities.
 */
export interface DistrictDensityRow extends Required<DistrictTotals> {
  region_id: string;
  name: string;
  name_ar: string | null;
  province_id: string;
  province: string;
  /** known / facilities (1 with no facility); null when the measure is not in the dataset. */
  beds_known_share: number | null;
  doctors_known_share: number | null;
  workforce_known_share: number | null;
  facilities_per_10k: number | null;
  /** Null when not in the dataset or known for fewer than MIN_KNOWN_SHARE of the district's facilities. */
  beds_per_10k: number | null;
  doctors_per_10k: number | null;
  workforce_per_10k: number | null;
}

/** The pre-aggregated table the overview's queries read (built by overviewCubeSql when facilities or regions change). */
export const OVERVIEW_CUBE = 'overview_cube';

/**
 * Facility totals per district, facility type, ownership and service, so that a filter change sums a few hundred
 * rows instead of re-reading every facility (the pre-aggregation Mosaic uses for its group-bys). Per district: one
 * `district_row` (names, population, zero counts: districts with no facility still appear), one row per type and
 * ownership with `service` NULL (every facility), and one per type, ownership and service offered (list_distinct:
 * a facility counts once per service). Workforce = doctors + nurses + midwives (WHO SDG 3.c).
 *
 * Absent is not zero (metrics/knownShare.ts): beds, staff and workforce are summed over the facilities that report
 * them (SUM of all-NULL stays NULL) with the count of those facilities beside them (`*_known`); a facility's workforce
 * is known only when all three cadres are. A district_row holds 0 for a measure that some facility in the dataset
 * reports (a district with no facility then has a known total of 0), NULL for one that none reports.
 */
export function overviewCubeSql(): string {
  return `CREATE OR REPLACE TABLE ${OVERVIEW_CUBE} AS
WITH offered AS (
  SELECT region_id, type, ownership, NULL::VARCHAR AS service, beds, doctors, nurses, midwives FROM facilities
  UNION ALL
  SELECT region_id, type, ownership, UNNEST(list_distinct(services)) AS service, beds, doctors, nurses, midwives FROM facilities
),
totals AS (
  SELECT region_id, type, ownership, service, COUNT(*)::DOUBLE AS facilities,
         SUM(beds)::DOUBLE AS beds, SUM(doctors)::DOUBLE AS doctors, SUM(nurses)::DOUBLE AS nurses, SUM(midwives)::DOUBLE AS midwives,
         SUM(doctors + nurses + midwives)::DOUBLE AS workforce,
         COUNT(beds)::DOUBLE AS beds_known, COUNT(doctors)::DOUBLE AS doctors_known, COUNT(doctors + nurses + midwives)::DOUBLE AS workforce_known
  FROM offered GROUP BY ALL
),
held AS (
  SELECT CASE WHEN COUNT(beds) > 0 THEN 0 END::DOUBLE AS beds, CASE WHEN COUNT(doctors) > 0 THEN 0 END::DOUBLE AS doctors,
         CASE WHEN COUNT(nurses) > 0 THEN 0 END::DOUBLE AS nurses, CASE WHEN COUNT(midwives) > 0 THEN 0 END::DOUBLE AS midwives,
         CASE WHEN COUNT(doctors + nurses + midwives) > 0 THEN 0 END::DOUBLE AS workforce
  FROM facilities
),
districts AS (
  SELECT r.region_id, r.name, r.name_ar, r.parent_id AS province_id, p.name AS province, r.population
  FROM regions r LEFT JOIN regions p ON p.region_id = r.parent_id WHERE r.level = 2
)
SELECT region_id, name, name_ar, province_id, province, population, true AS district_row,
       NULL::VARCHAR AS type, NULL::VARCHAR AS ownership, NULL::VARCHAR AS service,
       0::DOUBLE AS facilities, h.beds, h.doctors, h.nurses, h.midwives, h.workforce,
       0::DOUBLE AS beds_known, 0::DOUBLE AS doctors_known, 0::DOUBLE AS workforce_known
FROM districts, held h
UNION ALL
SELECT t.region_id, NULL, NULL, d.province_id, NULL, NULL, false, t.type, t.ownership, t.service,
       t.facilities, t.beds, t.doctors, t.nurses, t.midwives, t.workforce, t.beds_known, t.doctors_known, t.workforce_known
FROM totals t JOIN districts d USING (region_id)
ORDER BY province_id, region_id`;
}

/** Every district with all its facilities (no facility filter): the overview's default state, read as is. */
export const OVERVIEW_DISTRICTS = 'overview_districts';

/** Stored in region_id order, so that reading it needs no sort (see districtsInScope). */
export const overviewDistrictsSql = () => `CREATE OR REPLACE TABLE ${OVERVIEW_DISTRICTS} AS ${cubeDistricts({ province: null }).sql} ORDER BY region_id`;

const perTenThousand = (x: string, population: string) => `1e4 * ${x} / NULLIF(${population}, 0)`;

/** known / facilities (1 with no facility), NULL when the measure is not in the dataset (its sum is NULL). */
const knownShare = (m: string) => `CASE WHEN SUM(${m}) IS NULL THEN NULL WHEN SUM(facilities) = 0 THEN 1.0 ELSE SUM(${m}_known) / SUM(facilities) END`;
/** The density, only where the measure is known for at least MIN_KNOWN_SHARE of the facilities (knownShare.ts). */
const knownDensity = (m: string, population: string) =>
  `CASE WHEN (${knownShare(m)}) >= ${MIN_KNOWN_SHARE} THEN ${perTenThousand(`SUM(${m})`, population)} END`;

/**
 * Districts in scope with their totals and densities, summed from the cube. Only the filters that are set appear in
 * the SQL (a `? IS NULL OR` guard keeps DuckDB from simplifying the plan: several times slower per query), and
 * codes go in as literals (codeOrParam).
 */
function cubeDistricts(f: OverviewFilters): Query {
  const { province = null, facilityType = null, ownership = null, service = null } = f;
  const params: unknown[] = [];
  const facility = ['NOT district_row', service == null ? 'service IS NULL' : `service = ${codeOrParam(service, params)}`];
  if (facilityType != null) facility.push(`type = ${codeOrParam(facilityType, params)}`);
  if (ownership != null) facility.push(`ownership = ${codeOrParam(ownership, params)}`);
  const where = [`(district_row OR (${facility.join(' AND ')}))`];
  if (province != null) where.push(`province_id = ${codeOrParam(province, params)}`);
  const population = 'any_value(population)';
  return {
    sql: `SELECT region_id, any_value(name) AS name, any_value(name_ar) AS name_ar, any_value(province_id) AS province_id,
       any_value(province) AS province, ${population} AS population, SUM(facilities) AS facilities, SUM(beds) AS beds,
       SUM(doctors) AS doctors, SUM(nurses) AS nurses, SUM(midwives) AS midwives, SUM(workforce) AS workforce,
       SUM(beds_known) AS beds_known, SUM(doctors_known) AS doctors_known, SUM(workforce_known) AS workforce_known,
       ${knownShare('beds')} AS beds_known_share, ${knownShare('doctors')} AS doctors_known_share, ${knownShare('workforce')} AS workforce_known_share,
       ${perTenThousand('SUM(facilities)', population)} AS facilities_per_10k, ${knownDensity('beds', population)} AS beds_per_10k,
       ${knownDensity('doctors', population)} AS doctors_per_10k, ${knownDensity('workforce', population)} AS workforce_per_10k
FROM ${OVERVIEW_CUBE} WHERE ${where.join(' AND ')} GROUP BY region_id`,
    params,
  };
}

/**
 * Districts in scope, ordered by region_id: summed from the cube when a facility filter is set, else read from
 * overview_districts in its stored order. DuckDB returns a table's rows in insertion order when a query has no
 * ORDER BY (preserve_insertion_order, on by default), and a filter keeps that order. Sorting 48 rows again on
 * every query cost more than the rest of the query (README, *Design notes and measurements*).
 */
function districtsInScope(f: OverviewFilters): Query {
  if (f.facilityType != null || f.ownership != null || f.service != null) {
    const d = cubeDistricts(f);
    return { sql: `${d.sql} ORDER BY region_id`, params: d.params };
  }
  const params: unknown[] = [];
  const where = f.province == null ? '' : ` WHERE province_id = ${codeOrParam(f.province, params)}`;
  return { sql: `SELECT * FROM ${OVERVIEW_DISTRICTS}${where}`, params };
}

/** One row per district in scope, ordered by region_id, with counts and densities per 10,000 people. */
export function districtDensityQuery(f: OverviewFilters): Query {
  return { ...districtsInScope(f), quick: true };
}

/** Provinces, for the region filter. */
export function provincesQuery(): Query {
  return { sql: 'SELECT region_id, name, name_ar FROM regions WHERE level = 1 ORDER BY name', params: [] };
}

/** Every region's names, for labels in the interface language (name_ar, name_fr are optional: typed NULLs when a file lacks them). */
export function regionNamesQuery(): Query {
  return { sql: 'SELECT region_id, name, name_ar, name_fr FROM regions', params: [] };
}
