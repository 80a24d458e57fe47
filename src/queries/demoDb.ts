import { readFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm';
import type { TableName } from '../data/contract';
import { commitTrusted } from '../data/validateTable';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { refreshDerived } from './derivedTables';

/**
 * For tests and scripts in Node: a DuckDB-WASM engine with these demo tables loaded from `dir` as the app loads
 * them, and the derived tables built from them as the app builds them.
 */
export async function demoDb(tables: readonly TableName[], dir = 'data'): Promise<SqlRunner> {
  const db = await createNodeDb();
  // As the app commits the demo's trusted files: typed by the contract, absent optional columns as typed NULLs.
  for (const t of tables) await commitTrusted(db, t, [readParquet(readFileSync(`${dir}/${t}.parquet`)).intoIPCStream()]);
  await refreshDerived(db, tables, new Set(tables));
  return db;
}
