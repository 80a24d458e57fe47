import type { TableName } from '../data/contract';
import { ident } from '../db/sqlText';
import type { SqlRunner } from '../db/sqlRunner';
import { ACCESS_DEMAND_CELLS, accessDemandCellsSql } from './catchmentPlan';
import { OVERVIEW_CUBE, OVERVIEW_DISTRICTS, overviewCubeSql, overviewDistrictsSql } from './overviewSql';

/** A table computed from loaded tables once, so that queries read it instead of recomputing it on every change. */
export interface DerivedTable {
  name: string;
  /** The tables it is computed from: rebuilt when one changes, dropped when one is missing. */
  needs: readonly TableName[];
  build: () => string;
}

/** In build order: a table may read the ones before it. */
export const DERIVED_TABLES: readonly DerivedTable[] = [
  { name: OVERVIEW_CUBE, needs: ['regions', 'facilities'], build: overviewCubeSql },
  { name: OVERVIEW_DISTRICTS, needs: ['regions', 'facilities'], build: overviewDistrictsSql },
  // The population per grid cell that the Access view's plan reads at every catchment and service change.
  { name: ACCESS_DEMAND_CELLS, needs: ['population'], build: accessDemandCellsSql },
];

/** The derived tables a query reads, with the ones they read, in build order: what reproducing it needs first. */
export function derivedTablesRead(sql: string): { name: string; sql: string }[] {
  const reads = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);
  const needed = new Set(DERIVED_TABLES.filter((d) => reads(sql, d.name)).map((d) => d.name));
  // A derived table may read earlier ones: walk back through the build order.
  for (const d of [...DERIVED_TABLES].reverse()) {
    if (!needed.has(d.name)) continue;
    for (const earlier of DERIVED_TABLES) if (earlier !== d && reads(d.build(), earlier.name)) needed.add(earlier.name);
  }
  return DERIVED_TABLES.filter((d) => needed.has(d.name)).map((d) => ({ name: d.name, sql: d.build() }));
}

/**
 * Bring the derived tables up to date after `changed` tables were loaded, replaced or removed; `ready` is every
 * table loaded now. Run before the new table versions are published, so no query reads a stale derived table.
 */
export async function refreshDerived(db: SqlRunner, changed: Iterable<TableName>, ready: ReadonlySet<TableName>): Promise<void> {
  const touched = new Set(changed);
  for (const d of DERIVED_TABLES) {
    if (!d.needs.some((t) => touched.has(t))) continue;
    await db.rows(d.needs.every((t) => ready.has(t)) ? d.build() : `DROP TABLE IF EXISTS ${ident(d.name)}`);
  }
}
