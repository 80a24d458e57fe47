import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';

export interface ScratchEngines {
  /** The app's engine (DuckDB-WASM in Node), where files are validated and loaded. */
  db: SqlRunner;
  /** Native DuckDB, to write test files as a user's own tool would. */
  conn: DuckDBConnection;
  /** A temporary folder for those files. */
  dir: string;
}

/** For a test file: both engines and a temporary folder, opened before its tests and closed (folder removed) after. */
export function withScratchEngines(folderPrefix: string): ScratchEngines {
  const s = {} as ScratchEngines;
  let native: DuckDBInstance | undefined;
  beforeAll(async () => {
    s.db = await createNodeDb();
    native = await DuckDBInstance.create(':memory:');
    s.conn = await native.connect();
    s.dir = mkdtempSync(path.join(tmpdir(), folderPrefix));
  }, 60_000);
  afterAll(async () => {
    s.conn?.closeSync();
    native?.closeSync();
    await s.db?.close();
    if (s.dir) rmSync(s.dir, { recursive: true, force: true });
  });
  return s;
}
