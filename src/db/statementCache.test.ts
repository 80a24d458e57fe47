import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StatementCache } from './statementCache';

/** A fake prepared statement that records its closing. */
class FakeStatement {
  closed = false;
  constructor(readonly sql: string) {}
  async close() {
    if (this.closed) throw new Error(`closed twice: ${this.sql}`);
    this.closed = true;
  }
}

function fakes() {
  const prepared: FakeStatement[] = [];
  const prepare = (sql: string) => async () => {
    const s = new FakeStatement(sql);
    prepared.push(s);
    return s;
  };
  return { prepared, prepare };
}

describe('StatementCache', () => {
  it('keeps a read, including one that starts with a comment, and re-uses it', async () => {
    const cache = new StatementCache<FakeStatement>();
    const { prepared, prepare } = fakes();
    for (const sql of ['SELECT 1', '/* base v3 */ SELECT * FROM plan_near_0', '-- c\nWITH a AS (SELECT 1) FROM a']) {
      const first = await cache.forRun(sql, false, prepare(sql));
      const again = await cache.forRun(sql, true, prepare(sql));
      expect(first.kept).toBe(true);
      expect(again.stmt).toBe(first.stmt);
      await cache.release(sql, again, false);
      expect(first.stmt!.closed).toBe(false);
    }
    expect(prepared).toHaveLength(3);
    expect(cache.size).toBe(3);
  });

  it('closes every kept statement before a TEMP-table write that follows a read, and prepares the read afresh after it', async () => {
    const cache = new StatementCache<FakeStatement>();
    const { prepare } = fakes();
    const read = '/* base v1 */ SELECT count(*) FROM plan_near_0';
    const write = 'CREATE OR REPLACE TEMP TABLE plan_near_0 AS SELECT * FROM population WHERE region_id = ?';
    const r1 = await cache.forRun(read, false, prepare(read));
    await cache.release(read, r1, false);
    const w = await cache.forRun(write, true, prepare(write));
    expect(r1.stmt!.closed).toBe(true);
    expect(cache.size).toBe(0);
    expect(w.kept).toBe(false);
    await cache.release(write, w, false);
    expect(w.stmt!.closed).toBe(true);
    const r2 = await cache.forRun(read, false, prepare(read));
    expect(r2.stmt).not.toBe(r1.stmt);
    expect(r2.stmt!.closed).toBe(false);
  });

  it('runs a write without parameters as plain text (no statement)', async () => {
    const cache = new StatementCache<FakeStatement>();
    const { prepared, prepare } = fakes();
    const run = await cache.forRun('PRAGMA threads = 1', false, prepare('PRAGMA threads = 1'));
    expect(run).toEqual({ stmt: null, kept: false });
    expect(prepared).toHaveLength(0);
  });

  it('drops the least recently used past its size', async () => {
    const cache = new StatementCache<FakeStatement>(2);
    const { prepared, prepare } = fakes();
    for (const sql of ['SELECT 1', 'SELECT 2', 'SELECT 1', 'SELECT 3']) await cache.forRun(sql, false, prepare(sql));
    expect(prepared.map((s) => [s.sql, s.closed])).toEqual([['SELECT 1', false], ['SELECT 2', true], ['SELECT 3', false]]);
    expect(cache.size).toBe(2);
  });

  it('forgets and closes a kept statement whose run failed', async () => {
    const cache = new StatementCache<FakeStatement>();
    const { prepared, prepare } = fakes();
    const run = await cache.forRun('SELECT x FROM t', false, prepare('SELECT x FROM t'));
    await cache.release('SELECT x FROM t', run, true);
    expect(run.stmt!.closed).toBe(true);
    expect(cache.size).toBe(0);
    await cache.forRun('SELECT x FROM t', false, prepare('SELECT x FROM t'));
    expect(prepared).toHaveLength(2);
  });
});

// The same sequence on the real engine (duckdb-wasm's blocking Node build): a kept read over a TEMP table, the table
// replaced, the read again. The kept statement is closed by the write, and the read sees the new rows.
describe('StatementCache on DuckDB-WASM', () => {
  type Stmt = { query(...p: unknown[]): { toArray(): { toJSON(): Record<string, unknown> }[] }; close(): void };
  let conn: { query(sql: string): unknown; prepare(sql: string): Stmt; close(): void };
  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
    const db = await duckdb.createDuckDB({
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({ query: { castBigIntToDouble: true } });
    conn = db.connect();
  });
  afterAll(() => conn?.close());

  it('a TEMP-table write after a kept read closes the kept statement, and the read then sees the new table', async () => {
    const closedSql: string[] = [];
    const cache = new StatementCache<{ sql: string; stmt: Stmt; close(): Promise<void> }>();
    const prepare = (sql: string) => async () => {
      const stmt = conn.prepare(sql);
      return { sql, stmt, close: async () => { closedSql.push(sql); stmt.close(); } };
    };
    const run = async (sql: string) => {
      const r = await cache.forRun(sql, false, prepare(sql));
      try {
        return r.stmt ? r.stmt.stmt.query().toArray().map((row) => row.toJSON()) : (conn.query(sql), []);
      } finally {
        await cache.release(sql, r, false);
      }
    };
    const read = '/* base v1 */ SELECT CAST(sum(x) AS DOUBLE) AS s FROM plan_t';
    await run('CREATE OR REPLACE TEMP TABLE plan_t AS SELECT range AS x FROM range(4)');
    expect(await run(read)).toEqual([{ s: 6 }]);
    expect(cache.size).toBe(1);
    await run('CREATE OR REPLACE TEMP TABLE plan_t AS SELECT range AS x FROM range(10)');
    expect(closedSql).toEqual([read]);
    expect(await run(read)).toEqual([{ s: 45 }]);
  });
});
