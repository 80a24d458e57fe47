import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { tableToIPC } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { readParquet, Table as WasmTable, writeParquet } from 'parquet-wasm';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { arrowTableFromColumns } from './arrowTable';
import { CONTRACT, type TableName } from './contract';
import { loadUserFiles } from './loadUserFiles';
import { createInlineDecoder } from './parquetDecoder';
import { damagedLastGroup, populationInGroups } from './rowGroupFixtures';
import { stageAndCommit } from './validateTable';

const decode = createInlineDecoder(parquet);
const parquetOf = (table: TableName, cols: Record<string, unknown[]>) =>
  writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT[table], cols), 'stream')));

const tinyRegions = () => parquetOf('regions', {
  region_id: ['C', 'A', 'B'], name: ['Country', 'Alpha', 'Beta'], level: [0, 2, 2], parent_id: [null, 'C', 'C'], population: [300, 100, 200],
});
const tinyFacilities = (regions = ['A', 'B']) => parquetOf('facilities', {
  facility_id: ['f1', 'f2'], name: ['One', 'Two'], region_id: regions, lat: [1, 2], lon: [3, 4], type: ['clinic', 'hospital'],
});

describe('loading the user’s files', () => {
  let db: SqlRunner;
  const loaded = new Set<TableName>(['regions', 'facilities', 'population']);
  beforeEach(async () => {
    db = await createNodeDb();
    for (const t of loaded) {
      await stageAndCommit(db, { table: t, file: `${t}.parquet`, batches: [readParquet(readFileSync(`data/${t}.parquet`)).intoIPCStream()], loaded });
    }
  });
  const count = async (t: string) => (await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0].n;

  it('adds a valid file matched by name to the loaded data, keeping the other tables', async () => {
    const r = await loadUserFiles(db, decode, [{ name: 'Facilities_2024.parquet', bytes: tinyFacilities(['D01', 'D02']) }], 'add', loaded);
    expect(r.committed).toEqual(['facilities']);
    expect(r.reports[0]).toMatchObject({ status: 'loaded', table: 'facilities', rows: 2 });
    expect(await count('facilities')).toBe(2);
    expect(await count('population')).toBe(100_000);
  });

  it('rejects a file whose keys do not resolve and leaves the loaded table untouched', async () => {
    const r = await loadUserFiles(db, decode, [{ name: 'facilities.parquet', bytes: tinyFacilities(['NOWHERE', 'D02']) }], 'add', loaded);
    expect(r.committed).toEqual([]);
    expect(r.reports[0].status).toBe('rejected');
    expect(r.reports[0].issues.map((i) => `${i.column}:${i.rule}:${i.rows}`)).toEqual(['region_id:key resolves:1']);
    expect(r.reports[0].message).toBe('facilities.parquet: 1 problem(s); facilities not loaded, the data already loaded are unchanged');
    expect(await count('facilities')).toBe(3401);
  });

  it('replaces the whole dataset when every file is valid; keys resolve within the batch; other tables are removed', async () => {
    const r = await loadUserFiles(db, decode, [
      { name: 'health_sites.parquet', bytes: tinyFacilities() }, // matched by its columns
      { name: 'regions.parquet', bytes: tinyRegions() },
    ], 'replace', loaded);
    expect(r.reports.map((x) => [x.file, x.table, x.status])).toEqual([
      ['regions.parquet', 'regions', 'loaded'], ['health_sites.parquet', 'facilities', 'loaded'],
    ]);
    expect(r.removed).toEqual(['population']);
    expect(await count('regions')).toBe(3);
    await expect(db.rows('SELECT * FROM population')).rejects.toThrow(/population/);
  });

  it('replacing is all-or-nothing: one bad file keeps every loaded table as it was', async () => {
    const r = await loadUserFiles(db, decode, [
      { name: 'regions.parquet', bytes: tinyRegions() },
      { name: 'facilities.parquet', bytes: tinyFacilities(['D01', 'B']) }, // D01 is not in the new regions
    ], 'replace', loaded);
    expect(r.committed).toEqual([]);
    expect(r.reports.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    expect(r.reports[0].message).toMatch(/valid, but not loaded because another file of this replacement failed/);
    expect(await count('regions')).toBe(56);
    expect(await count('facilities')).toBe(3401);
    expect(await count('population')).toBe(100_000);
  });

  it('says clearly when a file is not Parquet or matches no table', async () => {
    const notParquet = new TextEncoder().encode('name,lat\nx,1\n');
    const stray = parquetOf('indicator_catalog', { indicator_id: ['x'], name: ['X'], unit: ['%'], favourable: [true], scale: [100] });
    const r = await loadUserFiles(db, decode, [
      { name: 'facilities.csv', bytes: notParquet },
      { name: 'misc.parquet', bytes: writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns({ ...CONTRACT.indicator_catalog, columns: [{ name: 'foo', type: 'string', required: true, description: '' }] }, { foo: ['a'] }), 'stream'))) },
      { name: 'catalog.parquet', bytes: stray },
    ], 'add', loaded);
    expect(r.reports.map((x) => x.status)).toEqual(['unreadable', 'unmatched', 'loaded']);
    expect(r.reports[0].message).toMatch(/^facilities\.csv: /);
    expect(r.reports[1].message).toMatch(/^misc\.parquet: /);
  });

  it('stages a large file batch by batch; one whose later batch is damaged is unreadable and changes nothing', async () => {
    const inBatches = createInlineDecoder(parquet, undefined, { rows: 30_000, bytes: Infinity });
    const good = await loadUserFiles(db, inBatches, [{ name: 'population.parquet', bytes: populationInGroups() }], 'add', loaded);
    expect(good.reports[0]).toMatchObject({ status: 'loaded', table: 'population', rows: 100_000 });
    const before = await db.rows('SELECT COUNT(*) AS n, SUM(population) AS p FROM population');
    const bad = await loadUserFiles(db, inBatches, [{ name: 'population.parquet', bytes: damagedLastGroup(populationInGroups()) }], 'replace', loaded);
    expect(bad.committed).toEqual([]);
    expect(bad.reports[0]).toMatchObject({ status: 'unreadable', table: null });
    expect(bad.reports[0].message).toMatch(/^population\.parquet: .*(damaged|decoder failed)/);
    expect(await db.rows('SELECT COUNT(*) AS n, SUM(population) AS p FROM population')).toEqual(before);
    expect(await count('regions')).toBe(56);
    expect(await db.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__staging%'")).toEqual([]);
  });
});
