import type { Query } from '../db/sqlRunner';

/**
 * What the facilities table holds: facilities with a known value per optional column, and the categories that occur.
 * Pickers offer only these (a service filter over a registry without services would only ever say 0%). Category
 * lists are comma-joined: the values are contract codes, checked on load (no commas).
 */
export interface DataHoldsRow {
  facilities: number;
  beds: number;
  doctors: number;
  nurses: number;
  midwives: number;
  /** Facilities with doctors, nurses and midwives all known. */
  workforce: number;
  /** Facilities with a services list (possibly empty). */
  services_known: number;
  types: string | null;
  ownerships: string | null;
  services: string | null;
}

export function dataHoldsQuery(): Query {
  return {
    sql: `SELECT COUNT(*)::DOUBLE AS facilities, COUNT(beds)::DOUBLE AS beds, COUNT(doctors)::DOUBLE AS doctors, COUNT(nurses)::DOUBLE AS nurses,
  COUNT(midwives)::DOUBLE AS midwives, COUNT(doctors + nurses + midwives)::DOUBLE AS workforce, COUNT(services)::DOUBLE AS services_known,
  (SELECT string_agg(DISTINCT type, ',' ORDER BY type) FROM facilities WHERE type IS NOT NULL) AS types,
  (SELECT string_agg(DISTINCT ownership, ',' ORDER BY ownership) FROM facilities WHERE ownership IS NOT NULL) AS ownerships,
  (SELECT string_agg(DISTINCT s, ',' ORDER BY s) FROM (SELECT UNNEST(services) AS s FROM facilities) WHERE s IS NOT NULL) AS services
FROM facilities`,
    params: [],
  };
}
