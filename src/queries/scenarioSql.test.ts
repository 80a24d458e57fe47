import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import type { Row } from '../db/sqlRunner';
import { floatingCatchment, haversineKm } from '../metrics/access';
import { applyScenario, type FacilityRow, type PopulationPoint, type ScenarioEdit, type ScenarioFacility } from '../metrics/scenario';
import type { Query } from '../db/sqlText';
import { catchmentSql, nearestFacilitySql, shareWithinSql, type AccessTables } from './accessSql';
import { scenarioTableSql } from './scenarioSql';
import { mulberry32 } from '../metrics/random';
import { fixtureTable } from './fixtureTable';

interface Cell extends PopulationPoint {
  cell_id: number; // INTEGER, as in the demo data
  population: number;
}

const db = withNodeDb();


const FACILITY_COLUMNS = {
  facility_id: 'VARCHAR', name: 'VARCHAR', region_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', type: 'VARCHAR',
  beds: 'DOUBLE', doctors: 'DOUBLE', nurses: 'DOUBLE', midwives: 'DOUBLE', services: 'VARCHAR[]',
} as const;
const loadFacilities = (name: string, rows: readonly FacilityRow[]) => fixtureTable(db, name, FACILITY_COLUMNS, rows.map((f) => ({ ...f, name: 'n' })));

async function load(cells: Cell[], facilities: FacilityRow[]): Promise<void> {
  await fixtureTable(db, 'population', { cell_id: 'INTEGER', region_id: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', population: 'DOUBLE' }, cells);
  // The loaded table has INTEGER capacities, as in the data contract.
  await loadFacilities('facilities_src', facilities);
  await db.rows(`CREATE OR REPLACE TABLE facilities AS SELECT * REPLACE (CAST(beds AS INTEGER) AS beds, CAST(doctors AS INTEGER) AS doctors,
    CAST(nurses AS INTEGER) AS nurses, CAST(midwives AS INTEGER) AS midwives) FROM facilities_src`);
}

const SERVICES = ['emergency', 'maternity', 'surgery'];

function randomCase(rand: () => number): { cells: Cell[]; facilities: FacilityRow[]; edits: ScenarioEdit[] } {
  const point = () => ({ lat: 10 + rand() * 1.5, lon: 30 + rand() * 1.5 });
  const count = (p: number) => (rand() < 0.15 ? null : Math.floor(rand() * p));
  const services = () => SERVICES.filter(() => rand() < 0.4);
  const cells = Array.from({ length: 3 + Math.floor(rand() * 35) }, (_, k) => ({
    cell_id: 1 + k * 7,
    region_id: `r${Math.floor(rand() * 3)}`,
    population: rand() < 0.1 ? 0 : Math.round(rand() * 5000),
    ...point(),
  }));
  const facilities = Array.from({ length: 1 + Math.floor(rand() * 7) }, (_, k) => ({
    facility_id: `f${k}`,
    region_id: `r${Math.floor(rand() * 3)}`,
    type: 'clinic',
    beds: count(50),
    doctors: count(10),
    nurses: count(30),
    midwives: count(8),
    services: rand() < 0.1 ? null : services(),
    ...point(),
  }));
  const edits: ScenarioEdit[] = [];
  const staff = () => ({ beds: count(40) ?? undefined, doctors: count(6) ?? undefined, nurses: count(12) ?? undefined, midwives: count(4) ?? undefined, services: services() });
  for (let a = Math.floor(rand() * 3); a > 0; a--)
    edits.push({ kind: 'add', id: `new${a}`, type: 'health_centre', regionId: rand() < 0.3 ? 'rX' : undefined, ...point(), ...staff() });
  for (let u = Math.floor(rand() * 3); u > 0; u--) edits.push({ kind: 'upgrade', facilityId: `f${Math.floor(rand() * facilities.length)}`, ...staff() });
  if (rand() < 0.5) edits.push({ kind: 'outreach', id: 'mobile', radiusKm: rand() * 40, ...point(), ...staff() });
  return { cells, facilities, edits };
}

function expectClose(actual: unknown, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) return void expect(actual ?? null, what).toBeNull();
  expect(typeof actual, what).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected), `${what}: ${a} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(expected)) + 1e-12);
}

const byId = (a: Row, b: Row) => String(a.facility_id ?? a.cell_id ?? a.region_id).localeCompare(String(b.facility_id ?? b.cell_id ?? b.region_id));

/** Runs one access query on two facility tables and expects the same rows (numbers to 1e-9 relative). */
async function expectSameMeasure(make: (t: AccessTables) => Query, what: string): Promise<Row[]> {
  const scenario = (await db.rows(make({ facilities: 'facilities_scenario' }))).sort(byId);
  const full = (await db.rows(make({ facilities: 'facilities_full' }))).sort(byId);
  expect(scenario.length, what).toBe(full.length);
  scenario.forEach((r, k) => {
    for (const [key, v] of Object.entries(full[k])) {
      if (typeof v === 'number') expectClose(r[key], v, `${what} ${key}`);
      else expect(r[key], `${what} ${key}`).toEqual(v);
    }
  });
  return scenario;
}

const fingerprint = () => db.rows('SELECT count(*) AS n, sum(hash(facility_id, beds, doctors, nurses, midwives, services, lat, lon)) AS h FROM facilities');

describe('scenarioTableSql', () => {
  it('builds the same facility list as applyScenario, and every access measure equals a full recomputation (25 seeded cases)', async () => {
    const rand = mulberry32(11);
    for (let n = 0; n < 25; n++) {
      const { cells, facilities, edits } = randomCase(rand);
      await load(cells, facilities);
      const before = await fingerprint();
      const q = scenarioTableSql(edits);
      await db.rows(q);
      expect(q.table).toBe('facilities_scenario');
      expect(await fingerprint(), 'loaded table untouched').toEqual(before);

      // 1. The scenario table equals the pure TypeScript scenario.
      const expected: ScenarioFacility[] = applyScenario(facilities, edits, cells).sort((a, b) => a.facility_id.localeCompare(b.facility_id));
      const got = (await db.rows('SELECT * FROM facilities_scenario ORDER BY facility_id')).sort(byId);
      expect(got.map((r) => r.facility_id)).toEqual(expected.map((f) => f.facility_id));
      got.forEach((r, k) => {
        const f = expected[k];
        for (const key of ['region_id', 'type', 'scenario_change'] as const) expect(r[key], `${f.facility_id} ${key}`).toBe(f[key]);
        for (const key of ['lat', 'lon', 'beds', 'doctors', 'nurses', 'midwives'] as const) expectClose(r[key], f[key], `${f.facility_id} ${key}`);
        const services = r.services === null ? null : Array.from(r.services as Iterable<string>);
        expect(services, `${f.facility_id} services`).toEqual(f.services);
      });

      // 2. A full recomputation: the scenario's facilities written into the data as an ordinary table.
      await loadFacilities('facilities_full', expected);
      const withinKm = [2, 10, 30][n % 3];
      const nearest = await expectSameMeasure((tables) => nearestFacilitySql({ tables, searchRadiiKm: [5, 20] }), 'nearest');
      await expectSameMeasure((tables) => nearestFacilitySql({ tables, service: 'maternity' }), 'nearest maternity');
      await expectSameMeasure((tables) => shareWithinSql({ tables, withinKm }), 'share within');
      const e2 = await expectSameMeasure((tables) => catchmentSql({ tables, method: 'e2sfca', capacity: 'workforce', catchmentKm: 30, gaussianSigma: 15 }), 'e2sfca');
      await expectSameMeasure((tables) => catchmentSql({ tables, method: 'e2sfca', capacity: 'beds', weights: [{ upTo: 10, weight: 1 }, { upTo: 20, weight: 0.68 }, { upTo: 30, weight: 0.22 }], by: 'region' }), 'e2sfca steps');

      // 3. And both equal the TypeScript reference on the scenario's list.
      for (const r of nearest) {
        const c = cells.find((x) => x.cell_id === r.cell_id)!;
        const d = Math.min(...expected.map((f) => haversineKm(c.lat, c.lon, f.lat, f.lon)));
        expectClose(r.distance_km, d, `nearest ${c.cell_id}`);
      }
      const ref = floatingCatchment({
        demand: cells.map((c) => ({ id: String(c.cell_id), population: c.population })),
        supply: expected.map((f) => ({ id: f.facility_id, capacity: (f.doctors ?? 0) + (f.nurses ?? 0) + (f.midwives ?? 0) })),
        costs: cells.flatMap((c) => expected.map((f) => ({ demand: String(c.cell_id), supply: f.facility_id, cost: haversineKm(c.lat, c.lon, f.lat, f.lon) }))),
        method: 'e2sfca',
        catchment: 30,
        gaussianSigma: 15,
      });
      for (const r of e2) expectClose(r.accessibility, ref.get(String(r.cell_id))!, `e2sfca ref ${r.cell_id}`);
    }
  }, 180_000); // ~10 queries per case on the wasm engine

  it('an added facility changes the measures (the scenario is not a no-op)', async () => {
    const cells: Cell[] = [{ cell_id: 1, region_id: 'r1', lat: 10, lon: 30, population: 100 }, { cell_id: 2, region_id: 'r1', lat: 11, lon: 31, population: 100 }];
    await load(cells, [{ facility_id: 'f0', region_id: 'r1', lat: 10, lon: 30, type: 'clinic', beds: 1, doctors: 1, nurses: 1, midwives: 1, services: [] }]);
    await db.rows(scenarioTableSql([{ kind: 'add', id: 'n1', lat: 11, lon: 31, type: 'clinic', doctors: 3 }]));
    const share = async (facilities: string) => (await db.rows(shareWithinSql({ tables: { facilities }, withinKm: 5 })))[0].share;
    expect(await share('facilities')).toBe(0.5);
    expect(await share('facilities_scenario')).toBe(1);
  });

  it('passes every edit value as a parameter, in order; identifiers are checked', () => {
    const q = scenarioTableSql([{ kind: 'add', id: "x'); DROP TABLE facilities; --", lat: 1, lon: 2, type: 'clinic', beds: 3, services: ['a'] }]);
    expect(q.params).toEqual(["x'); DROP TABLE facilities; --", null, 1, 2, 'clinic', 3, null, null, null, 'a']);
    expect(q.sql).not.toContain('DROP');
    expect(() => scenarioTableSql([], { target: 'x; y' })).toThrow('invalid table name: x; y');
    expect(() => scenarioTableSql([], { target: 'facilities' })).toThrow('target would replace a source table: facilities');
  });

  it('fails with a clear message on an unknown upgrade id or an id that already exists', async () => {
    await load([{ cell_id: 1, region_id: 'r1', lat: 10, lon: 30, population: 1 }], [{ facility_id: 'f0', region_id: 'r1', lat: 10, lon: 30, type: 'clinic', beds: 1, doctors: 1, nurses: 1, midwives: 1, services: [] }]);
    await expect(db.rows(scenarioTableSql([{ kind: 'upgrade', facilityId: 'nope', beds: 1 }]))).rejects.toThrow('unknown facility id in upgrade: nope');
    await expect(db.rows(scenarioTableSql([{ kind: 'add', id: 'f0', lat: 10, lon: 30, type: 'clinic' }]))).rejects.toThrow('scenario id already a facility: f0');
  });
});
