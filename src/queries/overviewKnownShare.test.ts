import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { kpiOf } from '../metrics/kpi';
import { dataHoldsOf, heldMeasures } from '../metrics/dataHolds';
import { dataHoldsQuery, type DataHoldsRow } from './dataHoldsSql';
import { refreshDerived } from './derivedTables';
import { fixtureTable } from './fixtureTable';
import { DENSITY_MEASURES, districtDensityQuery, type DistrictDensityRow } from './overviewSql';

// Absent is not zero (metrics/knownShare.ts), on the engine: a registry that reports staff for some facilities only.
const REGIONS = [
  { region_id: 'C', name: 'Country', level: 0, parent_id: null, population: 60_000 },
  { region_id: 'P', name: 'Province', level: 1, parent_id: 'C', population: 60_000 },
  { region_id: 'A', name: 'Alpha', level: 2, parent_id: 'P', population: 10_000 },
  { region_id: 'B', name: 'Beta', level: 2, parent_id: 'P', population: 20_000 },
  { region_id: 'E', name: 'Empty', level: 2, parent_id: 'P', population: 30_000 },
];
type F = { facility_id: string; region_id: string; type: string; beds: number | null; doctors: number | null; nurses: number | null; midwives: number | null; services: string[] | null };
const fac = (id: string, region: string, beds: number | null, d: number | null, n: number | null, m: number | null, services: string[] | null = null): F =>
  ({ facility_id: id, region_id: region, type: 'clinic', beds, doctors: d, nurses: n, midwives: m, services });

async function load(db: SqlRunner, facilities: F[]) {
  await fixtureTable(db, 'regions', { region_id: 'VARCHAR', name: 'VARCHAR', name_ar: 'VARCHAR', level: 'INTEGER', parent_id: 'VARCHAR', population: 'DOUBLE' }, REGIONS);
  await fixtureTable(db, 'facilities', {
    facility_id: 'VARCHAR', region_id: 'VARCHAR', type: 'VARCHAR', ownership: 'VARCHAR', beds: 'INTEGER', doctors: 'INTEGER', nurses: 'INTEGER', midwives: 'INTEGER', services: 'VARCHAR[]',
  }, facilities);
  await refreshDerived(db, ['regions', 'facilities'], new Set(['regions', 'facilities']));
}
const byId = (rows: DistrictDensityRow[]) => new Map(rows.map((r) => [r.region_id, r]));

describe('overview SQL when beds and staff are absent or partly known', () => {
  const db = withNodeDb();

  it('no facility reports beds or staff: every sum and density is NULL (never 0), facilities still count', async () => {
    await load(db, [fac('f1', 'A', null, null, null, null), fac('f2', 'A', null, null, null, null), fac('f3', 'B', null, null, null, null)]);
    const rows = await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null }));
    expect(rows.map((r) => r.region_id)).toEqual(['A', 'B', 'E']);
    for (const r of rows) {
      expect([r.beds, r.doctors, r.workforce, r.beds_per_10k, r.doctors_per_10k, r.workforce_per_10k]).toEqual([null, null, null, null, null, null]);
      expect([r.beds_known_share, r.workforce_known_share]).toEqual([null, null]);
    }
    expect(byId(rows).get('A')!.facilities_per_10k).toBeCloseTo((1e4 * 2) / 10_000, 12);
    const k = kpiOf(rows);
    expect(k.known.workforce.status).toBe('absent');
    expect(k.workforce_per_10k).toBeNull();
    // The pickers: only facilities per 10,000 is offered; no service filter.
    const holds = dataHoldsOf((await db.rows<DataHoldsRow>(dataHoldsQuery()))[0]);
    expect(heldMeasures(DENSITY_MEASURES, holds)).toEqual(['facilities']);
    expect(holds.services).toEqual([]);
    expect(holds.types).toEqual(['clinic']);
  });

  it('partly known: summed over reporting facilities, with the share; under 50% of a district is not shown', async () => {
    // A: 4 facilities, staff known for 3 (6+7+8 = 21 workers; f4 lacks midwives so its workforce is unknown).
    // B: 4 facilities, staff known for 1 (25%: too incomplete). E: no facility (known total 0, since the dataset has staff).
    await load(db, [
      fac('f1', 'A', 10, 2, 3, 1, ['maternity']), fac('f2', 'A', 5, 1, 5, 1), fac('f3', 'A', null, 3, 4, 1), fac('f4', 'A', 2, 4, 4, null),
      fac('f5', 'B', null, 5, 5, 5), fac('f6', 'B', null, null, null, null), fac('f7', 'B', null, null, null, null), fac('f8', 'B', 1, null, null, null),
    ]);
    const rows = byId(await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null })));
    const a = rows.get('A')!;
    expect(a.workforce).toBe(6 + 7 + 8);
    expect(a.workforce_known_share).toBe(0.75);
    expect(a.workforce_per_10k).toBeCloseTo((1e4 * 21) / 10_000, 12);
    expect(a.doctors).toBe(10); // doctors known for all four
    expect(a.doctors_known_share).toBe(1);
    expect(a.beds).toBe(17);
    expect(a.beds_known_share).toBe(0.75);
    const b = rows.get('B')!;
    expect(b.workforce_known_share).toBe(0.25);
    expect(b.workforce_per_10k).toBeNull();
    expect(b.beds_per_10k).toBeNull();
    const e = rows.get('E')!;
    expect([e.facilities, e.workforce, e.workforce_known_share, e.workforce_per_10k]).toEqual([0, 0, 1, 0]);
    // Scope: 4 of 8 facilities report all three cadres = 50%: shown, as the sum of what is known (21 + 15) per 60,000.
    const k = kpiOf([...rows.values()]);
    expect(k.known.workforce).toEqual({ status: 'partial', share: 0.5 });
    expect(k.workforce_per_10k).toBeCloseTo((1e4 * 36) / 60_000, 12);
    // A service filter keeps the rule: only f1 offers maternity; B and E have no such facility (known total 0).
    const m = byId(await db.rows<DistrictDensityRow>(districtDensityQuery({ province: null, service: 'maternity' })));
    expect([m.get('A')!.facilities, m.get('A')!.workforce, m.get('A')!.workforce_known_share]).toEqual([1, 6, 1]);
    expect([m.get('B')!.facilities, m.get('B')!.workforce_per_10k]).toEqual([0, 0]);
    const holds = dataHoldsOf((await db.rows<DataHoldsRow>(dataHoldsQuery()))[0]);
    expect(heldMeasures(DENSITY_MEASURES, holds)).toEqual(['workforce', 'doctors', 'beds', 'facilities']);
    expect(holds.services).toEqual(['maternity']);
  });
});
