import { describe, expect, it } from 'vitest';
import type { PartnershipReachRow, PlanDistrictRow } from '../../queries/planSql';
import { concentrationByPoverty, partnershipRanking, planMeasures, planModel } from './planModel';

const row = (region_id: string, province_id: string, pop: number, within: number, mean_km: number, doctors: number, workforce: number, known: number): PlanDistrictRow => ({
  region_id, name: region_id, province_id, province: province_id, population: pop, point_population: pop, within, mean_km,
  beds: 10, doctors, workforce, facilities: 4, doctors_known: known, workforce_known: known,
});
// A: 40% within reach, 40 workers per 10,000 (short of 44.5), 5,000 people per doctor (HPSA); B: 80%, 50 per 10,000,
// 2,000 per doctor; C: 90%, staff reported by no facility (absent, so never flagged).
const today = [row('A', 'P1', 10_000, 4_000, 6, 2, 40, 4), row('B', 'P1', 20_000, 16_000, 2, 10, 100, 4), row('C', 'P2', 10_000, 9_000, 1, 1, 20, 0)];
const poverty = new Map([['A', 60], ['B', 30], ['C', 10]]);

describe('Plan model', () => {
  it('national measures of hand-made districts, worked by hand', () => {
    const m = planMeasures(today, poverty);
    expect(m.population).toBe(40_000);
    expect(m.within).toBe(29_000);
    expect(m.share).toBeCloseTo(0.725, 12);
    // (6 x 10,000 + 2 x 20,000 + 1 x 10,000) / 40,000
    expect(m.meanKm).toBeCloseTo(2.75, 12);
    expect([m.underHalf, m.whoShortage, m.hpsaShortage]).toEqual([1, 1, 1]);
    expect(m.districts.map((d) => d.workforce_per_10k)).toEqual([40, 50, null]);
    // Access need ranks A 1, B 0.5, C 0; poverty need the same: priority 1, 0.5, 0.
    expect(m.districts.map((d) => [d.priority, d.rank])).toEqual([[1, 1], [0.5, 2], [0, 3]]);
    // Grouped concentration index, poorest first: weights .25/.5/.25, fractional ranks .125/.5/.875, shares 40/80/90 %:
    // C = 2 x (.25 x 40 x .125 + .5 x 80 x .5 + .25 x 90 x .875) / 72.5 - 1 = 0.12931.
    expect(m.ciShare).toBeCloseTo(12.931, 3);
    // Workforce is known in two districts only: too few for an index.
    expect(m.ciWorkforce).toBeNull();
  });

  it('concentration index by poverty: 0 when access is equal, negative when the poorest are better served', () => {
    const d = (estimate: number, pov: number, name: string) => ({ name, estimate, population: 100, poverty: pov });
    expect(concentrationByPoverty([d(50, 60, 'a'), d(50, 40, 'b'), d(50, 20, 'c')], 100)).toBeCloseTo(0, 10);
    expect(concentrationByPoverty([d(90, 60, 'a'), d(50, 40, 'b'), d(10, 20, 'c')], 100)!).toBeLessThan(0);
    expect(concentrationByPoverty([d(10, 60, 'a'), d(50, 40, 'b'), d(90, 20, 'c')], 100)!).toBeGreaterThan(0);
  });

  it('scope, the worst district and the districts ordered by what the active scenario gains', () => {
    const scenario = [row('A', 'P1', 10_000, 8_000, 3, 2, 40, 4), ...today.slice(1)];
    const m = planModel({ today, scenarios: [null, scenario, null, null], poverty, province: null, active: 1 });
    expect(m.worst?.region_id).toBe('A');
    expect(m.measures.map((x) => x?.within ?? null)).toEqual([null, 33_000, null, null]);
    // A gains 40 points; B and C gain nothing and follow by today's share.
    expect(m.districts.map(({ d, s }) => [d.region_id, s?.share])).toEqual([['A', 0.8], ['B', 0.8], ['C', 0.9]]);
    const p1 = planModel({ today, scenarios: [scenario], poverty, province: 'P1', active: 0 });
    expect(p1.base?.population).toBe(30_000);
    expect(p1.base?.share).toBeCloseTo(20_000 / 30_000, 12);
    expect(planModel({ today: null, scenarios: [scenario], poverty, province: null, active: 0 })).toMatchObject({ base: null, districts: [] });
  });

  it('partnership ranking: reach by programme, pharmacies left out, partnered facilities in the top tenth', () => {
    const f = (id: string, type: string, outreach: number, catchment: number, partnerships: number): PartnershipReachRow => ({
      facility_id: id, name: id, type, region_id: 'A', district: 'A', lat: 0, lon: 0, outreach_reach: outreach, catchment_reach: catchment,
      worst_fifth: false, partnerships, programmes: partnerships ? 'training' : null,
    });
    const rows = [f('F1', 'clinic', 500, 10, 1), f('F2', 'pharmacy', 900, 900, 0), f('F3', 'hospital', 500, 300, 0),
      ...Array.from({ length: 17 }, (_, k) => f(`G${String(k).padStart(2, '0')}`, 'health_post', 100 - k, 200 + k, k % 4 === 0 ? 1 : 0))];
    const out = partnershipRanking(rows, 'outreach', 3);
    expect(out.top.map((r) => r.facility_id)).toEqual(['F1', 'F3', 'G00']);
    // 19 facilities (the pharmacy left out): the top tenth is the first 2, of which F1 has a partnership; G00, G04 ... G16 too.
    expect([out.facilities, out.partnered, out.partneredInDecile, out.partneredInTop]).toEqual([19, 6, 1, 2]);
    const tele = partnershipRanking(rows, 'telemedicine', 2);
    expect(tele.top.map((r) => r.facility_id)).toEqual(['F3', 'G16']);
    expect(tele.partneredInDecile).toBe(1);
  });
});
