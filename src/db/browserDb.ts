import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { ENGINE_SETUP_SQL } from './engineSetup';
import { QueryError } from './queryError';
import { ident } from './sqlText';
import { createRequestQueue } from './requestQueue';
import { StatementCache } from './statementCache';
import { abortError, asQuery, tableToRows, type Query, type RunOptions, type SqlRunner } from './sqlRunner';

// Bundles are served from our own origin (Vite ?url imports): no CDN, works offline.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

const MAX_PREPARED = 64;

/** Start DuckDB-WASM in a Web Worker and return the app's SqlRunner over one connection. */
export async function createBrowserDb(): Promise<SqlRunner> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const sql of ENGINE_SETUP_SQL) await conn.query(sql);

  const exclusive = createRequestQueue();
  const statements = new StatementCache<duckdb.AsyncPreparedStatement>(MAX_PREPARED);
  const prepare = (sql: string, params: readonly unknown[]) => () =>
    conn.prepare(sql).catch((e) => { throw new QueryError(String(e?.message ?? e), sql, params); });

  async function execute(q: Query | string, signal?: AbortSignal): Promise<Table> {
    const { sql, params = [], quick = false } = asQuery(q);
    if (signal?.aborted) throw abortError();
    const cancel = () => void conn.cancelSent();
    const run = await statements.forRun(sql, params.length > 0, prepare(sql, params));
    const { stmt } = run;
    let failed = false;
    try {
      if (quick && stmt) {
        const table = await stmt.query(...params);
        if (signal?.aborted) throw abortError();
        return table;
      }
      // `send` runs the query as a pending query polled in steps, which `cancelSent` can stop.
      const reader = stmt ? await stmt.send(...params) : await conn.send(sql, true);
      signal?.addEventListener('abort', cancel);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      if (signal?.aborted) throw abortError();
      return batches.length ? new Table(batches) : new Table(reader.schema);
    } catch (e) {
      if (signal?.aborted) throw abortError();
      failed = true;
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, params);
    } finally {
      signal?.removeEventListener('abort', cancel);
      await statements.release(sql, run, failed);
    }
  }
  const run = (q: Query | string, options?: RunOptions) => exclusive(() => execute(q, options?.signal), options?.priority);

  return {
    async rows(q, options) {
      return tableToRows(await run(q, options));
    },
    arrow: run,
    insertArrowIPC: (name, ipc, options) => exclusive(async () => {
      if (!options?.append) {
        // A table is (re)created: cached plans may hold the old one.
        await statements.clear();
        await conn.query(`DROP TABLE IF EXISTS ${ident(name)}`);
      }
      await conn.insertArrowFromIPCStream(ipc, { name, create: !options?.append });
    }, options?.priority),
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
