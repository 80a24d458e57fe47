import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { ENGINE_SETUP_SQL } from './engineSetup';
import { QueryError } from './queryError';
import { isReadOnly } from './statementKind';
import { abortError, asQuery, tableToRows, type Query, type RunOptions, type SqlRunner } from './sqlRunner';

type Priority = NonNullable<RunOptions['priority']>;

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

  // One query at a time, whole lifecycle (prepare, run, read, close), so a quick query never waits behind the
  // interleaved steps of others; a superseded one is skipped while queued and cancelled while running.
  // Interactive queries go before queued background work (the demo tables still loading), so the first chart
  // does not wait for the population table's validation.
  const waiting: Record<Priority, (() => Promise<void>)[]> = { interactive: [], background: [] };
  let running = false;
  async function pump() {
    if (running) return;
    running = true;
    for (let job = waiting.interactive.shift() ?? waiting.background.shift(); job; job = waiting.interactive.shift() ?? waiting.background.shift()) {
      await job();
    }
    running = false;
  }
  function exclusive<T>(job: () => Promise<T>, priority: Priority = 'interactive'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting[priority].push(() => job().then(resolve, reject));
      void pump();
    });
  }

  // Prepared statements, kept by SQL text: a filter change re-runs the same SQL with new values, and preparing
  // (parse, bind, plan) is a third of a small query's time in the engine. Cleared when tables change, so a cached
  // plan never holds on to a replaced table's storage.
  const prepared = new Map<string, duckdb.AsyncPreparedStatement>();
  const prepare = (sql: string, params: readonly unknown[]) =>
    conn.prepare(sql).catch((e) => { throw new QueryError(String(e?.message ?? e), sql, params); });
  async function keptStatement(sql: string, params: readonly unknown[]): Promise<duckdb.AsyncPreparedStatement> {
    let stmt = prepared.get(sql);
    if (stmt) prepared.delete(sql);
    else stmt = await prepare(sql, params);
    prepared.set(sql, stmt);
    for (const [old, s] of prepared) {
      if (prepared.size <= MAX_PREPARED) break;
      prepared.delete(old);
      await s.close();
    }
    return stmt;
  }
  async function forgetPrepared() {
    const all = [...prepared.values()];
    prepared.clear();
    for (const s of all) await s.close();
  }

  async function execute(q: Query | string, signal?: AbortSignal): Promise<Table> {
    const { sql, params = [], quick = false } = asQuery(q);
    if (signal?.aborted) throw abortError();
    const cancel = () => void conn.cancelSent();
    // Reads go through a kept prepared statement; anything else forgets them first, and a write with parameters is
    // prepared for this run only.
    const read = isReadOnly(sql);
    if (!read) await forgetPrepared();
    const stmt = read ? await keptStatement(sql, params) : params.length ? await prepare(sql, params) : null;
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
      if (read) {
        // A kept statement that failed is not kept.
        prepared.delete(sql);
        await stmt?.close().catch(() => undefined);
      }
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, params);
    } finally {
      signal?.removeEventListener('abort', cancel);
      if (!read) await stmt?.close();
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
        await forgetPrepared();
        await conn.query(`DROP TABLE IF EXISTS "${name}"`);
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
