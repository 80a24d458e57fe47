/**
 * Bad files, generated here (no binary is committed), and the Parquet format's own test corpus: each file gets
 * a clear message naming it, nothing crashes or hangs, and the demo tables loaded first stay intact.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { withScratchEngines } from './scratchEngines';
import { LOAD_ORDER, validateFiles, type FileReport } from './validateFiles';

const PARQUET_TESTING = path.resolve('../shared/parquet-testing');
/** Longest a single bad file may take (decode + validation). Far above the measured worst case (~1 s). */
const PER_FILE_MS = 10_000;
/** Rules a file-level refusal may carry (see decodeParquet.ts). */
const DECODE_RULES = ['too large', 'empty file', 'not parquet', 'truncated', 'encrypted', 'nested column', 'invalid text', 'unsupported', 'corrupt'];

const engines = withScratchEngines('corrupt-corpus-');
let intact: string;

/** Rows and an order-independent hash of every demo table: equal before and after each bad file. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(LOAD_ORDER.map((t) => engines.db.rows<{ n: number; h: string }>(`SELECT COUNT(*) AS n, CAST(SUM(hash(t)) AS VARCHAR) AS h FROM ${t} t`)));
  return JSON.stringify(parts.map(([p], i) => `${LOAD_ORDER[i]}:${p.n}:${p.h}`));
}

const demoSources = () => LOAD_ORDER.map((t) => ({ file: `data/${t}.parquet`, bytes: readFileSync(`data/${t}.parquet`) }));

/** Write `select` (over `f`, the demo facilities, or `p`, the demo population...) with native DuckDB. */
async function written(select: string, options = 'COMPRESSION zstd'): Promise<Uint8Array> {
  const out = path.join(engines.dir, `w${Math.random().toString(36).slice(2)}.parquet`);
  const views = LOAD_ORDER.map((t) => `${t} AS (SELECT * FROM read_parquet('data/${t}.parquet'))`);
  await engines.conn.run(`COPY (WITH ${views.join(', ')} ${select}) TO '${out}' (FORMAT parquet, ${options})`);
  // A copy, not a Buffer: Buffer.slice() is a view, and the cases below damage their own copies.
  return new Uint8Array(readFileSync(out));
}

async function check(file: string, bytes: Uint8Array): Promise<FileReport> {
  const started = performance.now();
  const report = await validateFiles(engines.db, parquet, [{ file, bytes }], { loaded: LOAD_ORDER });
  expect(performance.now() - started, `${file} took too long`).toBeLessThan(PER_FILE_MS);
  const f = report.files[0];
  for (const p of f.problems) {
    expect(p.file).toBe(file);
    expect(p.message.length, file).toBeGreaterThan(5);
    expect(p.message, file).not.toMatch(/\n|\s{4}at |RuntimeError|panicked/);
  }
  return f;
}

/** A bad file: refused, with a problem matching `expected`, and the loaded tables untouched. */
async function expectRefused(file: string, bytes: Uint8Array, expected: { rule: string; column?: string; message?: RegExp }) {
  const f = await check(file, bytes);
  expect(f.valid, `${file} should be refused`).toBe(false);
  expect(f.loaded).toBe(false);
  expect(f.problems, file).toEqual(expect.arrayContaining([expect.objectContaining({ rule: expected.rule, ...(expected.column ? { column: expected.column } : {}) })]));
  if (expected.message) expect(f.problems.map((p) => p.message).join('\n'), file).toMatch(expected.message);
  expect(await snapshot(), `tables changed after ${file}`).toBe(intact);
}

/** A damaged file that may still happen to be valid (a flipped byte inside a value): either way, no crash. */
async function expectHandled(file: string, bytes: Uint8Array) {
  const f = await check(file, bytes);
  if (f.valid) {
    // Accepted and loaded: put the demo facilities back for the next case.
    await validateFiles(engines.db, parquet, demoSources().filter((s) => s.file.includes('facilities')), { loaded: LOAD_ORDER });
  } else {
    expect(f.problems.length).toBeGreaterThan(0);
  }
  expect(await snapshot(), `tables changed after ${file}`).toBe(intact);
  return f.valid;
}

beforeAll(async () => {
  const report = await validateFiles(engines.db, parquet, demoSources());
  expect(report.valid).toBe(true);
  intact = await snapshot();
}, 60_000);

describe('damaged bytes', () => {
  let base: Uint8Array;
  let plain: Uint8Array;
  beforeAll(async () => {
    base = await written('SELECT * FROM facilities ORDER BY facility_id LIMIT 400');
    plain = await written('SELECT * FROM facilities ORDER BY facility_id LIMIT 400', 'COMPRESSION uncompressed');
  }, 60_000);
  const footerLength = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset + b.length - 8, 4).getUint32(0, true);

  it('the undamaged base file is valid', async () => {
    expect((await check('facilities.parquet', base)).problems).toEqual([]);
    await validateFiles(engines.db, parquet, demoSources().filter((s) => s.file.includes('facilities')), { loaded: LOAD_ORDER });
    expect(await snapshot()).toBe(intact);
  });

  it('truncated at 30 offsets', async () => {
    const offsets = [1, 3, 4, 8, 12, ...Array.from({ length: 21 }, (_, i) => Math.floor((base.length * (i + 1)) / 22)), base.length - 12, base.length - 8, base.length - 4, base.length - 1];
    for (const n of offsets) {
      await expectRefused(`facilities_cut_${n}.parquet`, base.slice(0, n), { rule: n < 4 ? 'not parquet' : 'truncated' });
    }
  });

  it('data cut out of the middle, footer kept (the footer points past the end)', async () => {
    const tail = footerLength(base) + 8;
    for (const keep of [4, 100, 1000, Math.floor((base.length - tail) / 2)]) {
      const bytes = new Uint8Array([...base.subarray(0, keep), ...base.subarray(base.length - tail)]);
      await expectRefused(`facilities_hollow_${keep}.parquet`, bytes, { rule: 'corrupt' });
    }
  });

  it('single flipped bytes in compressed and plain files, in data and footer', async () => {
    let accepted = 0;
    for (const [label, file] of [['zstd', base], ['plain', plain]] as const) {
      const footerStart = file.length - 8 - footerLength(file);
      const dataPositions = Array.from({ length: 20 }, (_, i) => 4 + Math.floor(((footerStart - 4) * i) / 20));
      const footerPositions = Array.from({ length: 20 }, (_, i) => footerStart + Math.floor(((file.length - 8 - footerStart) * i) / 20));
      for (const at of [...dataPositions, ...footerPositions]) {
        const bytes = file.slice();
        bytes[at] ^= 0xff;
        if (await expectHandled(`facilities_${label}_flip_${at}.parquet`, bytes)) accepted++;
      }
    }
    // Most flips must be caught; a few land inside a value and still give a valid file.
    expect(accepted).toBeLessThan(40);
  });

  it('wrong magic, zero bytes, empty file, other formats', async () => {
    const magic = base.slice();
    magic.set([0x50, 0x41, 0x52, 0x32], 0);
    await expectRefused('facilities_magic.parquet', magic, { rule: 'not parquet', message: /no PAR1 magic at the start/ });
    const endMagic = base.slice();
    endMagic.set([0, 0, 0, 0], base.length - 4);
    await expectRefused('facilities_end_magic.parquet', endMagic, { rule: 'truncated', message: /no PAR1 magic at the end/ });
    await expectRefused('facilities_zeros.parquet', new Uint8Array(4096), { rule: 'not parquet', message: /zero bytes/ });
    const zeroed = base.slice();
    zeroed.fill(0, 4, base.length - 8 - footerLength(base));
    await expectRefused('facilities_zeroed_pages.parquet', zeroed, { rule: 'corrupt' });
    await expectRefused('facilities_empty.parquet', new Uint8Array(0), { rule: 'empty file', message: /empty/ });
    await expectRefused('facilities.csv.parquet', new TextEncoder().encode('facility_id,name,lat\nF1,Clinic,12.5\n'), { rule: 'not parquet', message: /CSV/ });
    const arrow = tableToIPC(tableFromArrays({ facility_id: ['F1'] }), 'file');
    await expectRefused('facilities_arrow.parquet', arrow, { rule: 'not parquet', message: /Arrow IPC/ });
  });

  it('huge or wrong declared footer lengths', async () => {
    for (const [label, length] of [['huge', 0xfffffff0], ['past_start', base.length], ['short', footerLength(base) - 40], ['long', footerLength(base) + 40]] as const) {
      const bytes = base.slice();
      new DataView(bytes.buffer).setUint32(bytes.length - 8, length, true);
      await expectRefused(`facilities_footer_${label}.parquet`, bytes, { rule: label === 'huge' || label === 'past_start' ? 'truncated' : 'corrupt' });
    }
  });
});

describe('wrong content', () => {
  const first = "facility_id = (SELECT min(facility_id) FROM facilities)";
  const cases: [string, string, { rule: string; column?: string; message?: RegExp }][] = [
    ['facilities_lat_text.parquet', `SELECT * REPLACE (CASE WHEN ${first} THEN 'north' ELSE CAST(lat AS VARCHAR) END AS lat) FROM facilities`, { rule: 'type', column: 'lat' }],
    ['facilities_lat_struct.parquet', "SELECT * REPLACE ({'deg': lat, 'min': 0} AS lat) FROM facilities", { rule: 'nested column', column: 'lat', message: /nested column lat \(struct\) is not supported/ }],
    ['facilities_lon_map.parquet', "SELECT * REPLACE (MAP {'deg': lon} AS lon) FROM facilities", { rule: 'nested column', column: 'lon', message: /map/ }],
    ['facilities_lat_list.parquet', 'SELECT * REPLACE ([lat, lat] AS lat) FROM facilities', { rule: 'type', column: 'lat', message: /is a list \(List<Float64>\) in the file, expected a number/ }],
    ['facilities_services_nested_list.parquet', 'SELECT * REPLACE ([services] AS services) FROM facilities', { rule: 'nested column', column: 'services' }],
    ['facilities_name_all_null.parquet', 'SELECT * REPLACE (NULL::VARCHAR AS name) FROM facilities', { rule: 'not null', column: 'name', message: /3401 row/ }],
    ['facilities_name_null_type.parquet', 'SELECT * REPLACE (NULL AS name) FROM facilities', { rule: 'not null', column: 'name' }],
    ['facilities_no_lat.parquet', 'SELECT * EXCLUDE (lat) FROM facilities', { rule: 'required column', column: 'lat' }],
    ['facilities_duplicate_keys.parquet', 'SELECT * FROM facilities UNION ALL (SELECT * FROM facilities ORDER BY facility_id LIMIT 5)', { rule: 'unique key', column: 'facility_id', message: /10 row/ }],
    ['facilities_open_year_date.parquet', 'SELECT * REPLACE (make_date(coalesce(open_year, 2000), 1, 1) AS open_year) FROM facilities', { rule: 'type', column: 'open_year', message: /date\/time/ }],
    ['partnerships_year_as_text_date.parquet', "SELECT * REPLACE (CAST(make_date(start_year, 5, 1) AS VARCHAR) AS start_year) FROM partnerships", { rule: 'type', column: 'start_year', message: /450 value\(s\) are not a whole number/ }],
    ['facilities_lat_nan.parquet', `SELECT * REPLACE (CASE WHEN ${first} THEN 'NaN'::DOUBLE ELSE lat END AS lat) FROM facilities`, { rule: 'finite', column: 'lat' }],
    ['facilities_lon_infinity.parquet', `SELECT * REPLACE (CASE WHEN ${first} THEN 'Infinity'::DOUBLE ELSE lon END AS lon) FROM facilities`, { rule: 'finite', column: 'lon' }],
    ['population_negative.parquet', 'SELECT * REPLACE (CASE WHEN cell_id % 1000 = 0 THEN -population - 1 ELSE population END AS population) FROM population', { rule: 'range', column: 'population', message: /100 value\(s\) outside 0\.\.∞/ }],
    ['facilities_unknown_region.parquet', `SELECT * REPLACE (CASE WHEN ${first} THEN 'ATLANTIS' ELSE region_id END AS region_id) FROM facilities`, { rule: 'key resolves', column: 'region_id' }],
    ['facilities_lat_range.parquet', `SELECT * REPLACE (CASE WHEN ${first} THEN 123.0 ELSE lat END AS lat) FROM facilities`, { rule: 'range', column: 'lat' }],
    ['regions_blob_population.parquet', "SELECT * REPLACE ('\\xAA\\xBB'::BLOB AS population) FROM regions", { rule: 'type', column: 'population', message: /binary data/ }],
  ];
  it.each(cases)('%s', async (file, select, expected) => {
    await expectRefused(file, await written(select), expected);
  });

  it('invalid UTF-8 in a text column', async () => {
    // Native DuckDB refuses to write invalid UTF-8, so a marker is written and then overwritten byte for byte.
    const bytes = await written(`SELECT * REPLACE (CASE WHEN ${first} THEN 'QQQQ' ELSE name END AS name) FROM facilities`, 'COMPRESSION uncompressed');
    const marker = new TextEncoder().encode('QQQQ');
    let replaced = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (marker.every((b, j) => bytes[i + j] === b)) {
        bytes.set([0xff, 0xfe, 0xc0, 0x80], i);
        replaced++;
      }
    }
    expect(replaced).toBeGreaterThan(0);
    await expectRefused('facilities_bad_utf8.parquet', bytes, { rule: 'invalid text', message: /not valid UTF-8/ });
  });

  it('an oversized file is refused before it is read', async () => {
    const report = await validateFiles(engines.db, parquet, [{ file: 'facilities_huge.parquet', size: 600 * 1024 * 1024, read: () => Promise.reject(new Error('read')) }], { loaded: LOAD_ORDER });
    expect(report.files[0].problems.map((p) => [p.rule, p.message])).toEqual([['too large', 'file is 600 MB, above the 512 MB limit']]);
  });

  it('after all of it the demo tables still answer a join', async () => {
    expect(await snapshot()).toBe(intact);
    const [row] = await engines.db.rows<{ n: number }>('SELECT COUNT(*) AS n FROM facilities f JOIN regions r USING (region_id) JOIN partnerships p USING (facility_id)');
    expect(row.n).toBe(450);
  });
});

describe.skipIf(!existsSync(PARQUET_TESTING))('the Parquet format corpus (apache/parquet-testing)', () => {
  it(existsSync(PARQUET_TESTING) ? 'every file loads or is refused with a clear message' : `skipped: ${PARQUET_TESTING} is absent (it lives next to the project only on the build machine)`, async () => {
    const files = ['data', 'bad_data'].flatMap((d) =>
      (readdirSync(path.join(PARQUET_TESTING, d), { recursive: true }) as string[]).map((f) => path.join(PARQUET_TESTING, d, f)).filter((f) => statSync(f).isFile()),
    ).sort();
    expect(files.length).toBeGreaterThan(80);
    const outcome: Record<string, string> = {};
    for (const file of files) {
      const f = await check(file, readFileSync(file));
      const p = f.problems.find((x) => x.severity === 'error');
      expect(p, `${file} has no table of the contract, so it cannot be valid`).toBeDefined();
      expect([...DECODE_RULES, 'table']).toContain(p!.rule);
      outcome[path.relative(PARQUET_TESTING, file)] = p!.rule;
      const [row] = await engines.db.rows<{ n: number }>('SELECT COUNT(*) AS n FROM facilities');
      expect(row.n, `after ${file}`).toBe(3401);
    }
    expect(await snapshot()).toBe(intact);
    // Readable files reach table matching; known bad ones are refused with the right reason.
    expect(outcome).toMatchObject({
      'data/alltypes_plain.parquet': 'table',
      'data/nested_structs.rust.parquet': 'table',
      'data/large_string_map.brotli.parquet': 'too large',
      'data/uniform_encryption.parquet.encrypted': 'encrypted',
      'data/aes256/encrypt_columns_and_footer.parquet.encrypted': 'encrypted',
      'data/aes256/encrypt_columns_plaintext_footer.parquet.encrypted': 'encrypted',
      'bad_data/ARROW-GH-41321.parquet': 'unsupported',
      'data/nation.dict-malformed.parquet': 'corrupt',
      'data/delta_binary_packed_expect.csv': 'not parquet',
      'bad_data/PARQUET-1481.parquet': 'corrupt',
      'bad_data/ARROW-RS-GH-6229-LEVELS.parquet': 'corrupt',
    });
  });
});
