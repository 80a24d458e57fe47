import type { Query } from '../db/sqlRunner';

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

export interface DistrictDensityRow {
  region_id: string;
  name: string;
  name_ar: string | null;
  province_id: string;
  province: string;
  population: number;
  facilities: number;
  beds: number;
  doctors: number;
  nurses: number;
  midwives: number;
  workforce: number;
  facilities_per_10k: number;
  beds_per_10k: number;
  doctors_per_10k: number;
  workforce_per_10k: number;
}

export type KpiRow = Omit<DistrictDensityRow, 'region_id' | 'name' | 'name_ar' | 'province_id' | 'province'> & { districts: number };

// Districts in scope and the facility totals per district. Workforce = doctors + nurses + midwives (WHO SDG 3.c).
const DISTRICT_TOTALS = `
districts AS (
  SELECT r.region_id, r.name, r.name_ar, r.parent_id AS province_id, p.name AS province, r.population
  FROM regions r LEFT JOIN regions p ON p.region_id = r.parent_id
  WHERE r.level = 2 AND (?::VARCHAR IS NULL OR r.parent_id = ?::VARCHAR)
),
totals AS (
  SELECT region_id, COUNT(*)::DOUBLE AS facilities, SUM(COALESCE(beds, 0))::DOUBLE AS beds,
         SUM(COALESCE(doctors, 0))::DOUBLE AS doctors, SUM(COALESCE(nurses, 0))::DOUBLE AS nurses,
         SUM(COALESCE(midwives, 0))::DOUBLE AS midwives
  FROM facilities
  WHERE (?::VARCHAR IS NULL OR type = ?::VARCHAR) AND (?::VARCHAR IS NULL OR ownership = ?::VARCHAR)
    AND (?::VARCHAR IS NULL OR list_contains(services, ?::VARCHAR))
  GROUP BY region_id
),
joined AS (
  SELECT d.*, COALESCE(t.facilities, 0) AS facilities, COALESCE(t.beds, 0) AS beds, COALESCE(t.doctors, 0) AS doctors,
         COALESCE(t.nurses, 0) AS nurses, COALESCE(t.midwives, 0) AS midwives,
         COALESCE(t.doctors, 0) + COALESCE(t.nurses, 0) + COALESCE(t.midwives, 0) AS workforce
  FROM districts d LEFT JOIN totals t USING (region_id)
)`;

const totalsParams = (f: OverviewFilters) => {
  const { province = null, facilityType = null, ownership = null, service = null } = f;
  return [province, province, facilityType, facilityType, ownership, ownership, service, service];
};

const per10k = (x: string) => `CASE WHEN population > 0 THEN 1e4 * ${x} / population END`;

/** One row per district in scope, with counts and densities per 10,000 people. */
export function districtDensityQuery(f: OverviewFilters): Query {
  return {
    sql: `WITH ${DISTRICT_TOTALS}
SELECT region_id, name, name_ar, province_id, province, population, facilities, beds, doctors, nurses, midwives, workforce,
       ${per10k('facilities')} AS facilities_per_10k, ${per10k('beds')} AS beds_per_10k,
       ${per10k('doctors')} AS doctors_per_10k, ${per10k('workforce')} AS workforce_per_10k
FROM joined ORDER BY region_id`,
    params: totalsParams(f),
  };
}

/** National (or provincial) totals: the KPI cards. Densities are ratios of sums, not means of district ratios. */
export function kpiQuery(f: OverviewFilters): Query {
  return {
    sql: `WITH ${DISTRICT_TOTALS},
sums AS (
  SELECT COUNT(*)::DOUBLE AS districts, SUM(population)::DOUBLE AS population, SUM(facilities) AS facilities, SUM(beds) AS beds,
         SUM(doctors) AS doctors, SUM(nurses) AS nurses, SUM(midwives) AS midwives, SUM(workforce) AS workforce
  FROM joined
)
SELECT *, ${per10k('facilities')} AS facilities_per_10k, ${per10k('beds')} AS beds_per_10k,
       ${per10k('doctors')} AS doctors_per_10k, ${per10k('workforce')} AS workforce_per_10k
FROM sums`,
    params: totalsParams(f),
  };
}

/** Provinces, for the region filter. */
export function provincesQuery(): Query {
  return { sql: 'SELECT region_id, name, name_ar FROM regions WHERE level = 1 ORDER BY name', params: [] };
}

/** A region's name, for labels. */
export function regionNameQuery(regionId: string): Query {
  return { sql: 'SELECT name, name_ar FROM regions WHERE region_id = ?', params: [regionId] };
}

/** Every region's names, for labels in the interface language (name_ar, name_fr are optional: typed NULLs when a file lacks them). */
export function regionNamesQuery(): Query {
  return { sql: 'SELECT region_id, name, name_ar, name_fr FROM regions', params: [] };
}
