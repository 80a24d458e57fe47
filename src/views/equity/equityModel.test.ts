import { describe, expect, it } from 'vitest';
import { accessInequality, headlineGap, resolveSettings, type OptionRow, type SeriesRow } from './equityModel';

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
  const indicators = [{ indicator_id: 'anc4', name: 'ANC4', unit: '%', favourable: true, scale: 100 }, { indicator_id: 'dtp3', name: 'DTP3', unit: '%', favourable: true, scale: 100 }];
  const options: OptionRow[] = [
    { dimension: 'Place of residence', year: 2023, subgroups: 2, ordered: false },
    { dimension: WEALTH, year: 2023, subgroups: 5, ordered: true },
    { dimension: WEALTH, year: 2024, subgroups: 5, ordered: true },
  ];

  it('defaults to the wealth dimension, the latest year and SII', () => {
    const s = resolveSettings({ indicator: 'dtp3' }, indicators, options);
    expect(s).toMatchObject({ dimension: WEALTH, ordered: true, year: 2024, measure: 'SII', lines: 'year', notices: [] });
    expect(s.indicator?.indicator_id).toBe('dtp3');
  });

  it('replaces what the data do not offer, with a notice each', () => {
    const s = resolveSettings({ indicator: 'nope', dimension: 'Caste', year: '1990', measure_code: 'TI' }, indicators, options);
    expect(s.indicator?.indicator_id).toBe('anc4');
    expect(s).toMatchObject({ dimension: WEALTH, year: 2024, measure: 'SII' });
    expect(s.notices).toHaveLength(3);
  });

  it('keeps valid choices: a non-ordered dimension gets D by default and may pick TI', () => {
    expect(resolveSettings({ dimension: 'Place of residence' }, indicators, options)).toMatchObject({ ordered: false, year: 2023, measure: 'D' });
    expect(resolveSettings({ dimension: 'Place of residence', measure_code: 'TI' }, indicators, options).measure).toBe('TI');
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
