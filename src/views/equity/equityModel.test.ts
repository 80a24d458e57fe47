import { describe, expect, it } from 'vitest';
import { accessInequality } from './accessInequality';
import { equiplotOf, equityModel, resolveSettings, subgroupBarsOf, type BenchmarkRow, type EquityRows, type OptionRow, type SeriesRow } from './equityModel';
import { headlineGap } from './headlineGap';
import { readEquityLink } from './settings';

const row = (year: number, order: number, estimate: number | null): SeriesRow => ({
  year, subgroup: `Q${order}`, subgroup_order: order, estimate, se: 1, ci_low: null, ci_high: null, population: 100, reference: null,
});
const WEALTH = 'Economic status (wealth quintile)';

describe('headlineGap', () => {
  // Q5 - Q1 by hand: 2015: 80 - 40 = 40; 2020: 78 - 50 = 28; 2024: 80 - 60 = 20.
  const rows = [2015, 2020, 2024].flatMap((y, i) => [1, 2, 3, 4, 5].map((o) => row(y, o, o === 1 ? [40, 50, 60][i] : o === 5 ? [80, 78, 80][i] : 60)));

  it('compares the chosen year with the first year, and gives the yearly change of the gap', () => {
    expect(headlineGap(rows, 2024, WEALTH)).toMatchObject({ year: 2024, gap: 20, firstYear: 2015, firstGap: 40, closingPerYear: 20 / 9, trend: 'closing', wealth: true });
    expect(headlineGap(rows, 2020, WEALTH)).toMatchObject({ gap: 28, closingPerYear: 12 / 5, trend: 'closing' });
  });

  it('says when there is no earlier year, and returns null without both ends', () => {
    expect(headlineGap(rows, 2015, WEALTH)).toMatchObject({ trend: 'single-year', closingPerYear: null });
    expect(headlineGap([row(2024, 1, 40), row(2024, 5, null)], 2024, WEALTH)).toBeNull();
  });

  it('calls a growing gap widening', () => {
    const wide = [row(2015, 1, 50), row(2015, 5, 60), row(2017, 1, 50), row(2017, 5, 70)];
    expect(headlineGap(wide, 2017, 'Education')).toMatchObject({ gap: 20, closingPerYear: -5, trend: 'widening', wealth: false });
  });
});

describe('resolveSettings', () => {
  const resolve = (extra: Record<string, string>) => {
    const { link, refused } = readEquityLink(extra);
    return resolveSettings(link, indicators, options, refused);
  };
  const indicators = [{ indicator_id: 'anc4', name: 'ANC4', unit: '%', favourable: true, scale: 100 }, { indicator_id: 'dtp3', name: 'DTP3', unit: '%', favourable: true, scale: 100 }];
  const options: OptionRow[] = [
    { dimension: 'Place of residence', year: 2023, subgroups: 2, ordered: false },
    { dimension: WEALTH, year: 2023, subgroups: 5, ordered: true },
    { dimension: WEALTH, year: 2024, subgroups: 5, ordered: true },
  ];

  it('defaults to the wealth dimension, the latest year and SII', () => {
    const s = resolve({ 'equity.indicator': 'dtp3' });
    expect(s).toMatchObject({ dimension: WEALTH, ordered: true, year: 2024, measure: 'SII', lines: 'year', notices: [] });
    expect(s.indicator?.indicator_id).toBe('dtp3');
  });

  it('replaces what the data do not offer, with a notice each', () => {
    const s = resolve({ 'equity.indicator': 'nope', 'equity.dimension': 'Caste', 'equity.year': '1990', 'equity.measure': 'TI' });
    expect(s.indicator?.indicator_id).toBe('anc4');
    expect(s).toMatchObject({ dimension: WEALTH, year: 2024, measure: 'SII' });
    expect(s.notices).toEqual([
      { key: 'equity.notice.indicator', wanted: 'nope', shown: 'anc4' },
      { key: 'equity.notice.dimension', wanted: 'Caste', shown: WEALTH },
      { key: 'equity.notice.year', wanted: '1990', shown: '2024' },
    ]);
    // A year that is no year at all is refused by the link's codec, and still named in the notice.
    expect(resolve({ 'equity.year': 'abc' }).notices).toEqual([{ key: 'equity.notice.year', wanted: 'abc', shown: '2024' }]);
  });

  it('while the options load, keeps what the link asks for and says nothing yet', () => {
    const { link } = readEquityLink({ 'equity.dimension': 'Caste', 'equity.year': '1990' });
    expect(resolveSettings(link, indicators, null)).toMatchObject({ dimension: 'Caste', year: 1990, notices: [] });
  });

  it('keeps valid choices: a non-ordered dimension gets D by default and may pick TI', () => {
    expect(resolve({ 'equity.dimension': 'Place of residence' })).toMatchObject({ ordered: false, year: 2023, measure: 'D' });
    expect(resolve({ 'equity.dimension': 'Place of residence', 'equity.measure': 'TI' }).measure).toBe('TI');
  });
});

describe('accessInequality', () => {
  const d = (rank: number, perTenK: number, population: number) => ({
    region_id: `D${rank}`, name: `D${rank}`, province_id: 'P1', population, workforce: (perTenK * population) / 1e4,
    workforce_per_10k: perTenK, poverty_rate: 50 - rank, poverty_year: 2024, poverty_rank: rank,
  });

  it('is zero when every district is equally served, and positive when the least poor have more staff', () => {
    const even = accessInequality([d(1, 20, 100), d(2, 20, 300), d(3, 20, 100)])!;
    // The library declines to fit a slope to identical estimates, and says so.
    expect(even.results.SII).toBeNull();
    expect(even.reasons.SII).toMatch(/equal/);
    expect(even.results.RCI!.value).toBeCloseTo(0, 9);
    // Equal populations, ridits 1/6, 1/2, 5/6, densities 10, 20, 30: a straight line of slope 30 per unit rank.
    const graded = accessInequality([d(1, 10, 100), d(2, 20, 100), d(3, 30, 100)])!;
    expect(graded.mean).toBeCloseTo(20, 9);
    expect(graded.results.SII!.value).toBeCloseTo(30, 6);
    expect(graded.results.RCI!.value).toBeGreaterThan(0);
  });

  it('leaves out districts without a poverty rank and needs three', () => {
    const r = accessInequality([d(1, 10, 100), d(2, 20, 100), d(3, 30, 100), { ...d(4, 5, 100), poverty_rank: null }])!;
    expect(r.missing).toBe(1);
    expect(accessInequality([d(1, 10, 100), d(2, 20, 100)])).toBeNull();
  });
});

describe('equityModel: what the panels draw', () => {
  const names = { subgroup: (x: string) => `sg ${x}`, year: (y: number | null) => `y${y}`, setting: (id: string) => ({ XX: 'Whole country', P1: 'North', P2: 'Alpha' })[id] ?? id };
  const settings = resolveSettings({ indicator: 'dtp3', dimension: WEALTH, year: 2020, measure: 'D', lines: 'year' },
    [{ indicator_id: 'dtp3', name: 'DTP3', unit: '%', favourable: true, scale: 100 }],
    [2016, 2020].map((year) => ({ dimension: WEALTH, year, subgroups: 3, ordered: true })));
  const sub = (order: number, estimate: number | null, extra: Partial<SeriesRow> = {}) => ({
    subgroup: `Q${order}`, subgroup_order: order, estimate, se: null, ci_low: null, ci_high: null, population: 100, reference: null, ...extra,
  });
  // Gaps by hand: 2016: 70 - 40 = 30; 2020: 65 - 50 = 15 (Q2's missing estimate is left out, not read as 0).
  const series: SeriesRow[] = [
    ...[40, 55, 70].map((e, i) => ({ ...sub(i + 1, e), year: 2016 })),
    ...[50, null, 65].map((e, i) => ({ ...sub(i + 1, e), year: 2020 })),
  ];
  const benchRow = (region_id: string, estimates: number[]): BenchmarkRow[] => estimates.map((e, i) => ({ ...sub(i + 1, e), region_id, region_name: region_id, setting_average: null, subgroups: 3 }));
  // D per setting by hand (Q3 - Q1): XX 60 - 40 = 20, P1 80 - 30 = 50, P2 50 - 45 = 5.
  const bench = [...benchRow('P1', [30, 50, 80]), ...benchRow('XX', [40, 50, 60]), ...benchRow('P2', [45, 48, 50])];
  const rows: EquityRows = { settings, regionId: 'P1', nationalId: 'XX', series, headlineRows: series, wealthDim: WEALTH, bench, access: [] };

  it('equiplot by year: one line per year, the gap of each, the widest and the narrowest', () => {
    const e = equiplotOf(rows, names);
    expect(e.lines).toEqual(['y2016', 'y2020']);
    expect(e.subgroups).toEqual(['sg Q1', 'sg Q2', 'sg Q3']);
    expect(e.points).toHaveLength(5);
    expect(e.widest).toEqual({ line: 'y2016', gap: 30 });
    expect(e.narrowest).toEqual({ line: 'y2020', gap: 15 });
    expect(e.selected).toBe('y2020');
  });

  it('equiplot by setting: the whole country first, then provinces by name', () => {
    const e = equiplotOf({ ...rows, settings: { ...settings, lines: 'region' } }, names);
    expect(e.lines).toEqual(['Whole country', 'Alpha', 'North']);
    expect(e.widest).toEqual({ line: 'North', gap: 50 });
    expect(e.selected).toBe('North');
  });

  it('subgroup bars: a missing CI from 1.96 standard errors, and the population-weighted average', () => {
    const b = subgroupBarsOf([
      { ...sub(1, 50, { se: 2, population: 100 }), year: 2020 },
      { ...sub(2, 60, { ci_low: 58, ci_high: 62, population: 300 }), year: 2020 },
      { ...sub(3, null, { population: 100 }), year: 2020 },
    ], names);
    expect(b.bars.map((x) => [x.subgroup, x.ciLow, x.ciHigh])).toEqual([['sg Q1', 50 - 3.92, 50 + 3.92], ['sg Q2', 58, 62]]);
    // (50 x 100 + 60 x 300) / 400 = 57.5: the subgroup without an estimate weighs nothing.
    expect(b.average).toBe(57.5);
    expect([b.high?.subgroup, b.low?.subgroup]).toEqual(['sg Q2', 'sg Q1']);
  });

  it('the measure over the years and across settings, each setting marked national, selected or other', () => {
    const m = equityModel(rows, names);
    // 2020 has 2 of 3 subgroup estimates, under HEAT's 85%: its D is not computed, and the reason is kept for the table.
    expect(m.trendPoints.map((p) => [p.year, p.value])).toEqual([[2016, 30]]);
    expect(m.trend[1]).toMatchObject({ key: '2020', value: null });
    expect(m.trend[1].reason).toMatch(/85/);
    expect(m.benchPoints.map((p) => [p.name, p.kind, p.value])).toEqual([['North', 'selected', 50], ['Whole country', 'national', 20], ['Alpha', 'other', 5]]);
    expect(m.headline).toMatchObject({ year: 2020, gap: 15, firstYear: 2016, firstGap: 30, closingPerYear: 15 / 4, trend: 'closing' });
    expect(m.current?.results.D).toBeNull();
    expect(m.current?.availability.D.ok).toBe(false);
    expect(m.access).toBeNull();
  });
});
