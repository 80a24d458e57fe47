import { createBrowserDb } from './browserDb';
import type { SqlRunner } from './sqlRunner';

let engine: Promise<SqlRunner> | null = null;

/** The app's single DuckDB-WASM instance, started lazily behind one promise (as Mosaic's coordinator does). */
export function getEngine(): Promise<SqlRunner> {
  engine ??= createBrowserDb();
  return engine;
}
