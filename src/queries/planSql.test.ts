import { beforeAll, describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { demoDb } from './demoDb';
import { haversineKm } from '../metrics/access';
import type { ScenarioEdit } from '../metrics/scenario';
import { shareWithinSql } from './accessSql';
import {
  baselineTablesSql, nearestTableSql, partnershipReachQuery, PLAN_BASE_NEAR, planSummaryQuery, planTables, scenarioEditsQuery, scenarioStepsSql,
  underservedTableSql, type PartnershipReachRow, type PlanDistrictRow,
} from './planSql';
import { scenarioTableSql } from './scenarioSql';

const db = withNodeDb(() => demoDb(['regions', 'facilities', 'population', 'partnerships']), 120_000);
beforeAll(async () => {
  for (const q of baselineTablesSql()) await db.rows(q);
}, 120_000);

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

  it('leaves facilities with a location flag out of the partnership programme only when asked', async () => {
    await db.rows(underservedTableSql(5));
    const all = await db.rows<PartnershipReachRow>(partnershipReachQuery({ radiusKm: 10 }));
    const top = [...all].sort((a, b) => b.outreach_reach - a.outreach_reach || a.facility_id.localeCompare(b.facility_id)).slice(0, 3);
    await db.rows(`CREATE OR REPLACE TABLE facility_flags AS SELECT * FROM (VALUES ('${top[0].facility_id}', 'outside_boundaries'), ('${top[1].facility_id}', 'outside_district'), ('${top[2].facility_id}', 'duplicate')) v(facility_id, flag)`);
    const kept = await db.rows<PartnershipReachRow>(partnershipReachQuery({ radiusKm: 10, excludeFlagged: true }));
    expect(kept).toHaveLength(all.length - 2); // a duplicate name alone does not make a location unreliable
    expect(kept.map((r) => r.facility_id)).toEqual(all.map((r) => r.facility_id).filter((id) => id !== top[0].facility_id && id !== top[1].facility_id));
    expect(await db.rows<PartnershipReachRow>(partnershipReachQuery({ radiusKm: 10, excludeFlagged: false }))).toHaveLength(all.length);
  }, 60_000);

  it('a scenario computed incrementally (today + the new facilities) equals a full recomputation, on many seeded scenarios', async () => {
    // Deterministic pseudo-random scenarios: added facilities at population points and off them (including far
    // outside the country), outreach with small and large radii, upgrades adding services; with and without a
    // service filter (an upgrade that adds the service makes that facility newly count).
    let seed = 20240611;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const pts = await db.rows<{ lat: number; lon: number }>('SELECT CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM population USING SAMPLE 400 ROWS (reservoir, 7)');
    const facIds = (await db.rows<{ facility_id: string }>('SELECT facility_id FROM facilities ORDER BY facility_id')).map((f) => f.facility_id);
    const services = ['surgery', 'maternity', 'imaging'] as const;
    const cases: { edits: ScenarioEdit[]; service?: string }[] = [
      { edits: [] },
      { edits: [{ kind: 'upgrade', facilityId: facIds[0], beds: 5, services: ['surgery'] }], service: 'surgery' },
      { edits: [{ kind: 'add', id: 'FAR', lat: pts[0].lat + 5, lon: pts[0].lon + 5, type: 'clinic' }] },
      // An added facility exactly on an existing one: ties go to the smaller facility_id, as in the full computation.
      { edits: [{ kind: 'add', id: 'A0', lat: pts[1].lat, lon: pts[1].lon, type: 'clinic' }, { kind: 'add', id: 'Z9', lat: pts[1].lat, lon: pts[1].lon, type: 'clinic' }] },
    ];
    for (let c = 0; c < 14; c++) {
      const edits: ScenarioEdit[] = [];
      const n = 1 + Math.floor(rnd() * 4);
      for (let e = 0; e < n; e++) {
        const p = pick(pts);
        const jitter = () => (rnd() - 0.5) * 0.2;
        const svc = rnd() < 0.5 ? [pick(services)] : [];
        const r = rnd();
        if (r < 0.45) edits.push({ kind: 'add', id: `NEW${e}`, lat: p.lat + jitter(), lon: p.lon + jitter(), type: 'health_centre', doctors: 2, services: svc });
        else if (r < 0.75) edits.push({ kind: 'outreach', id: `MOB${e}`, lat: p.lat, lon: p.lon, radiusKm: pick([1, 5, 12, 30]), nurses: 2, services: svc });
        else edits.push({ kind: 'upgrade', facilityId: pick(facIds), beds: 3, services: svc });
      }
      cases.push({ edits, service: c % 3 === 0 ? undefined : pick(services) });
    }
    let changed = 0;
    for (const [c, { edits, service }] of cases.entries()) {
      const base = service === undefined ? PLAN_BASE_NEAR : `plan_base_${service}`;
      if (service !== undefined) for (const q of baselineTablesSql({ target: base, service })) await db.rows(q);
      for (const q of scenarioStepsSql(edits, 1, { baseline: base, service })) await db.rows(q);
      const t = planTables(1);
      await db.rows(nearestTableSql(t.facilities, 'plan_full', service));
      const diff = await db.rows<{ n: number; cells: number }>(`SELECT count(*) FILTER (WHERE a.distance_km IS DISTINCT FROM b.distance_km OR a.facility_id IS DISTINCT FROM b.facility_id
        OR a.region_id IS DISTINCT FROM b.region_id OR a.population IS DISTINCT FROM b.population OR b.cell_id IS NULL) AS n, count(*) AS cells
        FROM plan_full a LEFT JOIN ${t.near} b ON b.cell_id = a.cell_id`);
      expect(diff[0], `case ${c}: ${JSON.stringify({ edits, service })}`).toEqual({ n: 0, cells: expect.any(Number) });
      const [{ m }] = await db.rows<{ m: number }>(`SELECT count(*) AS m FROM ${t.near}`);
      expect(m).toBe(diff[0].cells);
      const inc = await db.rows<PlanDistrictRow>(planSummaryQuery({ near: t.near, facilities: t.facilities, withinKm: 5 }));
      const full = await db.rows<PlanDistrictRow>(planSummaryQuery({ near: 'plan_full', facilities: t.facilities, withinKm: 5 }));
      // Per point the distances are identical; per district only the summation order of the mean may differ.
      const round = (rows: PlanDistrictRow[]) => rows.map((r) => ({ ...r, mean_km: r.mean_km == null ? null : Number(r.mean_km.toPrecision(12)) }));
      expect(round(inc), `case ${c}`).toEqual(round(full));
      const [{ k }] = await db.rows<{ k: number }>(`SELECT count(*) AS k FROM plan_full a JOIN ${base} b USING (cell_id) WHERE a.distance_km IS DISTINCT FROM b.distance_km`);
      if (k > 0) changed++;
    }
    expect(changed).toBeGreaterThan(10); // the scenarios do move distances
  }, 180_000);
});
