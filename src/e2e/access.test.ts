import { describe, expect, it } from 'vitest';
import { facilityWithin, fmt, readDemoTable } from './demoFacts';
import { withDashboard } from './browser';

// Independent side: the demo Parquet files decoded in Node, distances in plain JS (no SQL, no app code).
interface Point { region_id: string; lat: number; lon: number; population: number }
const points = readDemoTable<Point>('population');
const facilities = readDemoTable<{ lat: number; lon: number }>('facilities');
const regions = readDemoTable<{ region_id: string; parent_id: string | null; level: number }>('regions');

const hasFacilityWithin = facilityWithin(facilities, Math.max(...points.map((p) => Math.abs(p.lat))));

function shareWithin(km: number, inScope: (p: Point) => boolean = () => true): number {
  let total = 0;
  let within = 0;
  for (const p of points) {
    if (!inScope(p)) continue;
    total += p.population;
    if (hasFacilityWithin(p, km)) within += p.population;
  }
  return within / total;
}
const pct = (share: number) => `${fmt(100 * share, 1)}%`;

describe('access view in Chromium, on the demo Parquet files', () => {
  const w = withDashboard('?view=access', { ready: ['[data-testid="share-national"]'] });
  const figure = () => w.page.getByTestId('share-national').innerText();
  const waitForFigure = (text: string) =>
    w.page.waitForFunction((t) => document.querySelector('[data-testid="share-national"]')?.textContent === t, text, { timeout: 90_000 });


  it('shows the national share within 5 km computed independently, and follows the slider to 10 km', async () => {
    const at5 = pct(shareWithin(5));
    const at10 = pct(shareWithin(10));
    expect(at10).not.toBe(at5);
    expect(await figure()).toBe(at5);
    await w.page.getByTestId('access-km-input').fill('10');
    await waitForFigure(at10);
    expect(await figure()).toBe(at10);
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('access.km') === '10');
    await expect(w.page.getByTestId('coverage-summary').innerText()).resolves.toContain(`${at10} of people`);
  });

  it('draws the map grid (a few thousand cells, not 100k points) with facilities, the district bars and the table', async () => {
    await w.page.waitForSelector('[data-testid="access-map"] svg');
    const cells = await w.page.$$eval('[data-testid="access-map"] svg g[aria-label="rect"]', (gs) => gs[0].querySelectorAll('rect').length);
    expect(cells).toBeGreaterThan(1000);
    expect(cells).toBeLessThan(6000);
    const dots = await w.page.$$eval('[data-testid="access-map"] svg g[aria-label="dot"]', (gs) => gs.reduce((n, g) => n + g.querySelectorAll('path, circle').length, 0));
    expect(dots).toBe(facilities.length);
    const bars = await w.page.$$eval('[data-testid="coverage-bars"] svg g[aria-label="bar"]', (gs) => gs[0]?.querySelectorAll('rect').length);
    expect(bars).toBe(48);
    await w.page.waitForSelector('[data-testid="priority-bars"] svg', { timeout: 90_000 });
    await expect(w.page.locator('[data-testid="access-table"] tbody tr').count()).resolves.toBe(48);
    await expect(w.page.getByTestId('access-method-note').innerText()).resolves.toContain('Travel time is an estimate');
    // 100k points stay under the pair budget: computed exactly, and the note says so (no grid).
    await expect(w.page.getByTestId('access-grid-note').innerText()).resolves.toContain('computed person by person');
    await expect(w.page.getByTestId('access-map-panel').innerText()).resolves.toContain('synthetic demonstration data');
  });

  it('the province filter scopes the figure to the people of that province', async () => {
    const districts = new Set(regions.filter((r) => r.level === 2 && r.parent_id === 'P3').map((r) => r.region_id));
    await w.page.getByTestId('filter-province').selectOption('P3');
    await waitForFigure(pct(shareWithin(10, (p) => districts.has(p.region_id))));
    await expect(w.page.locator('[data-testid="access-table"] tbody tr').count()).resolves.toBe(districts.size);
  });

  it('recomputes E2SFCA when the catchment changes (timing logged), with no console error or foreign request', async () => {
    // Start from an idle engine (the province change above re-ran both heavy queries), so the log times one run.
    await w.page.waitForSelector('[data-testid="access-priority-panel"][aria-busy="false"] [data-testid="priority-bars"] svg', { timeout: 90_000 });
    await w.page.waitForSelector('[data-testid="access-kpi-panel"][aria-busy="false"]', { timeout: 90_000 });
    const before = await w.page.evaluate(() => performance.getEntriesByName('access-catchment').length);
    await w.page.getByTestId('access-catchment-input').fill('10');
    await w.page.waitForFunction((n) => performance.getEntriesByName('access-catchment').length > n, before, { timeout: 90_000 });
    const ms = await w.page.evaluate(() => Math.round(performance.getEntriesByName('access-catchment').at(-1)!.duration));
    console.log(`E2SFCA (Gaussian, 10 km catchment, 100k points) recomputed in ${ms} ms in the browser`);
    expect(new URL(w.page.url()).searchParams.get('access.catchment')).toBe('10');
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
