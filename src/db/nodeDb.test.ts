import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { createNodeDb } from './nodeDb';
import { QueryError } from './queryError';

describe('createNodeDb', () => {
  it('runs parameterised SQL and returns plain rows with BIGINT as number', async () => {
    const db = await createNodeDb();
    const rows = await db.rows({ sql: 'SELECT ?::INTEGER + 1 AS x, SUM(i) AS s FROM range(10) t(i)', params: [41] });
    expect(rows).toEqual([{ x: 42, s: 45 }]);
    await db.close();
  });

  it('inserts Arrow IPC as a table and replaces it on a second insert', async () => {
    const db = await createNodeDb();
    await db.insertArrowIPC('t', tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2, 3]) }), 'stream'));
    await db.insertArrowIPC('t', tableToIPC(tableFromArrays({ a: Int32Array.from([5, 6]) }), 'stream'));
    expect(await db.rows('SELECT SUM(a) AS s, COUNT(*) AS n FROM t')).toEqual([{ s: 11, n: 2 }]);
  });

  it('appends Arrow IPC to an existing table, columns by position and cast to its types', async () => {
    const db = await createNodeDb();
    await db.rows('CREATE TABLE t (a INTEGER, b VARCHAR)');
    await db.insertArrowIPC('t', tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2]), b: ['x', 'y'] }), 'stream'), { append: true });
    await db.insertArrowIPC('t', tableToIPC(tableFromArrays({ a: Float64Array.from([3]), b: ['z'] }), 'stream'), { append: true });
    expect(await db.rows('SELECT a, b FROM t ORDER BY a')).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }, { a: 3, b: 'z' }]);
    const err = await db.insertArrowIPC('t', tableToIPC(tableFromArrays({ b: ['w'], a: ['not a number'] }), 'stream'), { append: true }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await db.rows('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 3 }]);
  });

  it('throws a QueryError carrying the SQL', async () => {
    const db = await createNodeDb();
    const err = await db.rows('SELECT * FROM missing_table').catch((e) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect(err.sql).toBe('SELECT * FROM missing_table');
    expect(err.message).toMatch(/missing_table/);
  });

  it('fails fast (no network hang) when a query needs the parquet extension', async () => {
    const db = await createNodeDb();
    const err = await db.rows("SELECT * FROM read_parquet('x.parquet')").catch((e) => e);
    expect(err).toBeInstanceOf(QueryError);
  });
});
