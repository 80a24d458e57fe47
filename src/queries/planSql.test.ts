import { readFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { haversineKm } from '../metrics/access';
import type { ScenarioEdit } from '../metrics/scenario';
import { shareWithinSql } from './accessSql';
import {
  nearestTableSql, partnershipReachQuery, PLAN_BASE_NEAR, planSummaryQuery, planTables, scenarioEditsQuery, underservedTableSql,
  type PartnershipReachRow, type PlanDistrictRow,
} from './planSql';
import { scenarioTableSql } from './scenarioSql';

let db: SqlRunner;
beforeAll(async () => {
  db = await createNodeDb();
  for (const t of ['regions', 'facilities', 'population', 'partnerships']) await db.insertArrowIPC(t, readParquet(readFileSync(`data/${t}.parquet`)).intoIPCStream());
  await db.rows(nearestTableSql('facilities', PLAN_BASE_NEAR));
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const byRegion = (rows: { region_id: string | null; population_within: number }[]) => new Map(rows.filter((r) => r.region_id).map((r) => [r.region_id!, r.population_within]));

describe('Plan SQL on the demo data', () => {
  it('people within X km per district equal the access library’s share-within (pairs, not nearest), today and with a scenario', async () => {
    const today = await db.rows<PlanDistrictRow>(planSummaryQuery({ near: PLAN_BASE_NEAR, facilities: 'facilities', withinKm: 5 }));
    const ref = byRegion(await db.rows(shareWithinSql({ withinKm: 5 })));
    expect(today).toHaveLength(48);
    for (const r of today) expect(r.within).toBeCloseTo(ref.get(r.region_id)!, 6);

    // The worst-covered district, a new facility at its most populous point.
    const worst = [...today].sort((a, b) => a.within / a.point_population - b.within / b.point_population)[0];
    const [site] = await db.rows<{ lat: number; lon: number }>({ sql: 'SELECT lat, lon FROM population WHERE region_id = ? ORDER BY population DESC, cell_id LIMIT 1', params: [worst.region_id] });
    const edits: ScenarioEdit[] = [{ kind: 'add', id: 'NEW1', lat: site.lat, lon: site.lon, type: 'health_centre', doctors: 2, nurses: 6 }];
    const t = planTables(0);
    await db.rows(scenarioTableSql(edits, { target: t.facilities }));
    await db.rows(nearestTableSql(t.facilities, t.near));
    const after = await db.rows<PlanDistrictRow>(planSummaryQuery({ near: t.near, facilities: t.facilities, withinKm: 5 }));
    const ref2 = byRegion(await db.rows(shareWithinSql({ tables: { facilities: t.facilities }, withinKm: 5 })));
    for (const r of after) expect(r.within).toBeCloseTo(ref2.get(r.region_id)!, 6);
    const w0 = today.find((r) => r.region_id === worst.region_id)!;
    const w1 = after.find((r) => r.region_id === worst.region_id)!;
    expect(w1.within).toBeGreaterThan(w0.within);
    expect(w1.workforce - w0.workforce).toBe(8);
  }, 60_000);

  it('exports the scenario changes as rows', async () => {
    const rows = await db.rows(scenarioEditsQuery('A', [
      { kind: 'add', id: 'NEW1', lat: 1, lon: 2, type: 'clinic', beds: 5, services: ['maternity', 'surgery'] },
      { kind: 'upgrade', facilityId: 'F000001', doctors: 3 },
      { kind: 'outreach', id: 'MOB1', lat: 1, lon: 2, radiusKm: 10, nurses: 2 },
    ]));
    expect(rows).toEqual([
      { scenario: 'A', change: 'added', facility_id: 'NEW1', lat: 1, lon: 2, type: 'clinic', radius_km: null, beds: 5, doctors: null, nurses: null, midwives: null, services: 'maternity;surgery' },
      { scenario: 'A', change: 'upgraded', facility_id: 'F000001', lat: null, lon: null, type: null, radius_km: null, beds: null, doctors: 3, nurses: null, midwives: null, services: '' },
      { scenario: 'A', change: 'mobile clinic', facility_id: 'MOB1', lat: 1, lon: 2, type: 'mobile_unit', radius_km: 10, beds: null, doctors: null, nurses: 2, midwives: null, services: '' },
    ]);
  });

  it('partnership outreach reach equals a plain count of underserved people within the radius', async () => {
    await db.rows(underservedTableSql(5));
    const rows = await db.rows<PartnershipReachRow>(partnershipReachQuery({ radiusKm: 10 }));
    expect(rows).toHaveLength(3401);
    const top = [...rows].sort((a, b) => b.outreach_reach - a.outreach_reach)[0];
    const under = await db.rows<{ lat: number; lon: number; population: number }>(`SELECT lat, lon, population FROM plan_underserved`);
    const expected = under.filter((u) => haversineKm(top.lat, top.lon, u.lat, u.lon) <= 10).reduce((s, u) => s + u.population, 0);
    expect(top.outreach_reach).toBeCloseTo(expected, 6);
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*) AS n FROM partnerships');
    expect(rows.reduce((s, r) => s + r.partnerships, 0)).toBe(n);
    expect(rows.some((r) => r.catchment_reach > 0 && r.worst_fifth)).toBe(true);
  }, 60_000);
});
