import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { strFromU8, unzipSync } from 'fflate';
import { readParquet } from 'parquet-wasm';
import { createNodeDb } from '../db/nodeDb';
import { districtFacts } from './demoFacts';
import { download, withDashboard } from './browser';

const inP3 = districtFacts().filter((d) => d.province_id === 'P3').sort((a, b) => a.region_id.localeCompare(b.region_id));

describe('export exactly what the view shows (overview district table, filtered to one province)', () => {
  const w = withDashboard('?province=P3');
  beforeAll(async () => {
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid="district-table"] tbody tr').length === n, inP3.length);
  });

  const exported = (format: string) => download(w.page.getByTestId('export-districts'), `button[data-format="${format}"]`);

  it('CSV: a header and one row per district shown, values equal to the Parquet source', async () => {
    const { name, bytes } = await exported('csv');
    expect(name).toBe('districts.csv');
    const lines = bytes.toString('utf8').trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 6)).toEqual(['region_id', 'name', 'name_ar', 'province_id', 'province', 'population']);
    expect(lines).toHaveLength(1 + inP3.length);
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    expect(rows.map((r) => r.region_id)).toEqual(inP3.map((d) => d.region_id));
    expect(rows.map((r) => Number(r.beds))).toEqual(inP3.map((d) => d.beds));
    await expect(w.page.locator('.export-status').first().innerText()).resolves.toBe(`Saved districts.csv: ${inP3.length} rows`);
  });

  it('Parquet and Arrow read back with the same rows', async () => {
    const pq = tableFromIPC(readParquet(new Uint8Array((await exported('parquet')).bytes)).intoIPCStream());
    const arrow = tableFromIPC(new Uint8Array((await exported('arrow')).bytes));
    for (const t of [pq, arrow]) {
      expect(t.numRows).toBe(inP3.length);
      expect(t.getChild('region_id')!.toArray()).toEqual(inP3.map((d) => d.region_id));
      expect(Array.from(t.getChild('workforce')!.toArray() as Float64Array)).toEqual(inP3.map((d) => d.workforce));
    }
  });

  it('JSON, and the ZIP bundle with metadata (filters, SQL, row count) and a README marked synthetic', async () => {
    const json = JSON.parse((await exported('json')).bytes.toString('utf8'));
    expect(json.map((r: { population: number }) => r.population)).toEqual(inP3.map((d) => d.population));
    const files = unzipSync(new Uint8Array((await exported('zip')).bytes));
    const meta = JSON.parse(strFromU8(files['metadata.json']));
    expect(meta).toMatchObject({ rows: inP3.length, filters: { province: 'P3' }, params: [], synthetic: true });
    // Reproducible from the metadata alone: the demo files, the derived tables' SQL, then the query, give the same rows.
    expect(meta.derivedTables.map((d: { name: string }) => d.name)).toEqual(['overview_cube', 'overview_districts']);
    const db = await createNodeDb();
    for (const t of ['regions', 'facilities']) await db.insertArrowIPC(t, readParquet(readFileSync(`data/${t}.parquet`)).intoIPCStream());
    for (const d of meta.derivedTables) await db.rows(d.sql);
    expect(await db.rows({ sql: meta.sql, params: meta.params })).toEqual(json);
    expect(strFromU8(files['README.txt'])).toContain('SYNTHETIC');
    expect(strFromU8(files['data.csv']).trim().split('\r\n')).toHaveLength(1 + inP3.length);
  });

  it('sent nothing anywhere and logged no error', () => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
