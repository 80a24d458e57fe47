/**
 * The rows the travel-time model reads (src/state/useTravelTime.ts): every population point, and the facilities in
 * scope. Facilities are never limited to a province: people near a border may be quickest to one beyond it.
 */
import type { Query } from '../db/sqlRunner';
import type { FacilityFilters } from './overviewSql';

export interface TravelPointRow { region_id: string; lon: number; lat: number; population: number }

/** Population points with a position and a non-null population (absent is not zero: a point without one is left out). */
export function travelPointsQuery(): Query {
  return {
    sql: `SELECT region_id, CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat, CAST(population AS DOUBLE) AS population
FROM population WHERE lat IS NOT NULL AND lon IS NOT NULL AND population IS NOT NULL ORDER BY cell_id`,
    params: [],
  };
}

/**
 * Facilities offering the Access view's service (null: any) and matching the global type / ownership / service
 * filters; all values are parameters.
 */
export function travelFacilitiesQuery(o: { service: string | null; filters: FacilityFilters }): Query {
  const f = o.filters;
  return {
    sql: `SELECT CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat FROM facilities
WHERE lat IS NOT NULL AND lon IS NOT NULL
  AND (CAST(? AS VARCHAR) IS NULL OR list_contains(services, CAST(? AS VARCHAR)))
  AND (CAST(? AS VARCHAR) IS NULL OR list_contains(services, CAST(? AS VARCHAR)))
  AND (CAST(? AS VARCHAR) IS NULL OR type = CAST(? AS VARCHAR))
  AND (CAST(? AS VARCHAR) IS NULL OR ownership = CAST(? AS VARCHAR))
ORDER BY facility_id`,
    params: [o.service, o.service, f.service ?? null, f.service ?? null, f.facilityType ?? null, f.facilityType ?? null, f.ownership ?? null, f.ownership ?? null],
  };
}
