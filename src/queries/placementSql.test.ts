import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { haversineKm } from '../metrics/access';
import { placeFacilities, povertyWeight, type PlacementInput, type PlacementObjective } from '../metrics/placement';
import { flaggedLeftOutSql, PLACEMENT_CANDIDATES_TABLE, placementCandidatesSql, placementDemandSql, runPlacement, type PlacementSqlOptions } from './placementSql';
import { mulberry32 } from '../metrics/random';
import { fixtureTable } from './fixtureTable';

interface Cell {
  cell_id: number;
  lat: number;
  lon: number;
  population: number;
  wealth_quintile: number | null;
}
interface Facility {
  facility_id: string;
  lat: number;
  lon: number;
  services: string[];
}

const db = withNodeDb();


async function load(cells: Cell[], facilities: Facility[]): Promise<void> {
  await fixtureTable(db, 'population', { cell_id: 'INTEGER', region_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', population: 'DOUBLE', wealth_quintile: 'INTEGER' },
    cells.map((c) => ({ ...c, region_id: 'r1' })));
  await fixtureTable(db, 'facilities', { facility_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', services: 'VARCHAR[]' }, facilities);
}

function randomCase(rand: () => number): { cells: Cell[]; facilities: Facility[] } {
  const spread = 0.2 + rand() * 1.5;
  const point = () => ({ lat: 10 + rand() * spread, lon: 30 + rand() * spread });
  const cells = Array.from({ length: 5 + Math.floor(rand() * 40) }, (_, k) => ({
    cell_id: 3 + k * 4, // integer ids whose string order differs from numeric order (e.g. "103" < "11")
    population: rand() < 0.1 ? 0 : Math.round(rand() * 500),
    wealth_quintile: rand() < 0.1 ? null : 1 + Math.floor(rand() * 5),
    ...point(),
  }));
  const facilities = Array.from({ length: Math.floor(rand() * 5) }, (_, k) => ({ facility_id: `f${k}`, services: rand() < 0.5 ? ['surgery'] : [], ...point() }));
  return { cells, facilities };
}

/** The TypeScript reference: every cell is demand and a candidate; every pair's haversine; existing cost from all facilities. */
function reference(cells: Cell[], facilities: Facility[], o: PlacementSqlOptions & { k: number }): PlacementInput {
  const existingCost: Record<string, number> = {};
  for (const c of cells) {
    const offered = facilities.filter((f) => o.service === undefined || f.services.includes(o.service));
    const d = Math.min(...offered.map((f) => haversineKm(c.lat, c.lon, f.lat, f.lon)));
    if (Number.isFinite(d)) existingCost[String(c.cell_id)] = d;
  }
  return {
    demand: cells.map((c) => ({ id: String(c.cell_id), population: c.population, weight: o.povertyWeighted ? povertyWeight(c.wealth_quintile) : 1 })),
    candidates: cells.map((c) => ({ id: String(c.cell_id) })),
    costs: cells.flatMap((a) => cells.map((b) => ({ demand: String(a.cell_id), candidate: String(b.cell_id), cost: haversineKm(a.lat, a.lon, b.lat, b.lon) }))),
    existingCost,
    k: o.k,
    threshold: o.thresholdKm,
    objective: o.objective,
  };
}

/** True when some distance sits so near the threshold that libm differences between engines could flip it. */
function borderline(cells: Cell[], facilities: Facility[], threshold: number): boolean {
  const pts = [...cells, ...facilities];
  return cells.some((a) => pts.some((b) => Math.abs(haversineKm(a.lat, a.lon, b.lat, b.lon) - threshold) < 1e-9));
}

describe('runPlacement (SQL pairs + greedy) equals placeFacilities on the full data', () => {
  it('coverage and p-median, weighted or not, with or without a service filter, on 30 seeded cases', async () => {
    const rand = mulberry32(21);
    let nonEmpty = 0;
    for (let n = 0; n < 30; n++) {
      const { cells, facilities } = randomCase(rand);
      await load(cells, facilities);
      const objective: PlacementObjective = n % 2 === 0 ? 'coverage' : 'p-median';
      const o = { thresholdKm: [3, 10, 25][n % 3], objective, k: 1 + (n % 4), povertyWeighted: n % 3 !== 1, service: n % 5 === 0 ? 'surgery' : undefined };
      if (borderline(cells, facilities, o.thresholdKm)) continue;
      const got = await runPlacement(db, o);
      const want = placeFacilities(reference(cells, facilities, o));
      expect(got.chosen, `case ${n}`).toEqual(want.chosen);
      got.gains.forEach((g, t) => expect(Math.abs(g - want.gains[t]), `case ${n} gain ${t}`).toBeLessThanOrEqual(1e-9 * want.gains[t]));
      expect(got.sites.map((s) => s.id)).toEqual(got.chosen);
      for (const s of got.sites) {
        const c = cells.find((x) => String(x.cell_id) === s.id)!;
        expect([s.lat, s.lon]).toEqual([c.lat, c.lon]);
      }
      if (got.chosen.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(15);
  }, 180_000);

  it('grid candidates: one most-populous point per cell; the result equals placeFacilities over those candidates', async () => {
    const rand = mulberry32(22);
    const { cells, facilities } = randomCase(rand);
    await load(cells, facilities);
    const o = { thresholdKm: 10, objective: 'coverage' as const, k: 3, candidates: { gridKm: 20 } };
    const got = await runPlacement(db, o);
    const grid = (await db.rows<{ facility_id: string }>(`SELECT facility_id FROM ${PLACEMENT_CANDIDATES_TABLE}`)).map((r) => r.facility_id);
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.length).toBeLessThan(cells.length);
    const input = reference(cells, facilities, { ...o, candidates: undefined });
    const want = placeFacilities({ ...input, candidates: grid.map((id) => ({ id })), costs: input.costs.filter((c) => grid.includes(c.candidate)) });
    expect(got.chosen).toEqual(want.chosen);
    expect(got.gains).toEqual(want.gains);
  });

  it('an uploaded candidate table; nothing within reach gives no sites', async () => {
    await load([{ cell_id: 1, lat: 10, lon: 30, population: 100, wealth_quintile: 1 }, { cell_id: 2, lat: 10.5, lon: 30, population: 50, wealth_quintile: 5 }], []);
    await db.rows(`CREATE OR REPLACE TABLE sites AS SELECT * FROM (VALUES ('A', 10.01, 30.0), ('B', 10.49, 30.0), ('far', 20.0, 40.0)) v(candidate_id, lat, lon)`);
    const o = { thresholdKm: 5, objective: 'coverage' as const, k: 3, candidates: { table: 'sites' }, povertyWeighted: true };
    const got = await runPlacement(db, o);
    expect(got.chosen).toEqual(['A', 'B']);
    expect(got.gains).toEqual([200, 50]); // poorest quintile counts 2x (povertyWeight)
    expect((await runPlacement(db, { ...o, thresholdKm: 0.1 })).chosen).toEqual([]);
  });

  it('a facility with a location flag counts as no facility when flagged facilities are left out (and counts otherwise)', async () => {
    // Two villages 55 km apart; a facility by each. The one by the second village is flagged (e.g. outside its district).
    await load([{ cell_id: 1, lat: 10, lon: 30, population: 100, wealth_quintile: 3 }, { cell_id: 2, lat: 10.5, lon: 30, population: 70, wealth_quintile: 3 }],
      [{ facility_id: 'ok', lat: 10.001, lon: 30, services: [] }, { facility_id: 'moved', lat: 10.501, lon: 30, services: [] }]);
    await db.rows(`CREATE OR REPLACE TABLE facility_flags AS SELECT * FROM (VALUES ('moved', 'outside_district'), ('ok', 'duplicate')) v(facility_id, flag)`);
    const o = { thresholdKm: 5, objective: 'coverage' as const, k: 2 };
    expect((await runPlacement(db, o)).chosen).toEqual([]); // both villages covered
    const kept = await runPlacement(db, { ...o, excludeFlagged: true });
    expect(kept.chosen).toEqual(['2']);
    expect(kept.gains).toEqual([70]);
    expect(await db.rows(flaggedLeftOutSql)).toEqual([{ n: 1 }]);
  });

  it('builders: values as parameters, checked identifiers and kilometres', () => {
    const q = placementDemandSql({ thresholdKm: 5, objective: 'coverage', povertyWeighted: true });
    expect(q.params![0]).toBe(0.25);
    expect(q.params).toContain(5);
    expect(() => placementDemandSql({ thresholdKm: -1, objective: 'coverage' })).toThrow('invalid thresholdKm: -1');
    expect(() => placementCandidatesSql({ thresholdKm: 5, objective: 'coverage', candidates: { gridKm: 0 } })).toThrow('invalid gridKm: 0');
    expect(() => placementCandidatesSql({ thresholdKm: 5, objective: 'coverage', candidates: { table: 'a b' } })).toThrow('invalid table name: a b');
  });
});
