import { describe, expect, it } from 'vitest';
import { summaryMeasures } from '../metrics/inequality';
import { fmt, readDemoTable } from './demoFacts';
import { withDashboard } from './browser';

// The independent side: the demo coverage file decoded in Node, the gap computed by hand (richest minus
// poorest quintile), and the library's summaryMeasures() run here on the same subgroup rows.
interface CoverageRow {
  indicator_id: string; region_id: string; year: number; dimension: string; subgroup: string;
  subgroup_order: number | null; estimate: number | null; se: number | null; population: number | null; reference: boolean | null;
}
const WEALTH = 'Economic status (wealth quintile)';
const coverage = readDemoTable<CoverageRow>('coverage').filter((r) => r.indicator_id === 'dtp3' && r.dimension === WEALTH);
const quintiles = (region: string, year: number) => coverage.filter((r) => r.region_id === region && r.year === year);
const gap = (region: string, year: number) => {
  const q = quintiles(region, year);
  const by = (o: number) => q.find((r) => r.subgroup_order === o)!.estimate!;
  return by(5) - by(1);
};
const years = [...new Set(coverage.map((r) => r.year))].sort((a, b) => a - b);
const sii = (region: string, year: number) => summaryMeasures({
  subgroups: quintiles(region, year).map((r) => ({ name: r.subgroup, estimate: r.estimate, se: r.se, population: r.population, order: r.subgroup_order })),
  ordered: true, favourable: true, scale: 100,
}).SII!.value;

function expected(region: string, year: number) {
  const first = years[0];
  const rate = (Math.abs(gap(region, first)) - Math.abs(gap(region, year))) / (year - first);
  return { gap: gap(region, year), firstYear: first, firstGap: gap(region, first), rate, trend: rate > 0 ? 'closing' : 'widening', sii: sii(region, year) };
}

describe('equity page in Chromium: is the DTP3 gap between richest and poorest closing?', () => {
  const w = withDashboard('?view=equity&indicator=dtp3', { ready: ['[data-testid="headline-gap"]', '[data-testid="measures-table"] tr[data-measure="SII"]'] });
  const text = (id: string) => w.page.getByTestId(id).innerText();
  const measure = (code: string) => w.page.locator(`[data-testid="measures-table"] tr[data-measure="${code}"]`).getAttribute('data-value').then(Number);
  /** Wait until the headline shows `year` and the measures table agrees with it (queries re-run after a change). */
  const settle = (year: number, d: number) => w.page.waitForFunction(([y, dv]) => {
    const row = document.querySelector('[data-testid="measures-table"] tr[data-measure="D"]');
    return document.querySelectorAll('section.panel[aria-busy="true"]').length === 0
      && document.querySelector('[data-testid="headline-year"]')?.textContent === String(y) && row && Math.abs(Number(row.getAttribute('data-value')) - dv) < 1e-9;
  }, [year, d] as const);


  it('answers the headline for the whole country in the latest year, against the Parquet file', async () => {
    const latest = years[years.length - 1];
    const e = expected('XX', latest);
    await settle(latest, e.gap);
    expect(await w.page.getByTestId('equity-dimension').inputValue()).toBe(WEALTH);
    expect(await text('headline-year')).toBe(String(latest));
    expect(await text('headline-gap')).toBe(fmt(Math.abs(e.gap), 1));
    expect(await text('headline-first-year')).toBe(String(e.firstYear));
    expect(await text('headline-first-gap')).toBe(fmt(Math.abs(e.firstGap), 1));
    expect(await w.page.getByTestId('equity-headline').getAttribute('data-trend')).toBe(e.trend);
    expect(await text('headline-rate')).toBe(fmt(Math.abs(e.rate), 1));
    expect(await text('equity-headline')).toContain(`higher in the richest fifth than in the poorest`);
  });

  it('shows D and SII equal to the hand gap and to summaryMeasures() on the same rows', async () => {
    const e = expected('XX', years[years.length - 1]);
    expect(await measure('D')).toBeCloseTo(e.gap, 9);
    expect(await measure('SII')).toBeCloseTo(e.sii, 6);
    expect(await text('measure-value-D')).toBe(fmt(e.gap, 1));
    expect(await text('measure-value-SII')).toBe(fmt(e.sii, 1));
    // One dot per year x quintile on the equiplot (lines by year), one bar per quintile.
    const marks = (id: string, mark: string) => w.page.$$eval(`[data-testid="${id}"] svg g[aria-label="${mark}"]`, (gs) => gs[0]?.children.length ?? 0);
    expect(await marks('equiplot', 'dot')).toBe(years.length * 5);
    expect(await marks('subgroup-bars', 'bar')).toBe(5);
  });

  it('follows the year picker', async () => {
    await w.page.getByTestId('equity-year').selectOption('2020');
    const e = expected('XX', 2020);
    await settle(2020, e.gap);
    expect(await text('headline-gap')).toBe(fmt(Math.abs(e.gap), 1));
    expect(await text('headline-rate')).toBe(fmt(Math.abs(e.rate), 1));
    expect(await measure('SII')).toBeCloseTo(e.sii, 6);
    // Opened from an old link (`indicator=dtp3`): the settings are written back under the view's namespace.
    const url = new URL(w.page.url());
    expect([url.searchParams.get('equity.year'), url.searchParams.get('equity.indicator'), url.searchParams.get('indicator')]).toEqual(['2020', 'dtp3', null]);
  });

  it('follows the province filter', async () => {
    await w.page.getByTestId('filter-province').selectOption('P3');
    const e = expected('P3', 2020);
    expect(e.gap).not.toBeCloseTo(expected('XX', 2020).gap, 3);
    await settle(2020, e.gap);
    expect(await text('headline-gap')).toBe(fmt(Math.abs(e.gap), 1));
    expect(await text('headline-first-gap')).toBe(fmt(Math.abs(e.firstGap), 1));
    expect(await w.page.getByTestId('equity-headline').getAttribute('data-trend')).toBe(e.trend);
    expect(await measure('SII')).toBeCloseTo(e.sii, 6);
  });

  it('draws every chart with no console error and no request to another origin', async () => {
    for (const id of ['equiplot', 'subgroup-bars', 'measure-trend', 'benchmark', 'access-gradient']) {
      await w.page.waitForSelector(`[data-testid="${id}"] svg`);
    }
    expect(await text('access-answer')).toMatch(/^(Yes|No)/);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
