/** The limit: native DuckDB (@duckdb/node-api) on the same Parquet files and the same SQL as the app. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ident, literal, type Query } from '../../src/db/sqlText';
import { pairsWithinSql } from '../../src/queries/accessSql';
import { DERIVED_TABLES } from '../../src/queries/derivedTables';

export interface NativeEngine {
  threads: number;
  load: NativeLoad[];
  rows(q: Query): Promise<Record<string, unknown>[]>;
  /** Each sample: the queries in turn, then `then` on the last one's rows as JavaScript objects (as the app does). */
  time(qs: Query[], reps: number, then?: (rows: never[]) => unknown): Promise<number[]>;
  close(): void;
}
export interface NativeLoad { table: string; bytes: number; rows: number; ms: number }

/** Parquet -> in-memory tables (timed per table), so queries compare engine to engine, not reader to reader. */
export async function openNative(dataDir: string, tables: readonly string[]): Promise<NativeEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await instance.connect();
  const threads = Number((await (await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects())[0].t);
  const load: NativeLoad[] = [];
  for (const t of tables) {
    const file = path.join(dataDir, `${t}.parquet`);
    const t0 = performance.now();
    await conn.run(`CREATE TABLE ${ident(t)} AS SELECT * FROM read_parquet(${literal(file)})`);
    const ms = performance.now() - t0;
    const [{ n }] = (await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${ident(t)}`)).getRowObjects() as { n: number }[];
    load.push({ table: t, bytes: statSync(file).size, rows: n, ms });
  }
  // The tables the app derives once loaded (the overview's pre-aggregation), built with the app's own SQL.
  for (const d of DERIVED_TABLES.filter((x) => x.needs.every((t) => tables.includes(t)))) {
    const t0 = performance.now();
    await conn.run(d.build());
    const ms = performance.now() - t0;
    const [{ n }] = (await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${ident(d.name)}`)).getRowObjects() as { n: number }[];
    load.push({ table: d.name, bytes: 0, rows: n, ms });
  }
  return {
    threads,
    load,
    async rows(q) {
      return (await conn.runAndReadAll(q.sql, (q.params ?? []) as DuckDBValue[])).getRowObjectsJS() as Record<string, unknown>[];
    },
    async time(qs, reps, then) {
      const out: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        let last = null;
        for (const q of qs) last = await conn.runAndReadAll(q.sql, (q.params ?? []) as DuckDBValue[]);
        if (then && last) then(last.getRowObjectsJS() as never[]);
        out.push(performance.now() - t0);
      }
      return out;
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * How many (cell, facility) pairs lie within `radiusKm`: the work of one E2SFCA recomputation. Counted exactly for a
 * ~`share` Bernoulli sample of facilities (fixed seed) with the app's own pair builder, then scaled up.
 */
export async function estimatePairs(dataDir: string, radiusKm: number, share: number): Promise<{ pairs: number; sampledFacilities: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const file = (t: string) => literal(path.join(dataDir, `${t}.parquet`));
    await conn.run(`CREATE TABLE population AS SELECT cell_id, region_id, population, lat, lon FROM read_parquet(${file('population')})`);
    await conn.run(`CREATE TABLE fac_sample AS SELECT * FROM read_parquet(${file('facilities')}) USING SAMPLE ${100 * share} PERCENT (bernoulli, 42)`);
    const [{ n, all }] = (await conn.runAndReadAll(`SELECT (SELECT count(*) FROM fac_sample)::DOUBLE AS n, (SELECT count(*) FROM read_parquet(${file('facilities')}))::DOUBLE AS "all"`)).getRowObjectsJS() as { n: number; all: number }[];
    const q = pairsWithinSql({ radiusKm, tables: { facilities: 'fac_sample' } });
    const [{ pairs }] = (await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS pairs FROM (${q.sql})`, q.params as DuckDBValue[])).getRowObjectsJS() as { pairs: number }[];
    return { pairs: n > 0 ? (pairs * all) / n : 0, sampledFacilities: n };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
