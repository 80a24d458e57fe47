/**
 * The facility rows the travel-time analyses read (src/state/useTravelAnalyses.ts): travelFacilitiesQuery's columns
 * plus what coverage and referral report per facility: id, name, district and the capacity columns, NULL where the
 * registry does not report them (absent is not zero: never coalesced here).
 */
import type { Query } from '../db/sqlRunner';
import type { TravelFacilityRow } from './travelTimeSql';

export interface AnalysisFacilityRow extends TravelFacilityRow {
  facility_id: string;
  name: string | null;
  region_id: string | null;
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
}

export function analysisFacilitiesQuery(): Query {
  return {
    sql: `SELECT CAST(facility_id AS VARCHAR) AS facility_id, CAST(name AS VARCHAR) AS name, CAST(region_id AS VARCHAR) AS region_id,
  CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat, CAST(type AS VARCHAR) AS type, CAST(ownership AS VARCHAR) AS ownership,
  coalesce(array_to_string(services, '|'), '') AS services,
  CAST(beds AS DOUBLE) AS beds, CAST(doctors AS DOUBLE) AS doctors, CAST(nurses AS DOUBLE) AS nurses, CAST(midwives AS DOUBLE) AS midwives
FROM facilities WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY facility_id`,
    params: [],
  };
}
