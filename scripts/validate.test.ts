import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';

/** Run the CLI as a user does (through tsx, in its own process) so that exit codes and output are real. */
function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
}
const STACK = /^\s{4}at /m;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'validate-cli-'));
  copyFileSync('data/regions.parquet', path.join(dir, 'regions.parquet'));
  const native = await DuckDBInstance.create(':memory:');
  const conn = await native.connect();
  const f = "read_parquet('data/facilities.parquet')";
  await conn.run(`COPY (SELECT * REPLACE (CASE WHEN facility_id = (SELECT min(facility_id) FROM ${f}) THEN 95 ELSE lat END AS lat) FROM ${f})
    TO '${dir}/facilities.parquet' (FORMAT parquet)`);
  await conn.run(`COPY (SELECT * REPLACE ({'deg': lat} AS lat) FROM read_parquet('data/population.parquet') LIMIT 100) TO '${dir}/population.parquet' (FORMAT parquet)`);
  conn.closeSync();
  native.closeSync();
  const good = readFileSync('data/indicator_catalog.parquet');
  writeFileSync(path.join(dir, 'empty.parquet'), new Uint8Array(0));
  writeFileSync(path.join(dir, 'zeros.parquet'), new Uint8Array(2048));
  writeFileSync(path.join(dir, 'truncated_indicator_catalog.parquet'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(path.join(dir, 'notes.parquet'), 'region_id,name\nD01,North\n');
  const flipped = Uint8Array.from(good);
  flipped.fill(0xee, 8, good.length - 200);
  writeFileSync(path.join(dir, 'scrambled_indicator_catalog.parquet'), flipped);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run validate', () => {
  it('exits 0 on the demo data, one ok line per file and a summary', () => {
    const r = validate('data');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +data\/facilities\.parquet: facilities, 3401 rows$/m);
    // data/boundaries.geojson is checked too: polygons whose region_id resolve in data/regions.parquet.
    expect(r.out).toMatch(/^ok +data\/boundaries\.geojson: boundaries, 55 shapes$/m);
    // roads.geojson, barriers.geojson and landcover.geojson are the travel-time layers, checked as such, not as boundaries.
    expect(r.out).toMatch(/^ok +data\/roads\.geojson: roads \(travel time\), 51 features$/m);
    expect(r.out).toMatch(/^ok +data\/barriers\.geojson: barriers \(travel time\), 5 features$/m);
    expect(r.out).toMatch(/^ok +data\/landcover\.geojson: landcover \(travel time\), 5 features$/m);
    expect(r.out.trim().split('\n').at(-1)).toBe('11 files checked: 11 valid, 0 invalid; 0 errors, 0 warnings');
  });

  it('exits 1 on a folder with broken files, naming file, column and rule, with no stack trace', () => {
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(r.all).not.toMatch(STACK);
    const line = (name: string) => r.out.split('\n').filter((l) => l.includes(`${path.join(dir, name)}:`)).join('\n') || `(no line for ${name})`;
    expect(line('regions.parquet')).toMatch(/^ok +.*regions, 56 rows$/);
    expect(line('facilities.parquet')).toMatch(/^error +.*facilities\.parquet: facilities\.lat: 1 value\(s\) outside -90\.\.90; e\.g\. row \d+: 95\.0 \(rule: range; rows: 1\)$/);
    expect(line('population.parquet')).toMatch(/^error +.*population\.lat: nested column lat \(struct\) is not supported; expected a number \(rule: nested column; rows: 100\)$/);
    expect(line('empty.parquet')).toMatch(/file is empty \(0 bytes\) \(rule: empty file\)/);
    expect(line('zeros.parquet')).toMatch(/not a Parquet file \(no PAR1 magic at the start; it starts with zero bytes\)/);
    expect(line('truncated_indicator_catalog.parquet')).toMatch(/file is truncated \(no PAR1 magic at the end\)/);
    expect(line('notes.parquet')).toMatch(/it looks like a text or CSV file/);
    expect(line('scrambled_indicator_catalog.parquet')).toMatch(/^error +.*: file is damaged/);
    expect(r.out.trim().split('\n').at(-1)).toBe('8 files checked: 1 valid, 7 invalid; 7 errors, 0 warnings');
  });

  it('checks a land-cover layer: an unknown class is an error naming the file, the feature and the known classes', () => {
    const lc = mkdtempSync(path.join(tmpdir(), 'validate-landcover-'));
    const area = (cls: string) => ({ type: 'Feature', properties: { class: cls }, geometry: { type: 'Polygon', coordinates: [[[31, 11], [31.2, 11], [31.2, 11.2], [31, 11]]] } });
    writeFileSync(path.join(lc, 'landcover.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [area('dense_vegetation'), area('forest')] }));
    const r = validate(path.join(lc, 'landcover.geojson'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('landcover.geojson: feature 2 has class "forest"; known land-cover classes are built_up, bare, low_vegetation, medium_vegetation, dense_vegetation (rule: landcover layer)');
    rmSync(lc, { recursive: true, force: true });
  });

  it('warns (exit 0) about facilities moved into the sea and into another district, with counts and examples', async () => {
    const moved = mkdtempSync(path.join(tmpdir(), 'validate-moved-'));
    for (const f of ['regions.parquet', 'population.parquet', 'boundaries.geojson']) copyFileSync(`data/${f}`, path.join(moved, f));
    const native = await DuckDBInstance.create(':memory:');
    const conn = await native.connect();
    // F000100 at lon 45 (about 700 km east of the easternmost boundary point); F000200 onto the most populous point
    // of the district of the facility farthest from it (a city: well inside that district).
    const farthest = `WITH f AS (SELECT * FROM read_parquet('data/facilities.parquet')), a AS (SELECT * FROM f WHERE facility_id = 'F000200')
      SELECT f.region_id FROM f, a ORDER BY (f.lat - a.lat) ^ 2 + (f.lon - a.lon) ^ 2 DESC LIMIT 1`;
    const spot = (await conn.runAndReadAll(`SELECT region_id, lat, lon FROM read_parquet('data/population.parquet') WHERE region_id = (${farthest}) ORDER BY population DESC LIMIT 1`)).getRowObjectsJson()[0];
    await conn.run(`COPY (SELECT * REPLACE (
        CASE facility_id WHEN 'F000100' THEN 45.0 WHEN 'F000200' THEN ${spot.lon} ELSE lon END AS lon,
        CASE facility_id WHEN 'F000200' THEN ${spot.lat} ELSE lat END AS lat)
      FROM read_parquet('data/facilities.parquet')) TO '${moved}/facilities.parquet' (FORMAT parquet)`);
    const regions = [...(await conn.runAndReadAll(`SELECT region_id FROM read_parquet('data/facilities.parquet') WHERE facility_id = 'F000200'`)).getRowObjectsJson(), spot];
    conn.closeSync();
    native.closeSync();
    try {
      expect(regions[0].region_id).not.toBe(regions[1].region_id);
      const r = validate(moved);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^warning +plausibility: 1 found: facility lies outside every boundary .*; e\.g\. F000100 \(.*\): [\d.]+ km from D\d+ \(check: outside_boundaries\)$/m);
      expect(r.out).toContain(`plausibility: 1 found: facility lies in another district than the one it states (stated_region_id, else region_id); e.g. F000200`);
      expect(r.out).toContain(`stated ${regions[0].region_id}, lies in ${regions[1].region_id}`);
      expect(r.out).toMatch(/^note +plausibility: coverage_scale not checked: no coverage, indicator_catalog table loaded$/m);
      expect(r.out.trim().split('\n').at(-1)).toBe('4 files checked: 4 valid, 0 invalid; 0 errors, 0 warnings'); // 3 tables and the boundaries
      const json = JSON.parse(validate('--json', moved).out);
      expect(json.plausibility.findings).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'outside_boundaries', count: 1 }), expect.objectContaining({ id: 'outside_district', count: 1 })]));
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  }, 120_000);

  it('prints the report as JSON with --json', () => {
    const r = validate('--json', path.join(dir, 'facilities.parquet'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ valid: false, errors: 1, files: [{ table: 'facilities', valid: false }] });
    expect(report.files[0].problems).toEqual(expect.arrayContaining([expect.objectContaining({ column: 'lat', rule: 'range', rows: 1, severity: 'error' })]));
  });

  it.each([
    [[], 'no file or folder given'],
    [['--strict', 'data'], 'unknown option --strict'],
    [['no/such/folder'], 'no such file or folder: no/such/folder'],
  ])('exits 2 with the usage for wrong usage: %j', (args, message) => {
    const r = validate(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`validate: ${message}`);
    expect(r.err).toContain('Usage: npm run validate --');
    expect(r.all).not.toMatch(STACK);
  });
});
