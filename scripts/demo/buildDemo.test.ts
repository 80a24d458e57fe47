import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readParquet } from 'parquet-wasm';
import { createNodeDb } from '../../src/db/nodeDb';
import type { SqlRunner } from '../../src/db/sqlRunner';
import { buildDemo } from './buildDemo';
import { writeDemo } from './writeDemo';

const SEED = 20261125; // the default in scripts/generate-demo.ts

describe('demo generator', () => {
  it('is deterministic: the same seed writes the same bytes, equal to the committed data/ folder', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'demo-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'demo-b-'));
    await writeDemo(buildDemo({ seed: SEED, scale: 1 }), a, { seed: SEED, scale: 1 });
    await writeDemo(buildDemo({ seed: SEED, scale: 1 }), b, { seed: SEED, scale: 1 });
    const files = readdirSync(a).sort();
    expect(files).toEqual(['barriers.geojson', 'boundaries.geojson', 'coverage.parquet', 'facilities.parquet', 'indicator_catalog.parquet', 'landcover.geojson', 'manifest.json',
      'partnerships.parquet', 'population.parquet', 'regions.parquet', 'roads.geojson', 'socioeconomic.parquet']);
    for (const f of files) {
      const bytes = readFileSync(path.join(a, f));
      expect(bytes.equals(readFileSync(path.join(b, f))), f).toBe(true);
      expect(bytes.equals(readFileSync(path.join('data', f))), `data/${f} is stale: run npm run data`).toBe(true);
    }
  });

  it('a different seed gives a different country; --scale multiplies points and facilities', () => {
    const base = buildDemo({ seed: SEED, scale: 1 });
    const other = buildDemo({ seed: SEED + 1, scale: 1 });
    expect(other.tables.population.lat[0]).not.toBe(base.tables.population.lat[0]);
    const big = buildDemo({ seed: SEED, scale: 2 });
    expect(big.tables.population.cell_id.length).toBe(2 * base.tables.population.cell_id.length);
    expect(big.tables.facilities.facility_id.length).toBeCloseTo(2 * base.tables.facilities.facility_id.length, -1);
    expect(big.boundaries).toEqual(base.boundaries);
  });
});

describe('demo country is plausible (ranges from ../shared/design.md calibration table)', () => {
  let db: SqlRunner;
  const one = async (sql: string) => (await db.rows<Record<string, number>>(sql))[0];
  beforeAll(async () => {
    db = await createNodeDb();
    for (const t of ['regions', 'facilities', 'population', 'coverage', 'socioeconomic', 'partnerships']) {
      await db.insertArrowIPC(t, readParquet(readFileSync(`data/${t}.parquet`)).intoIPCStream());
    }
  });

  it('has the default size: 6-8 provinces, 40-60 districts, 2,000-5,000 facilities, 50,000-100,000 points', async () => {
    const r = await one(`SELECT (SELECT COUNT(*) FROM regions WHERE level = 1) AS provinces, (SELECT COUNT(*) FROM regions WHERE level = 2) AS districts,
      (SELECT COUNT(*) FROM facilities) AS facilities, (SELECT COUNT(*) FROM population) AS points`);
    expect(r.provinces).toBeGreaterThanOrEqual(6);
    expect(r.provinces).toBeLessThanOrEqual(8);
    expect(r.districts).toBeGreaterThanOrEqual(40);
    expect(r.districts).toBeLessThanOrEqual(60);
    expect(r.facilities).toBeGreaterThanOrEqual(2000);
    expect(r.facilities).toBeLessThanOrEqual(5000);
    expect(r.points).toBeGreaterThanOrEqual(50_000);
    expect(r.points).toBeLessThanOrEqual(100_000);
  });

  it('national densities sit in lower-middle-income ranges (WHO workforce tables, World Bank WDI)', async () => {
    const r = await one(`SELECT 1e4 * SUM(doctors) / (SELECT SUM(population) FROM population) AS doctors,
      1e4 * SUM(nurses + midwives) / (SELECT SUM(population) FROM population) AS nurses_midwives,
      1e4 * SUM(beds) / (SELECT SUM(population) FROM population) AS beds,
      1e4 * COUNT(*) FILTER (WHERE ownership = 'public') / (SELECT SUM(population) FROM population) AS public_facilities
      FROM facilities`);
    expect(r.doctors).toBeGreaterThan(0.9);
    expect(r.doctors).toBeLessThan(11);
    expect(r.nurses_midwives).toBeGreaterThan(5);
    expect(r.nurses_midwives).toBeLessThan(40);
    expect(r.beds).toBeGreaterThan(3);
    expect(r.beds).toBeLessThan(16);
    expect(r.public_facilities).toBeGreaterThan(0.4);
    expect(r.public_facilities).toBeLessThan(1.6);
  });

  it('concentrates doctors in the capital and poverty in remote districts (best vs worst region ratios)', async () => {
    const docs = await one(`WITH d AS (SELECT r.region_id, 1e4 * COALESCE(SUM(f.doctors), 0) / ANY_VALUE(r.population) AS v
      FROM regions r LEFT JOIN facilities f USING (region_id) WHERE r.level = 2 GROUP BY 1) SELECT MAX(v) / MIN(v) AS ratio FROM d`);
    expect(docs.ratio).toBeGreaterThan(6);
    expect(docs.ratio).toBeLessThan(45);
    const pov = await one(`SELECT MAX(value) / MIN(value) AS ratio FROM socioeconomic s JOIN regions r USING (region_id)
      WHERE indicator_id = 'poverty_rate' AND year = 2024 AND r.level = 2`);
    expect(pov.ratio).toBeGreaterThan(5);
    expect(pov.ratio).toBeLessThan(20);
    // Poorer districts are the worse served: negative correlation between poverty and workforce density.
    const c = await one(`WITH w AS (SELECT r.region_id, 1e4 * COALESCE(SUM(f.doctors + f.nurses + f.midwives), 0) / ANY_VALUE(r.population) AS workforce
      FROM regions r LEFT JOIN facilities f USING (region_id) WHERE r.level = 2 GROUP BY 1)
      SELECT corr(w.workforce, s.value) AS r FROM w JOIN socioeconomic s USING (region_id) WHERE s.indicator_id = 'poverty_rate' AND s.year = 2024`);
    expect(c.r).toBeLessThan(-0.4);
  });

  it('has wealth gradients in coverage of about 40 points that narrow slowly (WHO GHO; Lancet Glob Health 2017)', async () => {
    const gap = async (year: number) => one(`SELECT MAX(estimate) FILTER (WHERE subgroup_order = 5) - MAX(estimate) FILTER (WHERE subgroup_order = 1) AS gap
      FROM coverage WHERE indicator_id = 'sba' AND region_id = 'XX' AND dimension = 'Economic status (wealth quintile)' AND year = ${year}`);
    const g2015 = (await gap(2015)).gap, g2024 = (await gap(2024)).gap;
    expect(g2015).toBeGreaterThan(30);
    expect(g2015).toBeLessThan(50);
    expect(g2024).toBeLessThan(g2015);
    expect((g2015 - g2024) / 9).toBeLessThan(1.5); // narrowing: under 1.5 points a year
  });

  it('puts every district in reach of at least one facility, ~40% of people in towns, partnerships mostly near the capital', async () => {
    const r = await one(`SELECT (SELECT COUNT(*) FROM regions r WHERE level = 2 AND NOT EXISTS (SELECT 1 FROM facilities f WHERE f.region_id = r.region_id)) AS empty_districts,
      (SELECT SUM(population) FILTER (WHERE urban) / SUM(population) FROM population) AS urban_share,
      (SELECT AVG(CASE WHEN r.parent_id = 'P3' THEN 1 ELSE 0 END) FROM partnerships p JOIN facilities f USING (facility_id) JOIN regions r ON r.region_id = f.region_id) AS capital_partnership_share,
      (SELECT population / (SELECT population FROM regions WHERE level = 0) FROM regions WHERE region_id = 'P3') AS capital_population_share`);
    expect(r.empty_districts).toBe(0);
    expect(r.urban_share).toBeGreaterThan(0.3);
    expect(r.urban_share).toBeLessThan(0.5);
    expect(r.capital_partnership_share).toBeGreaterThan(2 * r.capital_population_share);
  });
});
