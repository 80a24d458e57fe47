import { describe, expect, it } from 'vitest';
import type { DataHolds } from '../../metrics/dataHolds';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import { DEFAULTS } from './accessSettings';
import { accessModel, heldSettings, type AccessModelInput, type SummaryRow } from './accessModel';

// Three districts worked by hand. Densities per 10,000 as the SQL gives them (null when absent or known for < 50%).
const density = (d: Partial<DistrictDensityRow> & Pick<DistrictDensityRow, 'region_id' | 'population'>): DistrictDensityRow => ({
  name: `name ${d.region_id}`, name_ar: null, province_id: 'P1', province: 'North', facilities: 4,
  beds: null, doctors: null, nurses: null, midwives: null, workforce: null, beds_known: 0, doctors_known: 0, workforce_known: 0,
  beds_known_share: null, doctors_known_share: null, workforce_known_share: null,
  facilities_per_10k: null, beds_per_10k: null, doctors_per_10k: null, workforce_per_10k: null, ...d,
} as DistrictDensityRow);
const densities = [
  // 40 workers / 20,000 people = 20 per 10,000 (< WHO 44.5); 20,000 / 4 doctors = 5,000 people per doctor (>= HPSA 3,500).
  density({ region_id: 'D1', population: 20_000, facilities: 2, workforce: 40, workforce_known: 2, workforce_per_10k: 20, doctors: 4, doctors_known: 2, doctors_per_10k: 2, beds: 10, beds_known: 2, beds_per_10k: 5 }),
  // 50 per 10,000 and 2,000 people per doctor: no shortage; beds not in the dataset.
  density({ region_id: 'D2', population: 10_000, facilities: 4, workforce: 50, workforce_known: 4, workforce_per_10k: 50, doctors: 5, doctors_known: 4, doctors_per_10k: 5 }),
  // Workforce known for 3 of 4 facilities (a floor, shown); doctors for 1 of 4 (too incomplete: no figure, no flag).
  density({ region_id: 'D3', population: 5_000, facilities: 4, workforce: 30, workforce_known: 3, workforce_per_10k: 60, doctors: 1, doctors_known: 1, beds: 8, beds_known: 4, beds_per_10k: 16 }),
];
const bucket = (region_id: string, b: number, population: number): SummaryRow => ({ kind: 'region', region_id, bucket: b, population });
// Steps of 0.5 km, slider at 1 km (index 2), 4 steps: bucket 5 = farther than 2 km or no facility.
const steps = { stepKm: 0.5, maxSteps: 4, index: 2 };
const distance: SummaryRow[] = [
  bucket('D1', 0, 5_000), bucket('D1', 2, 5_000), bucket('D1', 5, 10_000),
  bucket('D2', 1, 9_000), bucket('D2', 3, 1_000),
  bucket('D3', 4, 5_000),
  { kind: 'cell', lon: 0, lat: 0, deg: 0.1, population: 99_999, value: 1 },
];
const access = (region_id: string, population: number, value: number | null): SummaryRow => ({ kind: 'region', region_id, population, value });
const catchment = [access('D1', 20_000, 2), access('D2', 10_000, 8), access('D3', 5_000, null)];
const poverty = [{ region_id: 'D1', poverty: 60, year: 2020 }, { region_id: 'D2', poverty: 20, year: 2020 }, { region_id: 'D3', poverty: 40, year: 2020 }];
const input: AccessModelInput = { distance, distanceStepKm: 0.5, steps, densities, poverty, catchment, regionName: (_id, name) => `${name}*` };

describe('accessModel', () => {
  const m = accessModel(input);

  it('coverage at the slider: people within 1 km by district and nationally, and the curve, cells left out', () => {
    // D1: 5,000 + 5,000 of 20,000; D2: 9,000 of 10,000; D3: none; nationally 19,000 of 35,000.
    expect(m.coverage!.districts.map((d) => [d.region_id, d.within, d.share])).toEqual([['D1', 10_000, 0.5], ['D2', 9_000, 0.9], ['D3', 0, 0]]);
    expect(m.coverage!.national).toMatchObject({ population: 35_000, within: 19_000 });
    expect(m.coverage!.national.share).toBeCloseTo(19 / 35, 12);
    expect(m.coverage!.curve.map((c) => c.share * 35_000)).toEqual([5_000, 14_000, 19_000, 20_000, 25_000].map((x) => expect.closeTo(x, 6)));
    expect(m.worst).toEqual([{ name: 'name D3*', share: 0 }, { name: 'name D1*', share: 0.5 }, { name: 'name D2*', share: 0.9 }]);
    expect(m.districts.map((d) => d.share)).toEqual([0.5, 0.9, 0]);
  });

  it('no coverage from distances of another step width (a run for the other unit still on screen)', () => {
    const stale = accessModel({ ...input, distanceStepKm: 0.41 });
    expect(stale.coverage).toBeNull();
    expect(stale.worst).toEqual([]);
    expect(stale.districts.map((d) => d.share)).toEqual([null, null, null]);
  });

  it('priority: percentile ranks of low access and of poverty over the districts with both; D3 (no accessibility) unranked', () => {
    // Two districts: D1 has less access (2 < 8) and more poverty (60 > 20): ranks 1 and 1, priority 1; D2 0.
    expect(m.districts.map((d) => [d.region_id, d.accessNeed, d.povertyNeed, d.priority])).toEqual([['D1', 1, 1, 1], ['D2', 0, 0, 0], ['D3', undefined, undefined, null]]);
    expect(m.ranked.map((d) => d.region_id)).toEqual(['D1', 'D2']);
    expect(m.topPriority.map((d) => d.region_id)).toEqual(['D1', 'D2']);
    expect(m.accessOnly).toBe(false);
    // (20,000 x 2 + 10,000 x 8 + 5,000 x 0) / 35,000.
    expect(m.accessNational).toBeCloseTo(120_000 / 35_000, 12);
  });

  it('with no poverty figure, ranks on access alone', () => {
    const alone = accessModel({ ...input, poverty: null });
    expect(alone.districts.map((d) => [d.accessNeed, d.povertyNeed, d.priority])).toEqual([[1, undefined, 1], [0, undefined, 0], [undefined, undefined, null]]);
    expect(alone.accessOnly).toBe(true);
    expect(alone.districts.map((d) => d.poverty)).toEqual([null, null, null]);
  });

  it('shortages and notes: absent is not zero, too incomplete raises no flag', () => {
    expect(m.districts.map((d) => [d.workforce_per_10k, d.whoShortage, d.peoplePerDoctor, d.hpsaShortage])).toEqual([[20, true, 5_000, true], [50, false, 2_000, false], [60, false, null, false]]);
    expect([m.whoShort, m.hpsaShort, m.staffShown]).toEqual([1, 1, true]);
    expect(m.districts[0].notes).toEqual({ workforce: undefined, doctors: undefined, beds: undefined });
    expect(m.districts[1].notes!.beds).toEqual({ status: 'absent', share: null });
    expect(m.districts[2].notes).toEqual({ workforce: { status: 'partial', share: 0.75 }, doctors: { status: 'incomplete', share: 0.25 }, beds: undefined });
    expect(m.districts[0]).toMatchObject({ name: 'name D1*', province: 'North*', population: 20_000, accessibility: 2, poverty: 60, beds_per_10k: 5 });
  });

  it('no district rows before the densities are known; no accessibility before the catchment', () => {
    const early = accessModel({ ...input, densities: null, catchment: null });
    expect(early.districts).toEqual([]);
    expect([early.accessNational, early.staffShown, early.accessOnly]).toEqual([null, false, false]);
    expect(early.coverage).not.toBeNull();
  });
});

describe('heldSettings: offer only what the data hold', () => {
  const holds: DataHolds = { facilities: 10, known: { beds: 10, doctors: 0, nurses: 0, midwives: 0, workforce: 0, services: 10 }, types: [], ownerships: [], services: ['maternity'] };

  it('everything until the holdings are known', () => {
    const h = heldSettings({ ...DEFAULTS, service: 'surgery' }, null);
    expect(h.services).toEqual(['any', 'emergency', 'maternity', 'surgery', 'immunization']);
    expect([h.unheldService, h.unheldCapacity, h.settings.service]).toEqual([null, null, 'surgery']);
  });

  it('an unheld service or capacity falls back, and is named', () => {
    const h = heldSettings({ ...DEFAULTS, service: 'surgery', capacity: 'workforce' }, holds);
    expect(h.services).toEqual(['any', 'maternity']);
    expect(h.capacities).toEqual(['beds', 'facilities', 'typed']);
    expect([h.unheldService, h.unheldCapacity]).toEqual(['surgery', 'workforce']);
    expect([h.settings.service, h.settings.capacity]).toEqual(['any', 'facilities']);
    expect(heldSettings({ ...DEFAULTS, service: 'maternity', capacity: 'beds' }, holds).settings).toMatchObject({ service: 'maternity', capacity: 'beds' });
  });
});
