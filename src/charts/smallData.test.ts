import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import type { NeedAccessRow } from '../queries/needAccessSql';
import type { TrendRow } from '../queries/trendsSql';
import { MEASURE_META } from './measureMeta';
import { measureTrendSpec } from './measureTrendSpec';
import { needScatterSpec } from './needScatterSpec';
import { paddedDomain } from './paddedDomain';
import { rankedBarsSpec } from './rankedBarsSpec';
import { subgroupBarsSpec, whiskersOf } from './subgroupBarsSpec';
import { trendSpec } from './trendSpec';

// Small and odd data draw well: the spec builders are pure, so each odd case is checked on its options.
type Scale = { domain?: unknown[]; ticks?: unknown[] };
const scale = (o: Plot.PlotOptions, k: 'x' | 'y') => o[k] as Scale;
const markNames = (o: Plot.PlotOptions) => (o.marks as { ariaLabel?: string; constructor: { name: string } }[]).map((m) => m.constructor.name);

const district = (id: string, workforce: number | null): DistrictDensityRow => ({
  region_id: id, name: `District ${id}`, name_ar: null, province_id: 'P', province: 'Province', population: 10_000, facilities: 2,
  beds: null, doctors: null, nurses: null, midwives: null, workforce: workforce == null ? null : workforce, beds_known: 0, doctors_known: 0,
  workforce_known: workforce == null ? 0 : 2, beds_known_share: null, doctors_known_share: null, workforce_known_share: workforce == null ? 0 : 1,
  facilities_per_10k: 2, beds_per_10k: null, doctors_per_10k: null, workforce_per_10k: workforce,
});

describe('paddedDomain', () => {
  it('leaves spread values to Plot, and opens a collapsed one around its value', () => {
    expect(paddedDomain([1, 2, 3])).toBeUndefined();
    expect(paddedDomain([])).toBeUndefined();
    expect(paddedDomain([0, 0, 0])).toEqual([0, 1]);
    expect(paddedDomain([61.853])).toEqual([61.853 - 6.1853, 61.853 + 6.1853]);
    expect(paddedDomain([5, 5], { zero: true })).toEqual([0, 10]);
    expect(paddedDomain([-4, null, -4])).toEqual([-4.4, -3.6]);
  });
});

describe('need scatter: all districts at the same value', () => {
  const rows = ['A', 'B', 'C', 'D'].map((id) => ({ ...district(id, 0), need: 40, need_year: 2024 })) as NeedAccessRow[];
  const spec = needScatterSpec({
    rows, meta: MEASURE_META.workforce, needLabel: 'Poverty (%)', needIsHigh: true, needCut: 40, accessCut: 0, flagged: new Set(), selected: null, width: 600, caption: 'c',
  });
  it('opens both axes instead of collapsing them (the "00000" axis), and draws no fit line through one x value', () => {
    expect(scale(spec, 'y').domain).toEqual([0, 1]);
    expect(scale(spec, 'x').domain).toEqual([36, 44]);
    expect(markNames(spec)).not.toContain('LinearRegressionY');
  });
  it('keeps Plot’s own domains when the values spread', () => {
    const spread = rows.map((r, k) => ({ ...r, need: 10 * k, workforce_per_10k: k + 1 }));
    const s = needScatterSpec({ rows: spread, meta: MEASURE_META.workforce, needLabel: 'p', needIsHigh: true, needCut: 15, accessCut: 2.5, flagged: new Set(), selected: null, width: 600, caption: 'c' });
    expect(scale(s, 'x').domain).toBeUndefined();
    expect(scale(s, 'y').domain).toBeUndefined();
    expect(markNames(s)).toContain('LinearRegressionY');
  });
});

describe('trends with one year', () => {
  const row = (role: TrendRow['role'], id: string): TrendRow => ({ region_id: id, name: id, level: 2, role, year: 2024, value: 61.853, dimension: 'Subnational region' });
  const spec = trendSpec({ rows: [row('country', 'C'), row('region', 'D1')], yLabel: 'SBA (%)', width: 700, caption: 'c' });
  it('puts the year in the middle of an open x scale, and the value inside an open y scale', () => {
    expect(scale(spec, 'x').domain).toEqual([2023, 2025]);
    expect(scale(spec, 'x').ticks).toEqual([2024]);
    const [lo, hi] = scale(spec, 'y').domain as number[];
    expect(lo).toBeLessThan(61.853);
    expect(hi).toBeGreaterThan(61.853);
  });
  it('a summary measure over one year too', () => {
    const s = measureTrendSpec({ points: [{ year: 2020, value: 1.4, ciLow: 1.4, ciHigh: 1.4 }], yLabel: 'R', none: 1, width: 600, caption: 'c' });
    expect(scale(s, 'x').domain).toEqual([2019, 2021]);
    expect(scale(s, 'y').domain).toEqual([1.26, 1.54].map((v) => expect.closeTo(v, 12)));
  });
});

describe('subgroup bars: one subgroup, whiskers beyond the scale, standard error 0', () => {
  it('clamps a CI beyond 0-100% to the axis and marks the cut ends', () => {
    const w = whiskersOf([{ subgroup: 'Richest', estimate: 97, ciLow: 91, ciHigh: 104 }, { subgroup: 'Poorest', estimate: 2, ciLow: -3, ciHigh: 7 }], 100);
    expect(w.map((x) => [x.lo, x.hi, x.cutLow, x.cutHigh])).toEqual([[91, 100, false, true], [0, 7, true, false]]);
    // Without a scale end (not a percentage), nothing is cut.
    expect(whiskersOf([{ subgroup: 'x', estimate: 97, ciLow: 91, ciHigh: 104 }])[0]).toMatchObject({ lo: 91, hi: 104, cutHigh: false });
  });
  it('draws no whisker for a zero-width CI (se = 0): the tip says "no uncertainty given"', () => {
    const bars = [{ subgroup: 'Only', estimate: 100, ciLow: 100, ciHigh: 100 }];
    expect(whiskersOf(bars, 100)).toEqual([]);
    const spec = subgroupBarsSpec({ bars, ordered: false, xLabel: 'SBA (%)', max: 100, width: 500, caption: 'c' });
    const bar = (spec.marks as unknown as { channels: Record<string, { value: (b: unknown) => string }> }[])[0];
    const ci = Object.entries(bar.channels).find(([k]) => k === '95% CI')?.[1];
    expect(ci?.value(bars[0])).toBe('no uncertainty given');
    expect(scale(spec, 'y').domain).toEqual(['Only']);
  });
});

describe('ranked bars with 2 to 14 districts, some unknown', () => {
  it.each([2, 5, 14])('%i districts: only the known ones are ranked, worst first', (n) => {
    const rows = Array.from({ length: n }, (_, k) => district(`D${String(k).padStart(2, '0')}`, k === 0 ? null : n - k));
    const spec = rankedBarsSpec({ rows, meta: MEASURE_META.workforce, width: 600, caption: 'c' });
    const domain = scale(spec, 'y').domain as string[];
    expect(domain).toHaveLength(n - 1);
    expect(domain).not.toContain('District D00');
    expect(domain[0]).toBe(`District D${String(n - 1).padStart(2, '0')}`);
    expect(spec.height).toBe(40 + (n - 1) * 16);
  });
});
