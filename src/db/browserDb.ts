import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import { ENGINE_SETUP_SQL } from './engineSetup';
import { QueryError } from './queryError';
import { asQuery, tableToRows, type Query, type SqlRunner } from './sqlRunner';

// Bundles are served from our own origin (Vite ?url imports): no CDN, works offline.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Start DuckDB-WASM in a Web Worker and return the app's SqlRunner over one connection. */
export async function createBrowserDb(): Promise<SqlRunner> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const sql of ENGINE_SETUP_SQL) await conn.query(sql);

  async function run(q: Query | string): Promise<Table> {
    const { sql, params = [] } = asQuery(q);
    try {
      if (params.length === 0) return await conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    } catch (e) {
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, params);
    }
  }

  return {
    async rows(q) {
      return tableToRows(await run(q));
    },
    arrow: run,
    async insertArrowIPC(name, ipc) {
      await conn.query(`DROP TABLE IF EXISTS "${name}"`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
