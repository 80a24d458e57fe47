import { beforeAll, describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { floatingCatchment, haversineKm } from '../metrics/access';
import { coverageAt } from '../views/access/accessCoverage';
import { catchmentSql } from './accessSql';
import { griddedCatchmentSql } from './griddedCatchmentSql';
import {
  catchmentOptions, catchmentSummaryQuery, distanceSummaryQuery, districtPovertyQuery, facilityPointsQuery,
  type CatchmentSummaryOptions, type DistanceBucketRow, type MapCell,
} from './accessViewSql';
import { mulberry32 } from '../metrics/random';


// A small country: province P1 (districts D1, D2) west of province P2 (district D3).
const DISTRICTS = [
  { id: 'D1', province: 'P1', lon: [30, 30.5] },
  { id: 'D2', province: 'P1', lon: [30.5, 31] },
  { id: 'D3', province: 'P2', lon: [31, 31.6] },
];
const rand = mulberry32(7);
const cells = Array.from({ length: 300 }, (_, k) => {
  const d = DISTRICTS[k % 3];
  return { cell_id: k, region_id: d.id, lat: 10 + rand() * 0.6, lon: d.lon[0] + rand() * (d.lon[1] - d.lon[0]), population: Math.round(rand() * 900) };
});
const SERVICES = ['maternity', 'surgery'];
const facilities = Array.from({ length: 14 }, (_, k) => {
  const d = DISTRICTS[k % 3];
  return {
    facility_id: `F${String(k).padStart(2, '0')}`, region_id: d.id, lat: 10 + rand() * 0.6, lon: d.lon[0] + rand() * (d.lon[1] - d.lon[0]),
    type: k % 4 === 0 ? 'hospital' : 'clinic', beds: Math.floor(rand() * 40), doctors: Math.floor(rand() * 6), nurses: Math.floor(rand() * 12),
    midwives: k === 3 ? null : Math.floor(rand() * 4), services: SERVICES.filter((_, j) => (k + j) % 3 === 0),
  };
});
// Make a point in D2 (province P1) whose nearest facility is in D3 (province P2), just across the border.
Object.assign(cells[1], { lat: 10.3, lon: 30.999 });
Object.assign(facilities[2], { lat: 10.3, lon: 31.001 });

const db = withNodeDb();
beforeAll(async () => {
  const str = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
  await db.rows(`CREATE TABLE regions AS SELECT * FROM (VALUES ('XX', 0, NULL), ('P1', 1, 'XX'), ('P2', 1, 'XX'),
    ('D1', 2, 'P1'), ('D2', 2, 'P1'), ('D3', 2, 'P2')) t(region_id, level, parent_id)`);
  await db.rows('CREATE TABLE population (cell_id INTEGER, region_id VARCHAR, lat DOUBLE, lon DOUBLE, population DOUBLE)');
  await db.rows(`INSERT INTO population VALUES ${cells.map((c) => `(${c.cell_id}, '${c.region_id}', '${c.lat}', '${c.lon}', ${c.population})`).join(', ')}`);
  await db.rows(`CREATE TABLE facilities (facility_id VARCHAR, name VARCHAR, region_id VARCHAR, lat DOUBLE, lon DOUBLE, type VARCHAR,
    beds INTEGER, doctors INTEGER, nurses INTEGER, midwives INTEGER, services VARCHAR[])`);
  await db.rows(`INSERT INTO facilities VALUES ${facilities
    .map((f) => `('${f.facility_id}', 'Facility ${f.facility_id}', '${f.region_id}', '${f.lat}', '${f.lon}', '${f.type}', ${f.beds}, ${f.doctors}, ${f.nurses}, ${f.midwives ?? 'NULL'}, [${f.services.map(str).join(', ')}]::VARCHAR[])`)
    .join(', ')}`);
  await db.rows(`CREATE TABLE socioeconomic AS SELECT * FROM (VALUES
    ('poverty_rate', 'D1', 2020, 40.0), ('poverty_rate', 'D1', 2023, 35.5),
    ('poverty_rate', 'D2', 2022, 61.0), ('poverty_rate', 'D2', 2024, NULL),
    ('poverty_rate', 'D3', 2024, 12.0), ('literacy_rate', 'D3', 2025, 90.0), ('poverty_rate', 'P1', 2024, 50.0)
  ) t(indicator_id, region_id, year, value)`);
});

const nearestKm = (c: (typeof cells)[number], service?: string) =>
  Math.min(...facilities.filter((f) => !service || f.services.includes(service)).map((f) => haversineKm(c.lat, c.lon, f.lat, f.lon)));

describe('distanceSummaryQuery', () => {
  const stepKm = 0.5;
  const maxSteps = 30;

  it('buckets each district population by distance to the nearest facility: the share within k steps is exact', async () => {
    const rows = await db.rows<DistanceBucketRow | MapCell>(distanceSummaryQuery({ province: null, service: 'any', stepKm, maxSteps }));
    const buckets = rows.filter((r): r is DistanceBucketRow => r.kind === 'region');
    for (const k of [0, 1, 4, 10, 20, 30]) {
      const got = coverageAt(buckets, k, maxSteps);
      const total = cells.reduce((a, c) => a + c.population, 0);
      const within = cells.filter((c) => nearestKm(c) <= k * stepKm).reduce((a, c) => a + c.population, 0);
      expect(got.national.within, `k = ${k}`).toBe(within);
      expect(got.national.population).toBe(total);
      for (const d of DISTRICTS) {
        const mine = cells.filter((c) => c.region_id === d.id);
        const expected = mine.filter((c) => nearestKm(c) <= k * stepKm).reduce((a, c) => a + c.population, 0);
        expect(got.districts.find((x) => x.region_id === d.id)?.within, `${d.id}, k = ${k}`).toBe(expected);
      }
    }
    // Farther than maxSteps: the overflow bucket.
    const far = cells.filter((c) => nearestKm(c) > maxSteps * stepKm).reduce((a, c) => a + c.population, 0);
    expect(buckets.filter((b) => b.bucket === maxSteps + 1).reduce((a, b) => a + b.population, 0)).toBe(far);
  });

  it('bins the same points on a map grid: population adds up and the cell values are population-weighted mean km', async () => {
    const rows = await db.rows<DistanceBucketRow | MapCell>(distanceSummaryQuery({ province: null, service: 'any', stepKm, maxSteps }));
    const grid = rows.filter((r): r is MapCell => r.kind === 'cell');
    expect(grid.length).toBeGreaterThan(50);
    expect(grid.length).toBeLessThanOrEqual(71 * 71);
    expect(grid.reduce((a, c) => a + c.population, 0)).toBe(cells.reduce((a, c) => a + c.population, 0));
    const meanKm = cells.reduce((a, c) => a + c.population * nearestKm(c), 0) / cells.reduce((a, c) => a + c.population, 0);
    const fromGrid = grid.reduce((a, c) => a + c.population * (c.value ?? 0), 0) / grid.reduce((a, c) => a + c.population, 0);
    expect(fromGrid).toBeCloseTo(meanKm, 9);
    // Cells are squares of one side, within the points' extent.
    expect(new Set(grid.map((c) => c.deg)).size).toBe(1);
    expect(Math.min(...grid.map((c) => c.lon))).toBeCloseTo(Math.min(...cells.map((c) => c.lon)), 12);
  });

  it('scopes to a province but still finds the nearest facility across the border', async () => {
    const rows = await db.rows<DistanceBucketRow | MapCell>(distanceSummaryQuery({ province: 'P1', service: 'any', stepKm, maxSteps }));
    const buckets = rows.filter((r): r is DistanceBucketRow => r.kind === 'region');
    expect(new Set(buckets.map((b) => b.region_id))).toEqual(new Set(['D1', 'D2']));
    const within = coverageAt(buckets, 1, maxSteps).national.within;
    expect(within).toBe(cells.filter((c) => c.region_id !== 'D3' && nearestKm(c) <= stepKm).reduce((a, c) => a + c.population, 0));
    expect(nearestKm(cells[1])).toBeLessThan(0.5); // the border case is counted, through the facility in P2
  });

  it('filters facilities by service; with no facility offering it, everyone is in the overflow bucket', async () => {
    const rows = await db.rows<DistanceBucketRow | MapCell>(distanceSummaryQuery({ province: null, service: 'surgery', stepKm: 1, maxSteps: 10 }));
    const buckets = rows.filter((r): r is DistanceBucketRow => r.kind === 'region');
    const within = coverageAt(buckets, 5, 10).national.within;
    expect(within).toBe(cells.filter((c) => nearestKm(c, 'surgery') <= 5).reduce((a, c) => a + c.population, 0));
    const none = await db.rows<DistanceBucketRow | MapCell>(distanceSummaryQuery({ province: null, service: 'emergency', stepKm: 1, maxSteps: 10 }));
    const nb = none.filter((r): r is DistanceBucketRow => r.kind === 'region');
    expect(new Set(nb.map((b) => b.bucket))).toEqual(new Set([11]));
    expect(none.filter((r) => r.kind === 'cell').every((c) => (c as MapCell).value === null)).toBe(true);
  });

  it('rejects bad options with a message naming the value', () => {
    expect(() => distanceSummaryQuery({ province: null, service: 'any', stepKm: 0, maxSteps: 10 })).toThrow('invalid stepKm: 0');
    expect(() => distanceSummaryQuery({ province: null, service: 'any', stepKm: 1, maxSteps: 1.5 })).toThrow('invalid maxSteps: 1.5');
    expect(() => distanceSummaryQuery({ province: null, service: 'dentistry' as 'any', stepKm: 1, maxSteps: 5 })).toThrow('unknown service: dentistry');
  });
});

describe('catchmentSummaryQuery', () => {
  const base: CatchmentSummaryOptions = { province: null, service: 'any', method: 'e2sfca_gauss', capacity: 'workforce', catchmentKm: 20, sigmaKm: 8, beta: 1.5 };

  it('gives, per district, the library region result x 10,000 for every method and capacity', async () => {
    for (const method of ['2sfca', 'e2sfca_step', 'e2sfca_gauss', 'gravity'] as const)
      for (const capacity of ['workforce', 'beds'] as const) {
        const o = { ...base, method, capacity };
        const rows = await db.rows<{ kind: string; region_id: string; value: number }>(catchmentSummaryQuery(o));
        const lib = await db.rows<{ region_id: string; accessibility: number }>(catchmentSql({ ...catchmentOptions(o), by: 'region' }));
        const regions = rows.filter((r) => r.kind === 'region');
        expect(regions.map((r) => r.region_id)).toEqual(lib.map((r) => r.region_id));
        regions.forEach((r, k) => expect(r.value, `${method} ${capacity} ${r.region_id}`).toBeCloseTo(1e4 * lib[k].accessibility, 9));
      }
  });

  it('agrees with the TypeScript reference (E2SFCA, Luo & Qi steps at thirds of the catchment)', async () => {
    const o = { ...base, method: 'e2sfca_step' as const };
    expect(catchmentOptions(o)).toMatchObject({ weights: [{ upTo: 20 / 3, weight: 1 }, { upTo: 40 / 3, weight: 0.68 }, { upTo: 20, weight: 0.22 }] });
    const costs = cells.flatMap((c) => facilities.map((f) => ({ demand: String(c.cell_id), supply: f.facility_id, cost: haversineKm(c.lat, c.lon, f.lat, f.lon) })));
    const ref = floatingCatchment({
      demand: cells.map((c) => ({ id: String(c.cell_id), population: c.population })),
      supply: facilities.map((f) => ({ id: f.facility_id, capacity: f.doctors + f.nurses + (f.midwives ?? 0) })),
      costs, method: 'e2sfca', catchment: 20, weights: [{ upTo: 20 / 3, weight: 1 }, { upTo: 40 / 3, weight: 0.68 }, { upTo: 20, weight: 0.22 }],
    });
    const rows = await db.rows<{ kind: string; region_id: string; value: number }>(catchmentSummaryQuery(o));
    for (const d of DISTRICTS) {
      const mine = cells.filter((c) => c.region_id === d.id);
      const pop = mine.reduce((a, c) => a + c.population, 0);
      const expected = (1e4 * mine.reduce((a, c) => a + c.population * ref.get(String(c.cell_id))!, 0)) / pop;
      expect(rows.find((r) => r.kind === 'region' && r.region_id === d.id)?.value).toBeCloseTo(expected, 9);
    }
  });

  it('runs the library catchment unchanged when exact, the gridded one when given a cell side', () => {
    for (const method of ['2sfca', 'e2sfca_step', 'e2sfca_gauss', 'gravity'] as const) {
      const o = { ...base, method };
      const exact = catchmentSummaryQuery({ ...o, cellKm: null });
      expect(exact).toEqual(catchmentSummaryQuery(o));
      expect(exact.sql).toContain(catchmentSql(catchmentOptions(o)).sql);
      expect(catchmentSummaryQuery({ ...o, cellKm: 3 }).sql).toContain(griddedCatchmentSql({ ...catchmentOptions(o), cellKm: 3 }).sql);
    }
  });

  it('a province keeps the values computed with the whole country (outside demand competes), only fewer rows', async () => {
    const all = await db.rows<{ kind: string; region_id: string; value: number }>(catchmentSummaryQuery(base));
    const p1 = await db.rows<{ kind: string; region_id: string; value: number; population: number }>(catchmentSummaryQuery({ ...base, province: 'P1' }));
    const regions = p1.filter((r) => r.kind === 'region');
    expect(regions.map((r) => r.region_id)).toEqual(['D1', 'D2']);
    for (const r of regions) expect(r.value).toBeCloseTo(all.find((a) => a.kind === 'region' && a.region_id === r.region_id)!.value, 12);
    const cellPop = p1.filter((r) => r.kind === 'cell').reduce((a, r) => a + r.population, 0);
    expect(cellPop).toBe(cells.filter((c) => c.region_id !== 'D3').reduce((a, c) => a + c.population, 0));
  });
});

describe('facilityPointsQuery and districtPovertyQuery', () => {
  it('lists the facilities of a province that offer a service', async () => {
    const rows = await db.rows<{ facility_id: string; workforce: number }>(facilityPointsQuery({ province: 'P1', service: 'maternity' }));
    const expected = facilities.filter((f) => f.region_id !== 'D3' && f.services.includes('maternity')).map((f) => f.facility_id).sort();
    expect(rows.map((r) => r.facility_id)).toEqual(expected);
    const f3 = await db.rows<{ facility_id: string; workforce: number }>(facilityPointsQuery({ province: null, service: 'any' }));
    expect(f3).toHaveLength(facilities.length);
    // Absent is not zero: with midwives not reported, the facility's workforce is unknown, not doctors + nurses.
    expect(f3.find((r) => r.facility_id === 'F03')?.workforce).toBeNull();
    expect(f3.find((r) => r.facility_id === 'F00')?.workforce).toBe(facilities[0].doctors + facilities[0].nurses + facilities[0].midwives!);
  });

  it('takes the latest year with a poverty value, districts only, within the province', async () => {
    expect(await db.rows(districtPovertyQuery({ province: null }))).toEqual([
      { region_id: 'D1', poverty: 35.5, year: 2023 },
      { region_id: 'D2', poverty: 61, year: 2022 },
      { region_id: 'D3', poverty: 12, year: 2024 },
    ]);
    expect((await db.rows<{ region_id: string }>(districtPovertyQuery({ province: 'P2' }))).map((r) => r.region_id)).toEqual(['D3']);
  });
});
