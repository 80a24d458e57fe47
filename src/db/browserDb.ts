import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { ENGINE_SETUP_SQL } from './engineSetup';
import { QueryError } from './queryError';
import { abortError, asQuery, tableToRows, type Query, type RunOptions, type SqlRunner } from './sqlRunner';

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

  // One query at a time, whole lifecycle (prepare, run, read, close), so a quick query never waits behind the
  // interleaved steps of others; a superseded one is skipped while queued and cancelled while running.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  async function execute(q: Query | string, signal?: AbortSignal): Promise<Table> {
    const { sql, params = [] } = asQuery(q);
    if (signal?.aborted) throw abortError();
    const cancel = () => void conn.cancelSent();
    const stmt = params.length ? await conn.prepare(sql).catch((e) => { throw new QueryError(String(e?.message ?? e), sql, params); }) : null;
    try {
      // `send` runs the query as a pending query polled in steps, which `cancelSent` can stop.
      const reader = stmt ? await stmt.send(...params) : await conn.send(sql, true);
      signal?.addEventListener('abort', cancel);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      if (signal?.aborted) throw abortError();
      return batches.length ? new Table(batches) : new Table(reader.schema);
    } catch (e) {
      if (signal?.aborted) throw abortError();
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, params);
    } finally {
      signal?.removeEventListener('abort', cancel);
      await stmt?.close();
    }
  }
  const run = (q: Query | string, options?: RunOptions) => exclusive(() => execute(q, options?.signal));

  return {
    async rows(q, options) {
      return tableToRows(await run(q, options));
    },
    arrow: run,
    insertArrowIPC: (name, ipc) => exclusive(async () => {
      await conn.query(`DROP TABLE IF EXISTS "${name}"`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    }),
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
