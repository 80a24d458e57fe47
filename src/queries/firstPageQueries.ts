import type { TableName } from '../data/contract';
import type { Query } from '../db/sqlText';
import { districtDensityQuery, provincesQuery, regionNamesQuery } from './overviewSql';

/**
 * The queries the dashboard's first page asks before any filter is set: the overview's district rows, the province
 * filter's options and the region names. `scripts/first-page.ts` answers them at build time over the embedded demo
 * files (as Observable Framework's data loaders do), so the first chart is drawn while DuckDB-WASM still compiles;
 * the engine's own answers replace them once the tables are loaded.
 */
export const FIRST_PAGE_QUERIES: readonly Query[] = [
  districtDensityQuery({ province: null, facilityType: null, ownership: null, service: null }),
  provincesQuery(),
  regionNamesQuery(),
];

/** The tables those queries read (with the derived tables built from them). */
export const FIRST_PAGE_TABLES: readonly TableName[] = ['regions', 'facilities'];

/** What identifies a query's answer: its SQL text and parameter values. */
export const answerKey = (q: Query): string => JSON.stringify([q.sql, q.params ?? []]);
