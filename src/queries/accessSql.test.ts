import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { floatingCatchment, haversineKm, type CatchmentInput } from '../metrics/access';
import { catchmentSql, nearestFacilitySql, pairsWithinSql, shareWithinSql, type Capacity, type CatchmentSqlOptions } from './accessSql';
import { mulberry32 } from '../metrics/random';
import { fixtureTable } from './fixtureTable';
import { WORKFORCE_BY_TYPE } from '../metrics/accessThresholds';

interface Cell {
  cell_id: string;
  region_id: string;
  lat: number;
  lon: number;
  population: number;
}
interface Facility {
  facility_id: string;
  lat: number;
  lon: number;
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
  services: string[];
}

const db = withNodeDb();


async function load(cells: Cell[], facilities: Facility[]): Promise<void> {
  await fixtureTable(db, 'population', { cell_id: 'VARCHAR', region_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', population: 'DOUBLE' }, cells);
  await fixtureTable(db, 'facilities', {
    facility_id: 'VARCHAR', region_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', type: 'VARCHAR',
    beds: 'INTEGER', doctors: 'INTEGER', nurses: 'INTEGER', midwives: 'INTEGER', services: 'VARCHAR[]',
  }, facilities.map((f) => ({ ...f, region_id: 'r0', type: typeOf(f) })));
}

// Facility types in turn (and one the by-type table does not know, which counts 1), for the "typed" capacity.
const TYPES = [...Object.keys(WORKFORCE_BY_TYPE), 'unlisted'];
const typeOf = (f: Facility) => TYPES[Number(f.facility_id.slice(1)) % TYPES.length];

const SERVICES = ['emergency', 'maternity', 'surgery'];

/** A small random country: a centre anywhere (poles and the antimeridian included), spread up to ~3 degrees. */
function randomCountry(rand: () => number): { cells: Cell[]; facilities: Facility[] } {
  const kind = rand();
  const lat0 = kind < 0.15 ? 84 + rand() * 5.5 : kind < 0.3 ? -60 + rand() * 120 : -30 + rand() * 60;
  const lon0 = kind >= 0.15 && kind < 0.3 ? 179.5 : -180 + rand() * 360;
  const spread = 0.05 + rand() * 3;
  const wrapLon = (x: number) => (x > 180 ? x - 360 : x < -180 ? x + 360 : x);
  const point = () => ({ lat: Math.max(-90, Math.min(90, lat0 + (rand() - 0.5) * spread)), lon: wrapLon(lon0 + (rand() - 0.5) * spread * 2) });
  const count = (p: number) => (rand() < 0.15 ? null : Math.floor(rand() * p));
  const cells = Array.from({ length: 1 + Math.floor(rand() * 40) }, (_, k) => ({
    cell_id: `c${String(k).padStart(2, '0')}`,
    region_id: `r${Math.floor(rand() * 3)}`,
    population: rand() < 0.1 ? 0 : Math.round(rand() * 5000),
    ...point(),
  }));
  const facilities = Array.from({ length: Math.floor(rand() * 9) }, (_, k) => ({
    facility_id: `f${k}`,
    beds: count(50),
    doctors: count(10),
    nurses: count(30),
    midwives: count(8),
    services: SERVICES.filter(() => rand() < 0.5),
    ...point(),
  }));
  // Sometimes put a facility exactly on a cell (distance 0).
  if (facilities.length && rand() < 0.3) Object.assign(facilities[0], { lat: cells[0].lat, lon: cells[0].lon });
  return { cells, facilities };
}

/** Catchment radius as a share of the country's spread, so that pairs are neither all in nor all out. */
const randomRadius = (rand: () => number) => [1, 10, 40, 120, 400][Math.floor(rand() * 5)] * (0.5 + rand());

const dist = (c: Cell, f: Facility) => haversineKm(c.lat, c.lon, f.lat, f.lon);
const offers = (service?: string) => (f: Facility) => service === undefined || f.services.includes(service);

function expectClose(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) return void expect(actual, what).toBeNull();
  expect(typeof actual, what).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected), `${what}: ${a} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(expected)) + 1e-12);
}

/** True when a distance is so near the radius that libm differences between engines could flip it. */
const borderline = (d: number, radius: number) => Math.abs(d - radius) <= 1e-9 * Math.max(1, radius);

describe('pairsWithinSql', () => {
  it('finds exactly the pairs within the radius (grid prefilter loses none), on 150 seeded countries', async () => {
    const rand = mulberry32(42);
    for (let c = 0; c < 150; c++) {
      const { cells, facilities } = randomCountry(rand);
      const radiusKm = randomRadius(rand);
      const service = rand() < 0.3 ? SERVICES[c % 3] : undefined;
      await load(cells, facilities);
      const rows = await db.rows<{ cell_id: string; facility_id: string; distance_km: number }>(pairsWithinSql({ radiusKm, service }));
      const got = new Map(rows.map((r) => [`${r.cell_id}|${r.facility_id}`, r.distance_km]));
      expect(got.size, 'no duplicate pairs').toBe(rows.length);
      for (const cell of cells)
        for (const f of facilities.filter(offers(service))) {
          const d = dist(cell, f);
          if (borderline(d, radiusKm)) continue;
          const key = `${cell.cell_id}|${f.facility_id}`;
          expect(got.has(key), `case ${c} pair ${key} at ${d} km, radius ${radiusKm}`).toBe(d <= radiusKm);
          if (d <= radiusKm) expectClose(got.get(key), d, key);
        }
    }
  });

  it('keeps pairs whose great circle runs poleward of both ends, and pairs across the antimeridian', async () => {
    // (60, 0) to (88, 120): a grid sized by the cells' latitude alone would put them two longitude cells apart.
    const facility = (facility_id: string, lat: number, lon: number) => ({ facility_id, lat, lon, beds: 1, doctors: 1, nurses: 1, midwives: 1, services: [] });
    await load([{ cell_id: 'c', region_id: 'r', lat: 60, lon: 0, population: 1 }], [facility('polar', 88, 120)]);
    const d = haversineKm(60, 0, 88, 120);
    expect(await db.rows(pairsWithinSql({ radiusKm: d * 1.0001 }))).toHaveLength(1);
    await load([{ cell_id: 'c', region_id: 'r', lat: -17, lon: 179.95, population: 1 }], [facility('east', -17, -179.95)]);
    const rows = await db.rows<{ distance_km: number }>(pairsWithinSql({ radiusKm: 11 }));
    expectClose(rows[0]?.distance_km, haversineKm(-17, 179.95, -17, -179.95), 'antimeridian');
  });

  it('counts a pair exactly at distance 0 with radius 0 (bounds are inclusive)', async () => {
    const { cells } = randomCountry(mulberry32(1));
    const same = { facility_id: 'same', lat: cells[0].lat, lon: cells[0].lon, beds: 1, doctors: 1, nurses: 1, midwives: 1, services: [] };
    await load(cells, [same]);
    const rows = await db.rows(pairsWithinSql({ radiusKm: 0 }));
    expect(rows.filter((r) => r.cell_id === cells[0].cell_id)).toEqual([{ cell_id: cells[0].cell_id, facility_id: 'same', distance_km: 0 }]);
  });
});

describe('nearestFacilitySql', () => {
  it('equals a brute-force nearest search, through every search stage and the fallback scan', async () => {
    const rand = mulberry32(7);
    for (let c = 0; c < 80; c++) {
      const { cells, facilities } = randomCountry(rand);
      const service = rand() < 0.3 ? SERVICES[c % 3] : undefined;
      const r0 = randomRadius(rand) / 10;
      await load(cells, facilities);
      const rows = await db.rows<{ cell_id: string; distance_km: number | null; facility_id: string | null; population: number }>(
        nearestFacilitySql({ service, searchRadiiKm: [r0, r0 * 4] }),
      );
      expect(rows.map((r) => r.cell_id)).toEqual(cells.map((x) => x.cell_id));
      const candidates = facilities.filter(offers(service));
      rows.forEach((row, k) => {
        const ds = candidates.map((f) => dist(cells[k], f));
        const best = ds.length ? Math.min(...ds) : null;
        expectClose(row.distance_km, best, `case ${c} ${row.cell_id}`);
        if (best !== null) expect(ds[candidates.findIndex((f) => f.facility_id === row.facility_id)]).toBeCloseTo(best, 9);
        else expect(row.facility_id).toBeNull();
      });
    }
  });

  it('rejects radii that do not increase', () => {
    expect(() => nearestFacilitySql({ searchRadiiKm: [10, 10] })).toThrow('searchRadiiKm not increasing at: 10');
    expect(() => nearestFacilitySql({ searchRadiiKm: [-1] })).toThrow('invalid searchRadiiKm: -1');
  });
});

describe('shareWithinSql', () => {
  it('equals the TypeScript share by region and nationally', async () => {
    const rand = mulberry32(99);
    for (let c = 0; c < 60; c++) {
      const { cells, facilities } = randomCountry(rand);
      const withinKm = randomRadius(rand);
      const service = rand() < 0.3 ? SERVICES[c % 3] : undefined;
      await load(cells, facilities);
      const rows = await db.rows<{ scope: string; region_id: string | null; population: number; population_within: number; share: number | null }>(
        shareWithinSql({ withinKm, service }),
      );
      const reached = (cell: Cell) => facilities.filter(offers(service)).some((f) => dist(cell, f) <= withinKm);
      if (cells.some((cell) => facilities.some((f) => borderline(dist(cell, f), withinKm)))) continue;
      const groups = new Map<string | null, Cell[]>([[null, cells]]);
      for (const cell of cells) groups.set(cell.region_id, [...(groups.get(cell.region_id) ?? []), cell]);
      expect(rows.length).toBe(groups.size);
      for (const row of rows) {
        expect(row.scope).toBe(row.region_id === null ? 'national' : 'region');
        const group = groups.get(row.region_id)!;
        const pop = group.reduce((s, x) => s + x.population, 0);
        const within = group.filter(reached).reduce((s, x) => s + x.population, 0);
        expect([row.population, row.population_within]).toEqual([pop, within]);
        expectClose(row.share, pop > 0 ? within / pop : null, `case ${c} ${row.region_id}`);
      }
    }
  });
});

const CAPACITY: Record<Capacity, (f: Facility) => number> = {
  facilities: () => 1,
  beds: (f) => f.beds ?? 0,
  doctors: (f) => f.doctors ?? 0,
  nurses: (f) => f.nurses ?? 0,
  midwives: (f) => f.midwives ?? 0,
  workforce: (f) => (f.doctors ?? 0) + (f.nurses ?? 0) + (f.midwives ?? 0),
  // Staff where all three cadres are known, else the type's default (an unknown type counts 1).
  typed: (f) => (f.doctors != null && f.nurses != null && f.midwives != null ? f.doctors + f.nurses + f.midwives : WORKFORCE_BY_TYPE[typeOf(f)] ?? 1),
};

/** The TypeScript reference for the same options: every pair's haversine km as its cost. */
function reference(cells: Cell[], facilities: Facility[], o: CatchmentSqlOptions): Map<string, number> {
  const supply = facilities.filter(offers(o.service));
  const input: CatchmentInput = {
    demand: cells.map((c) => ({ id: c.cell_id, population: c.population })),
    supply: supply.map((f) => ({ id: f.facility_id, capacity: CAPACITY[o.capacity](f) })),
    costs: cells.flatMap((c) => supply.map((f) => ({ demand: c.cell_id, supply: f.facility_id, cost: dist(c, f) }))),
    method: o.method,
    catchment: o.catchmentKm,
    weights: o.weights,
    gaussianSigma: o.gaussianSigma,
    beta: o.beta,
  };
  return floatingCatchment(input);
}

describe('catchmentSql', () => {
  it('equals floatingCatchment for 2SFCA, E2SFCA (step, Gaussian) and gravity, per cell and per region', async () => {
    const rand = mulberry32(2026);
    const capacities = Object.keys(CAPACITY) as Capacity[];
    let compared = 0;
    for (let c = 0; c < 120; c++) {
      const { cells, facilities } = randomCountry(rand);
      const km = randomRadius(rand);
      const variants: CatchmentSqlOptions[] = [
        { method: '2sfca', capacity: 'doctors', catchmentKm: km },
        { method: 'e2sfca', capacity: 'beds', weights: [{ upTo: km / 3, weight: 1 }, { upTo: (2 * km) / 3, weight: 0.68 }, { upTo: km, weight: 0.22 }] },
        { method: 'e2sfca', capacity: 'workforce', gaussianSigma: km / 2, catchmentKm: km },
        { method: 'gravity', capacity: 'facilities', beta: 1 + rand(), catchmentKm: km },
      ];
      const o = { ...variants[c % 4], capacity: capacities[Math.floor(rand() * capacities.length)], service: rand() < 0.3 ? SERVICES[c % 3] : undefined };
      if (o.method === 'gravity') for (const f of facilities) if (cells.some((x) => dist(x, f) === 0)) f.lat += 0.001; // gravity needs d > 0
      const edges = [km / 3, (2 * km) / 3, km];
      if (cells.some((x) => facilities.some((f) => edges.some((e) => borderline(dist(x, f), e))))) continue;
      await load(cells, facilities);
      const expected = reference(cells, facilities, o);

      const byCell = await db.rows<{ cell_id: string; accessibility: number }>(catchmentSql(o));
      expect(byCell.map((r) => r.cell_id)).toEqual(cells.map((x) => x.cell_id));
      for (const r of byCell) expectClose(r.accessibility, expected.get(r.cell_id)!, `case ${c} ${o.method} ${r.cell_id}`);

      const byRegion = await db.rows<{ region_id: string; population: number; accessibility: number | null }>(catchmentSql({ ...o, by: 'region' }));
      for (const r of byRegion) {
        const group = cells.filter((x) => x.region_id === r.region_id);
        const pop = group.reduce((s, x) => s + x.population, 0);
        const weighted = group.reduce((s, x) => s + x.population * expected.get(x.cell_id)!, 0);
        expect(r.population).toBe(pop);
        expectClose(r.accessibility, pop > 0 ? weighted / pop : null, `case ${c} region ${r.region_id}`);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  async function loadCosts(cells: string[], supply: Record<string, number>, costs: [string, string, number][]): Promise<void> {
    await load(
      cells.map((id) => ({ cell_id: id, region_id: 'r', lat: 0, lon: 0, population: 1 })),
      Object.entries(supply).map(([id, doctors]) => ({ facility_id: id, lat: 0, lon: 0, beds: 0, doctors, nurses: 0, midwives: 0, services: [] })),
    );
    await fixtureTable(db, 'costs', { cell_id: 'VARCHAR', facility_id: 'VARCHAR', cost: 'DOUBLE' }, costs.map(([cell_id, facility_id, cost]) => ({ cell_id, facility_id, cost })));
  }

  it('reproduces Luo & Wang 2003 Fig. 3 from a costs table', async () => {
    // Luo & Wang 2003 Fig. 3 (twostepr tests): 11 tracts, doctors a and b, d0 = 30, distances 20 or 40.
    const nearA = [1, 2, 3, 4, 6, 7, 9, 10];
    const nearB = [4, 5, 8, 11];
    const tracts = Array.from({ length: 11 }, (_, k) => `t${String(k + 1).padStart(2, '0')}`);
    await loadCosts(tracts, { a: 1, b: 1 }, tracts.flatMap((t, k): [string, string, number][] => [
      [t, 'a', nearA.includes(k + 1) ? 20 : 40],
      [t, 'b', nearB.includes(k + 1) ? 20 : 40],
    ]));
    const rows = await db.rows<{ accessibility: number }>(catchmentSql({ method: '2sfca', capacity: 'doctors', catchmentKm: 30, costsTable: 'costs' }));
    // Expected: 0.125 for tracts 1, 2, 3, 6, 7, 9, 10; 0.375 for tract 4; 0.25 for tracts 5, 8, 11.
    const expected = [0.125, 0.125, 0.125, 0.375, 0.25, 0.125, 0.125, 0.25, 0.125, 0.125, 0.25];
    rows.forEach((r, k) => expectClose(r.accessibility, expected[k], tracts[k]));
  });

  it('reproduces the twostepr gravity case (beta 1 and 2) from a costs table', async () => {
    // Luo & Wang 2003 eq. 6 (twostepr tests): all distances 1 except population 3 to doctor B = 2.
    await loadCosts(['p1', 'p2', 'p3'], { A: 1, B: 1 }, [
      ['p1', 'A', 1], ['p1', 'B', 1], ['p2', 'A', 1], ['p2', 'B', 1], ['p3', 'A', 1], ['p3', 'B', 2],
    ]);
    const run = (beta: number) => db.rows<{ accessibility: number }>(catchmentSql({ method: 'gravity', capacity: 'doctors', beta, catchmentKm: 10, costsTable: 'costs' }));
    const within = (rows: { accessibility: number }[], expected: number[]) =>
      rows.forEach((r, k) => expect(Math.abs(r.accessibility - expected[k])).toBeLessThan(1e-6));
    within(await run(1), [0.733333, 0.733333, 0.533333]);
    within(await run(2), [0.777778, 0.777778, 0.444444]);
  });

  it('reports a zero cost under gravity with the pair', async () => {
    await loadCosts(['p1'], { A: 1 }, [['p1', 'A', 0]]);
    const err = await db.rows(catchmentSql({ method: 'gravity', capacity: 'doctors', beta: 1, catchmentKm: 10, costsTable: 'costs' })).catch((e) => e);
    expect(String(err.message)).toMatch('gravity needs cost > 0, got 0 for p1-A');
  });
});

describe('builder safety', () => {
  it('sends user values as parameters, never as SQL text', () => {
    const q = shareWithinSql({ withinKm: 5, service: "x'); DROP TABLE population; --" });
    expect(q.sql).not.toContain('DROP');
    expect(q.params).toEqual([5, "x'); DROP TABLE population; --"]);
    expect(q.sql.match(/\?/g)!.length).toBe(q.params!.length);
  });

  it('takes table names only as plain identifiers and capacity only from the allow-list', () => {
    expect(() => pairsWithinSql({ radiusKm: 1, tables: { population: 'population; DROP' } })).toThrow('invalid table name: population; DROP');
    expect(() => catchmentSql({ method: '2sfca', capacity: 'beds; x' as Capacity, catchmentKm: 1 })).toThrow('unknown capacity: beds; x');
    expect(() => catchmentSql({ method: '2sfca', capacity: 'beds' })).toThrow('2sfca needs catchmentKm');
    expect(() => catchmentSql({ method: '2sfca', capacity: 'beds', catchmentKm: 1, beta: 1 })).toThrow('beta applies to gravity only, not 2sfca');
    expect(() => catchmentSql({ method: 'gravity', capacity: 'beds', catchmentKm: 1 })).toThrow('gravity needs beta >= 0, got: undefined');
    expect(() => catchmentSql({ method: 'e2sfca', capacity: 'beds', catchmentKm: 1 })).toThrow('e2sfca needs weights or gaussianSigma');
    expect(() => pairsWithinSql({ radiusKm: NaN })).toThrow('invalid radiusKm: NaN');
  });
});
