import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { demoDb } from './demoDb';
import { refreshDerived } from './derivedTables';
import type { SqlRunner } from '../db/sqlRunner';
import { kpiOf } from '../metrics/kpi';
import { districtDensityQuery, OVERVIEW_CUBE, OVERVIEW_DISTRICTS, provincesQuery, type DistrictDensityRow } from './overviewSql';

// Independent computation in plain JS over the same Parquet files (decoded with parquet-wasm, no SQL).
const load = (t: string) => tableFromIPC(readParquet(readFileSync(`data/${t}.parquet`)).intoIPCStream()).toArray().map((r) => r.toJSON());

describe('overview SQL on the demo data', () => {
  let db: SqlRunner;
  const regions = load('regions');
  const facilities = load('facilities');
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities']);
  });

  const expected = (province: string | null) => {
    const districts = regions.filter((r) => r.level === 2 && (province === null || r.parent_id === province));
    const ids = new Set(districts.map((d) => d.region_id));
    const fs = facilities.filter((f) => ids.has(f.region_id));
    const sum = (k: string) => fs.reduce((s, f) => s + (f[k] ?? 0), 0);
    const population = districts.reduce((s, d) => s + d.population, 0);
    const workforce = sum('doctors') + sum('nurses') + sum('midwives');
    return { districts: districts.length, population, facilities: fs.length, beds: sum('beds'), workforce, workforce_per_10k: (1e4 * workforce) / population };
  };

  it.each([null, 'P3', 'P7'])('KPIs match an independent JS computation (province %s)', async (province) => {
    const k = kpiOf(await db.rows<DistrictDensityRow>(districtDensityQuery({ province })));
    const e = expected(province);
    expect(k.districts).toBe(e.districts);
    expect(k.population).toBeCloseTo(e.population, 6);
    expect(k.facilities).toBe(e.facilities);
    expect(k.beds).toBe(e.beds);
    expect(k.workforce).toBe(e.workforce);
    expect(k.workforce_per_10k).toBeCloseTo(e.workforce_per_10k, 9);
  });

  it('gives one row per district with densities that are count / population * 10,000', async () => {
    const rows = await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null }));
    expect(rows).toHaveLength(48);
    for (const r of rows) {
      const fs = facilities.filter((f) => f.region_id === r.region_id);
      expect(r.facilities).toBe(fs.length);
      expect(r.beds_per_10k).toBeCloseTo((1e4 * fs.reduce((s, f) => s + f.beds, 0)) / r.population, 9);
    }
    expect(rows.reduce((s, r) => s + r.facilities, 0)).toBe(facilities.length);
  });

  it('filters districts by province, and treats hostile text as a value', async () => {
    expect(await db.rows(districtDensityQuery({ province: 'P2' }))).toHaveLength(9);
    expect(await db.rows(districtDensityQuery({ province: "P2' OR 1=1 --" }))).toHaveLength(0);
    expect((await db.rows(provincesQuery())).length).toBe(7);
  });
});

describe('facility filters on the overview SQL', () => {
  let db: SqlRunner;
  const facilities = tableFromIPC(readParquet(readFileSync('data/facilities.parquet')).intoIPCStream()).toArray().map((r) => r.toJSON());
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities']);
  });

  it('counts only facilities of the chosen type, ownership and service', async () => {
    const k = kpiOf(await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null, facilityType: 'hospital', ownership: 'public', service: 'surgery' })));
    const expected = facilities.filter((f) => f.type === 'hospital' && f.ownership === 'public' && Array.from(f.services ?? []).includes('surgery'));
    expect(k.facilities).toBe(expected.length);
    expect(k.beds).toBe(expected.reduce((s, f) => s + f.beds, 0));
    const all = kpiOf(await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null })));
    expect(all.facilities).toBe(facilities.length);
    expect(k.population).toBe(all.population); // people stay: only the facilities counted change
  });

  // Every combination of filters, per district (names and zero rows included), against plain JS over the facility rows.
  const regions = tableFromIPC(readParquet(readFileSync('data/regions.parquet')).intoIPCStream()).toArray().map((r) => r.toJSON());
  it.each([
    { province: null },
    { province: 'P3' },
    { province: 'P3', facilityType: 'hospital' },
    { province: null, ownership: 'private', service: 'maternity' },
    { province: 'P5', facilityType: 'health_post', ownership: 'public', service: 'surgery' },
    { province: null, service: 'no such service' },
  ])('district rows from the pre-aggregated table equal a recount of the facilities (%o)', async (f) => {
    const rows = await db.rows<DistrictDensityRow>(districtDensityQuery(f));
    const districts = regions.filter((r) => r.level === 2 && (f.province == null || r.parent_id === f.province));
    expect(rows.map((r) => r.region_id)).toEqual(districts.map((d) => d.region_id).sort());
    for (const r of rows) {
      const d = districts.find((x) => x.region_id === r.region_id)!;
      const fs = facilities.filter((x) => x.region_id === r.region_id && (!('facilityType' in f) || x.type === f.facilityType)
        && (!('ownership' in f) || x.ownership === f.ownership) && (!('service' in f) || Array.from(x.services ?? []).includes(f.service)));
      const sum = (k: string) => fs.reduce((s, x) => s + (x[k] ?? 0), 0);
      expect([r.name, r.province_id, r.population]).toEqual([d.name, d.parent_id, d.population]);
      expect(r.province).toBe(regions.find((p) => p.region_id === d.parent_id)!.name);
      expect([r.facilities, r.beds, r.doctors, r.nurses, r.midwives]).toEqual([fs.length, sum('beds'), sum('doctors'), sum('nurses'), sum('midwives')]);
      expect(r.workforce).toBe(sum('doctors') + sum('nurses') + sum('midwives'));
    }
  });

  it('the pre-aggregated table follows a replaced facilities table, and goes when facilities are removed', async () => {
    const other = await demoDb(['regions', 'facilities']);
    await other.rows("CREATE OR REPLACE TABLE facilities AS SELECT * FROM facilities WHERE type = 'hospital'");
    await refreshDerived(other, ['facilities'], new Set(['regions', 'facilities']));
    const k = kpiOf(await other.rows<DistrictDensityRow>(districtDensityQuery({ province: null })));
    expect(k.facilities).toBe(facilities.filter((x) => x.type === 'hospital').length);
    await other.rows('DROP TABLE facilities');
    await refreshDerived(other, ['facilities'], new Set(['regions']));
    expect(await other.rows(`SELECT * FROM duckdb_tables() WHERE table_name IN ('${OVERVIEW_CUBE}', '${OVERVIEW_DISTRICTS}')`)).toHaveLength(0);
  });
});
