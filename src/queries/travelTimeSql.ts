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

export interface TravelFacilityRow { lon: number; lat: number; type: string | null; ownership: string | null; services: string }

/**
 * Every facility with a position, once per dataset; `services` joined with '|'. The scope (service, filters) is applied
 * in memory by facilitiesInScope, so a change of service costs no trip through the engine's queue, where it would wait
 * behind the Access view's own heavy queries for the same change.
 */
export function travelFacilitiesQuery(): Query {
  return {
    sql: `SELECT CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat, CAST(type AS VARCHAR) AS type, CAST(ownership AS VARCHAR) AS ownership,
  coalesce(array_to_string(services, '|'), '') AS services
FROM facilities WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY facility_id`,
    params: [],
  };
}

/** Facilities offering the Access view's service (null: any) and matching the global type / ownership / service filters. */
export function facilitiesInScope(rows: readonly TravelFacilityRow[], o: { service: string | null; filters: FacilityFilters }): TravelFacilityRow[] {
  const f = o.filters;
  const offers = (r: TravelFacilityRow, s: string | null | undefined) => s == null || r.services.split('|').includes(s);
  return rows.filter((r) => offers(r, o.service) && offers(r, f.service) && (f.facilityType == null || r.type === f.facilityType) && (f.ownership == null || r.ownership === f.ownership));
}
