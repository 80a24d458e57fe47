import { describe, expect, it } from 'vitest';
import { readDemoTable } from './demoFacts';
import { itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';

type Cov = { indicator_id: string; region_id: string; year: number; dimension: string; estimate: number; population: number };
const coverage = readDemoTable<Cov>('coverage');
/** Setting average, computed independently: population-weighted mean over the wealth quintiles. */
const average = (region: string, year: number) => {
  const q = coverage.filter((c) => c.indicator_id === 'dtp3' && c.region_id === region && c.year === year && c.dimension === 'Economic status (wealth quintile)');
  return q.reduce((s, c) => s + c.estimate * c.population, 0) / q.reduce((s, c) => s + c.population, 0);
};

describe('Trends view', () => {
  const w = withDashboard('?view=trends&province=P7&indicator=dtp3', { ready: ['[data-testid="trend-chart"] svg'] });

  it('compares the province with the whole country, in numbers a reader can check', async () => {
    const f = (x: number) => x.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const gap = average('P7', 2024) - average('XX', 2024);
    expect(await w.page.getByTestId('trend-summary').innerText()).toBe(
      `Eastern Desert: ${f(average('P7', 2015))} in 2015 → ${f(average('P7', 2024))} in 2024; Whole country: ${f(average('XX', 2015))} in 2015 → ${f(average('XX', 2024))} in 2024. `
      + `In 2024, Eastern Desert was ${f(Math.abs(gap))} points ${gap < 0 ? 'below' : 'above'} the national level (${gap < 0 ? 'worse' : 'better'}).`,
    );
    // One grey line for each other province.
    expect(await w.page.$$eval('[data-testid="trend-chart"] svg g[aria-label="line"]', (gs) => gs[0].querySelectorAll('path').length)).toBe(6);
  });

  itLoggedNoErrorAndStayedLocal(w);
});
