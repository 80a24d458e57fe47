import type { Query } from '../db/sqlText';
import { districtDensityQuery, type DensityMeasure, type DistrictDensityRow, type FacilityFilters } from './overviewSql';

export interface PartnershipFilters extends FacilityFilters {
  province: string | null;
  /** Partnerships active in this year (start <= year <= end, or ongoing); null for all. */
  year: number | null;
  partnerType: string | null;
  programme: string | null;
  /** The access measure that defines the worst-served fifth of districts. */
  measure: DensityMeasure;
}

// Partnerships passing the filters (their own, and the facility filters), with their facility's district.
const SELECTED = `selected AS (
  SELECT p.*, f.region_id, f.name AS facility_name, f.lat, f.lon, f.type AS facility_type
  FROM partnerships p JOIN facilities f USING (facility_id)
  WHERE (?::INTEGER IS NULL OR (p.start_year <= ?::INTEGER AND (p.end_year IS NULL OR p.end_year >= ?::INTEGER)))
    AND (?::VARCHAR IS NULL OR p.partner_type = ?::VARCHAR)
    AND (?::VARCHAR IS NULL OR p.programme = ?::VARCHAR)
    AND (?::VARCHAR IS NULL OR f.type = ?::VARCHAR) AND (?::VARCHAR IS NULL OR f.ownership = ?::VARCHAR)
    AND (?::VARCHAR IS NULL OR list_contains(f.services, ?::VARCHAR))
)`;
const selectedParams = (f: PartnershipFilters) => {
  const { facilityType = null, ownership = null, service = null } = f;
  return [f.year, f.year, f.year, f.partnerType, f.partnerType, f.programme, f.programme, facilityType, facilityType, ownership, ownership, service, service];
};
const MEASURE_COLUMN: Record<DensityMeasure, string> = {
  workforce: 'workforce_per_10k', doctors: 'doctors_per_10k', beds: 'beds_per_10k', facilities: 'facilities_per_10k',
};

export type PartnershipDistrictRow = DistrictDensityRow & { partnerships: number; underserved: boolean; access_fifth: number };

/**
 * Each district in scope with its partnerships and whether it is in the worst-served fifth (NTILE(5) of the
 * access measure over the districts in scope: fifth 1 = lowest access).
 */
export function partnershipDistrictsQuery(f: PartnershipFilters): Query {
  const base = districtDensityQuery(f);
  return {
    sql: `WITH d AS (${base.sql}), ${SELECTED},
counts AS (SELECT region_id, COUNT(*)::DOUBLE AS partnerships FROM selected GROUP BY region_id)
SELECT d.*, COALESCE(c.partnerships, 0) AS partnerships,
       NTILE(5) OVER (ORDER BY d.${MEASURE_COLUMN[f.measure]}, d.region_id) AS access_fifth,
       NTILE(5) OVER (ORDER BY d.${MEASURE_COLUMN[f.measure]}, d.region_id) = 1 AS underserved
FROM d LEFT JOIN counts c USING (region_id) ORDER BY d.region_id`,
    params: [...(base.params ?? []), ...selectedParams(f)],
  };
}

/** Counts by partner type and programme, in scope. */
export function partnershipCountsQuery(f: PartnershipFilters): Query {
  return {
    sql: `WITH ${SELECTED}
SELECT partner_type, programme, COUNT(*)::DOUBLE AS n FROM selected
WHERE (?::VARCHAR IS NULL OR region_id IN (SELECT region_id FROM regions WHERE parent_id = ?::VARCHAR))
GROUP BY ALL ORDER BY partner_type, programme`,
    params: [...selectedParams(f), f.province, f.province],
  };
}

export interface PartnerFacilityRow { facility_id: string; facility_name: string; region_id: string; lat: number; lon: number; partnerships: number; partners: string }

/** Facilities with at least one selected partnership, for the map. */
export function partnerFacilitiesQuery(f: PartnershipFilters): Query {
  return {
    sql: `WITH ${SELECTED}
SELECT facility_id, ANY_VALUE(facility_name) AS facility_name, ANY_VALUE(region_id) AS region_id, ANY_VALUE(lat) AS lat, ANY_VALUE(lon) AS lon,
       COUNT(*)::DOUBLE AS partnerships, string_agg(DISTINCT partner_name, '; ' ORDER BY partner_name) AS partners
FROM selected
WHERE (?::VARCHAR IS NULL OR region_id IN (SELECT region_id FROM regions WHERE parent_id = ?::VARCHAR))
GROUP BY facility_id ORDER BY facility_id`,
    params: [...selectedParams(f), f.province, f.province],
  };
}
