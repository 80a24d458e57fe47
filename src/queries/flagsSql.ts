import { FACILITY_FLAGS } from '../data/plausibilitySql';
import type { Query } from '../db/sqlRunner';

export interface FlaggedFacilityRow { facility_id: string; name: string | null; flag: string; region_id: string | null; found_in: string | null; km: number | null }

/** The flagged facilities (facility_flags, built by the plausibility checks), worst location errors first. */
export function flaggedFacilitiesQuery(limit = 500): Query {
  return {
    sql: `SELECT g.facility_id, f.name, g.flag, g.region_id, g.found_in, g.km FROM ${FACILITY_FLAGS} g LEFT JOIN facilities f ON f.facility_id = g.facility_id
ORDER BY g.flag = 'duplicate', g.km DESC NULLS LAST, g.facility_id LIMIT ?`,
    params: [limit],
  };
}
