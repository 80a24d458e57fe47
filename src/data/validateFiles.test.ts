import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC, type Table as ArrowTable } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import type { TableName } from './contract';
import { MAX_PARQUET_BYTES } from './decodeParquet';
import { withScratchEngines } from './scratchEngines';
import { LOAD_ORDER, validateFiles, type FileSource } from './validateFiles';

const DEMO_ROWS: Record<TableName, number> = {
  regions: 56, facilities: 3401, population: 100_000, coverage: 3800, socioeconomic: 2800, indicator_catalog: 9, partnerships: 450,
};
const demoFile = (t: TableName) => `data/${t}.parquet`;
const parquetOf = (cols: Record<string, unknown[]>) =>
  parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(tableFromArrays(cols as Record<string, never>) as unknown as ArrowTable, 'stream')));
const fromDisk = (file: string): FileSource => ({ file, bytes: readFileSync(file) });

const engines = withScratchEngines('validate-files-');

async function tableSummary(t: TableName) {
  const [row] = await engines.db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`);
  return row.n;
}

describe('files from other writers validate and load', () => {
  it.each(['zstd', 'snappy', 'gzip', 'uncompressed'])('native DuckDB, %s', async (compression) => {
    const out = path.join(engines.dir, compression);
    mkdirSync(out);
    for (const t of LOAD_ORDER) {
      await engines.conn.run(`COPY (SELECT * FROM read_parquet('${demoFile(t)}')) TO '${out}/${t}.parquet' (FORMAT parquet, COMPRESSION ${compression})`);
    }
    // Given in reverse dependency order: validateFiles still stages regions first so keys resolve.
    const report = await validateFiles(engines.db, parquet, [...LOAD_ORDER].reverse().map((t) => fromDisk(`${out}/${t}.parquet`)));
    expect(report.files.flatMap((f) => f.problems)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(new Set(report.loaded)).toEqual(new Set(LOAD_ORDER));
    for (const t of LOAD_ORDER) expect(await tableSummary(t), t).toBe(DEMO_ROWS[t]);
  });

  it.each([true, false])('parquet-wasm writer, dictionary %s', async (dictionary) => {
    const props = new parquet.WriterPropertiesBuilder().setDictionaryEnabled(dictionary).setCompression(parquet.Compression.SNAPPY).build();
    const sources = LOAD_ORDER.map((t) => {
      const table = parquet.readParquet(readFileSync(demoFile(t)));
      // A user's own name for the file: matched by name, case and suffixes ignored.
      return { file: `Country_${t.toUpperCase()}_2025.parquet`, bytes: parquet.writeParquet(table, props) };
    });
    const report = await validateFiles(engines.db, parquet, sources);
    expect(report.files.flatMap((f) => f.problems)).toEqual([]);
    expect(report.files.map((f) => [f.table, f.matchedBy, f.rows])).toEqual(LOAD_ORDER.map((t) => [t, 'name', DEMO_ROWS[t]]));
    for (const t of LOAD_ORDER) expect(await tableSummary(t), t).toBe(DEMO_ROWS[t]);
  });

  it('ignores extra columns, even nested ones the contract would refuse', async () => {
    const file = path.join(engines.dir, 'facilities_extra.parquet');
    await engines.conn.run(`COPY (SELECT *, {'a': 1, 'b': [2]} AS extra_struct, MAP {'k': 1} AS extra_map FROM read_parquet('${demoFile('facilities')}')) TO '${file}' (FORMAT parquet)`);
    const report = await validateFiles(engines.db, parquet, [fromDisk(file)], { loaded: LOAD_ORDER });
    expect(report.files[0]).toMatchObject({ table: 'facilities', valid: true, loaded: true, rows: 3401, problems: [] });
  });

  it('keeps values, not only row counts (DuckDB zstd file against the demo file)', async () => {
    await validateFiles(engines.db, parquet, LOAD_ORDER.map((t) => fromDisk(demoFile(t))));
    const demo = await engines.db.rows('SELECT SUM(beds) AS beds, SUM(lat) AS lat, COUNT(services) AS s FROM facilities');
    await validateFiles(engines.db, parquet, [fromDisk(`${engines.dir}/zstd/facilities.parquet`)], { loaded: LOAD_ORDER });
    expect(await engines.db.rows('SELECT SUM(beds) AS beds, SUM(lat) AS lat, COUNT(services) AS s FROM facilities')).toEqual(demo);
  });
});

describe('the report', () => {
  it('names file, column, rule, rows and examples, and keeps the loaded table', async () => {
    await validateFiles(engines.db, parquet, LOAD_ORDER.map((t) => fromDisk(demoFile(t))));
    const bad = path.join(engines.dir, 'bad_facilities.parquet');
    await engines.conn.run(`COPY (SELECT * REPLACE (CASE WHEN facility_id = (SELECT min(facility_id) FROM read_parquet('${demoFile('facilities')}')) THEN 95 ELSE lat END AS lat)
      FROM read_parquet('${demoFile('facilities')}')) TO '${bad}' (FORMAT parquet)`);
    const report = await validateFiles(engines.db, parquet, [fromDisk(bad)], { loaded: LOAD_ORDER });
    expect(report.valid).toBe(false);
    expect(report.files[0]).toMatchObject({ file: bad, table: 'facilities', valid: false, loaded: false, rows: 3401 });
    expect(report.files[0].problems).toEqual([
      { file: bad, table: 'facilities', column: 'lat', rule: 'range', severity: 'error', rows: 1, message: '1 value(s) outside -90..90', examples: [expect.stringMatching(/^row \d+: 95\.0$/)] },
    ]);
    expect(await tableSummary('facilities')).toBe(3401);
  });

  it('warns when a foreign key cannot be checked because its table is not loaded', async () => {
    // No table given as loaded: partnerships' facility_id has nothing to resolve against.
    const report = await validateFiles(engines.db, parquet, [fromDisk(demoFile('partnerships'))], { loaded: [] });
    expect(report.valid).toBe(true);
    expect(report.warnings).toBe(1);
    expect(report.files[0].problems).toEqual([expect.objectContaining({ column: 'facility_id', rule: 'key resolves', severity: 'warning', message: 'not checked: no valid facilities table is loaded' })]);
  });

  it('reports an unmatched file, a second file for the same table, and an oversized file without reading it', async () => {
    const other = parquet.writeParquet(parquet.Table.fromIPCStream(parquet.readParquet(readFileSync(demoFile('indicator_catalog'))).intoIPCStream()));
    const report = await validateFiles(engines.db, parquet, [
      { file: 'regions_a.parquet', bytes: readFileSync(demoFile('regions')) },
      { file: 'regions_b.parquet', bytes: readFileSync(demoFile('regions')) },
      { file: 'notes.parquet', bytes: parquetOf({ note: ['a', 'b'], area_km2: [1, 2] }) },
      { file: 'huge.parquet', size: MAX_PARQUET_BYTES + 1, read: () => Promise.reject(new Error('must not be read')) },
      { file: 'catalog.parquet', bytes: other },
    ]);
    const lines = report.files.map((f) => [f.file, f.table, f.valid, f.problems.map((p) => `${p.severity} ${p.rule}: ${p.message}`)]);
    expect(lines).toEqual([
      ['regions_a.parquet', 'regions', true, []],
      ['regions_b.parquet', 'regions', true, ['warning one file per table: regions_a.parquet is also a regions file; the last valid one is loaded']],
      ['notes.parquet', null, false, [expect.stringMatching(/^error table: no matching table: /)]],
      ['huge.parquet', null, false, ['error too large: file is 512 MB, above the 512 MB limit']],
      ['catalog.parquet', 'indicator_catalog', true, []],
    ]);
    expect(report).toMatchObject({ valid: false, errors: 2, warnings: 1 });
  });

  it('never throws: a reader that fails is a problem too', async () => {
    const report = await validateFiles(engines.db, parquet, [{ file: 'gone.parquet', read: () => Promise.reject(new Error('ENOENT: no such file')) }]);
    expect(report.files[0].problems.map((p) => p.message)).toEqual(['could not be read: ENOENT: no such file']);
  });
});
