import { createRequire } from 'node:module';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { QueryError } from './queryError';
import { ident } from './sqlText';
import { abortError, asQuery, tableToRows, type Query, type SqlRunner } from './sqlRunner';
import { ENGINE_SETUP_SQL } from './engineSetup';

/**
 * The same DuckDB-WASM engine as the browser, run synchronously in Node (duckdb-wasm's blocking build).
 * Used by unit tests of SQL builders and by scripts that must agree with the browser byte for byte.
 */
export async function createNodeDb(): Promise<SqlRunner> {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  for (const sql of ENGINE_SETUP_SQL) conn.query(sql);

  function run(q: Query | string): Table {
    const { sql, params = [] } = asQuery(q);
    try {
      if (params.length === 0) return conn.query(sql);
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    } catch (e) {
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, params);
    }
  }

  return {
    // The blocking build runs a query to its end; a signal can only stop it before it starts.
    async rows(q, options) {
      if (options?.signal?.aborted) throw abortError();
      return tableToRows(run(q));
    },
    async arrow(q, options) {
      if (options?.signal?.aborted) throw abortError();
      return run(q);
    },
    async insertArrowIPC(name, ipc, options) {
      if (!options?.append) conn.query(`DROP TABLE IF EXISTS ${ident(name)}`);
      conn.insertArrowFromIPCStream(ipc, { name, create: !options?.append });
    },
    async close() {
      conn.close();
    },
  };
}
