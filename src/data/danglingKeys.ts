import type { SqlRunner } from '../db/sqlRunner';
import { CONTRACT, TABLE_NAMES, type TableName } from './contract';
import { ident } from '../db/sqlText';

/** A foreign key of the contract between two different tables (regions.parent_id, a self-reference, is left to validation). */
export interface KeyLink { table: TableName; column: string; target: TableName; targetColumn: string }

export const KEY_LINKS: readonly KeyLink[] = TABLE_NAMES.flatMap((table) => CONTRACT[table].columns
  .filter((c) => c.references && c.references.table !== table)
  .map((c) => ({ table, column: c.name, target: c.references!.table, targetColumn: c.references!.column })));

const unknown = (l: KeyLink) =>
  `${ident(l.column)} IS NOT NULL AND ${ident(l.column)} NOT IN (SELECT ${ident(l.targetColumn)} FROM ${ident(l.target)} WHERE ${ident(l.targetColumn)} IS NOT NULL)`;

/** Rows of `l.table` whose key is unknown in the target table: how many, and up to 5 distinct keys. */
export function danglingCountSql(l: KeyLink): string {
  return `SELECT count(*) AS n, (SELECT list(k ORDER BY k) FROM (SELECT DISTINCT CAST(${ident(l.column)} AS VARCHAR) AS k FROM ${ident(l.table)} WHERE ${unknown(l)} ORDER BY k LIMIT 5)) AS examples
FROM ${ident(l.table)} WHERE ${unknown(l)}`;
}

export const danglingDeleteSql = (l: KeyLink) => `DELETE FROM ${ident(l.table)} WHERE ${unknown(l)}`;

export interface DanglingFinding extends KeyLink { rows: number; examples: string[] }

/**
 * Rows whose keys point nowhere (a partnership of a facility that is not in the facilities table, coverage for an
 * unknown region...) are taken out of the session's tables, and reported: a view never shows or counts them.
 * Happens when a table is replaced while the tables that refer to it stay (adding files to what is loaded).
 * Links are followed in contract order, so removing facilities of unknown regions also removes their partnerships.
 */
export async function dropDanglingRows(db: SqlRunner, loaded: ReadonlySet<TableName>): Promise<DanglingFinding[]> {
  const found: DanglingFinding[] = [];
  for (const l of KEY_LINKS) {
    if (!loaded.has(l.table) || !loaded.has(l.target)) continue;
    const [row] = await db.rows<{ n: number | bigint; examples: ArrayLike<string> | null }>(danglingCountSql(l));
    const rows = Number(row.n);
    if (rows === 0) continue;
    await db.rows(danglingDeleteSql(l));
    found.push({ ...l, rows, examples: row.examples ? Array.from(row.examples) : [] });
  }
  return found;
}
