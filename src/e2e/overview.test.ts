import { describe, expect, inject, it } from 'vitest';
import { districtFacts, fmt, readDemoTable } from './demoFacts';
import { withDashboard, waitForData } from './browser';

const facts = districtFacts();
const per10k = (n: number, pop: number) => (1e4 * n) / pop;
const totals = (ds: typeof facts) => {
  const s = (k: 'population' | 'facilities' | 'beds' | 'workforce') => ds.reduce((a, d) => a + d[k], 0);
  return { population: s('population'), facilities: s('facilities'), beds: s('beds'), workforce: s('workforce') };
};
const worstBy = (ds: typeof facts, k: 'workforce' | 'beds') =>
  [...ds].sort((a, b) => per10k(a[k], a.population) - per10k(b[k], b.population) || a.name.localeCompare(b.name));

describe('overview page in Chromium, on the demo Parquet files', () => {
  const w = withDashboard('', { ready: ['[data-testid="choropleth"] svg', '[data-testid="ranked-bars"] svg'] });

  it('shows the KPI values computed from the Parquet files', async () => {
    const t = totals(facts);
    const text = (id: string) => w.page.locator(`[data-testid="kpi-${id}"]`).innerText();
    expect(await text('population')).toBe(fmt(t.population));
    expect(await text('facilities')).toBe(fmt(t.facilities));
    expect(await text('beds')).toBe(fmt(per10k(t.beds, t.population), 1));
    expect(await text('workforce')).toBe(fmt(per10k(t.workforce, t.population), 1));
    await expect(w.page.locator('[data-kpi="workforce"]').innerText()).resolves.toContain('WHO threshold: 44.5');
  });

  it('draws one map shape per district in at least five colour classes, and ranks districts worst first', async () => {
    const fills = await w.page.$$eval('[data-testid="choropleth"] svg g[aria-label="geo"]', (gs) => [...gs[0].querySelectorAll('path')].map((p) => p.getAttribute('fill')));
    expect(fills).toHaveLength(48);
    expect(new Set(fills).size).toBe(5);
    const bars = await w.page.$$eval('[data-testid="ranked-bars"] svg g[aria-label="bar"]', (gs) => gs[0]?.querySelectorAll('rect').length);
    expect(bars).toBe(48);
    const yTicks = await w.page.$$eval('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text', (ts) => ts.map((t) => t.textContent));
    expect(yTicks).toEqual(worstBy(facts, 'workforce').map((d) => d.name));
    const worst = worstBy(facts, 'workforce').slice(0, 3);
    await expect(w.page.getByTestId('worst-summary').innerText()).resolves.toBe(
      `Lowest health workers / 10k: ${worst.map((d) => `${d.name} (${fmt(per10k(d.workforce, d.population), 1)})`).join(', ')}.`,
    );
  });

  it('lists every district in the table, sorted by health workers per 10,000', async () => {
    const rows = w.page.locator('[data-testid="district-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(48);
    const first = worstBy(facts, 'workforce')[0];
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe(first.name);
    expect(cells[2]).toBe(fmt(first.population));
    expect(cells[7]).toBe(fmt(per10k(first.workforce, first.population), 1));
  });

  it('filters to a province: KPIs, map, bars and table change to that province, and the URL keeps it', async () => {
    await w.page.getByTestId('filter-province').selectOption('P3');
    const inP3 = facts.filter((d) => d.province_id === 'P3');
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid="district-table"] tbody tr').length === n, inP3.length);
    expect(await w.page.getByTestId('kpi-population').innerText()).toBe(fmt(totals(inP3).population));
    expect(await w.page.$$eval('[data-testid="choropleth"] svg g[aria-label="geo"]', (gs) => gs[0].querySelectorAll('path').length)).toBe(inP3.length);
    expect(await w.page.$$eval('[data-testid="ranked-bars"] svg g[aria-label="bar"]', (gs) => gs[0]?.querySelectorAll('rect').length)).toBe(inP3.length);
    expect(new URL(w.page.url()).searchParams.get('province')).toBe('P3');
  });

  it('switches the measure: the ranking follows beds per 10,000', async () => {
    await w.page.getByTestId('filter-measure').selectOption('beds');
    const inP3 = facts.filter((d) => d.province_id === 'P3');
    const expected = worstBy(inP3, 'beds').map((d) => d.name);
    await w.page.waitForFunction((first) => document.querySelector('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text')?.textContent === first, expected[0]);
    const yTicks = await w.page.$$eval('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text', (ts) => ts.map((t) => t.textContent));
    expect(yTicks).toEqual(expected);
  });

  it('selecting a table row outlines that district on the map', async () => {
    const row = w.page.locator('[data-testid="district-table"] tbody tr').first();
    await row.click();
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="choropleth"] svg g[aria-label="geo"]').length === 3);
  });

  it('a link reproduces the view', async () => {
    const page = await w.browser.newPage();
    await page.goto(w.page.url());
    await waitForData(page);
    await page.waitForSelector('[data-testid="ranked-bars"] svg');
    expect(await page.getByTestId('filter-province').inputValue()).toBe('P3');
    expect(await page.getByTestId('filter-measure').inputValue()).toBe('beds');
    await page.close();
  });

  it('counts only the facilities that pass the facility filters (type, ownership, service)', async () => {
    const all = readDemoTable<{ region_id: string; type: string; ownership: string }>('facilities');
    const inP3 = new Set(facts.filter((d) => d.province_id === 'P3').map((d) => d.region_id));
    await w.page.getByTestId('filter-ftype').selectOption('hospital');
    const hospitals = all.filter((f) => inP3.has(f.region_id) && f.type === 'hospital').length;
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === n, fmt(hospitals));
    await w.page.getByTestId('filter-owner').selectOption('public');
    const publicHospitals = all.filter((f) => inP3.has(f.region_id) && f.type === 'hospital' && f.ownership === 'public').length;
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === n, fmt(publicHospitals));
    const link = new URL(w.page.url()).searchParams;
    expect([link.get('filter.type'), link.get('filter.owner'), link.has('ftype')]).toEqual(['hospital', 'public', false]);
    await w.page.getByTestId('filter-ftype').selectOption('');
    await w.page.getByTestId('filter-owner').selectOption('');
  });

  it('draws the first chart from the build-time answers while the engine is held back; the engine then agrees, so the chart is not drawn again', async () => {
    const page = await w.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // The engine's worker script is held until the first map is on screen: that map can only come from first-page.json.
    let releaseEngine = () => {};
    let heldRequests = 0;
    const engineHeld = new Promise<void>((resolve) => { releaseEngine = resolve; });
    await page.route(/duckdb-browser-[\w-]+\.worker-[\w-]+\.js$/, async (route) => {
      heldRequests += 1;
      await engineHeld;
      await route.continue();
    });
    // Catch the first map as it appears: whether its panel showed the build-time answer, and the SVG node itself.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const svg = document.querySelector('[data-testid="choropleth"] svg');
        if (!svg) return;
        const w = window as unknown as { firstMap: { svg: Element; prefetched: boolean; engineReady: boolean } };
        w.firstMap = { svg, prefetched: svg.closest('section')!.hasAttribute('data-prefetched'), engineReady: performance.getEntriesByName('engine-ready').length > 0 };
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(inject('baseUrl'), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => 'firstMap' in window, undefined, { timeout: 60_000 });
    const first = await page.evaluate(() => {
      const { firstMap } = window as unknown as { firstMap: { prefetched: boolean; engineReady: boolean } };
      return { prefetched: firstMap.prefetched, engineReady: firstMap.engineReady };
    });
    expect(first).toEqual({ prefetched: true, engineReady: false });
    await expect.poll(() => heldRequests).toBe(1); // the hold really caught the engine's worker
    releaseEngine();
    await waitForData(page);
    await page.waitForSelector('[data-testid="map-panel"]:not([data-prefetched])[aria-busy="false"] [data-testid="choropleth"] svg');
    expect(await page.evaluate(() => performance.getEntriesByName('engine-ready').length)).toBe(1);
    // The engine's answer equals the build-time one: the SVG on screen is still the first one drawn.
    expect(await page.evaluate(() => (window as unknown as { firstMap: { svg: Element } }).firstMap.svg === document.querySelector('[data-testid="choropleth"] svg'))).toBe(true);
    // Now from the engine: the same 48 districts, KPI totals from the Parquet files.
    expect(await page.locator('[data-testid="district-table"] tbody tr').count()).toBe(48);
    expect(await page.getByTestId('kpi-population').innerText()).toBe(fmt(totals(facts).population));
    await page.close();
  });

  it('reports the cold-start timings (first chart vs engine ready) and had no console error or foreign request', async () => {
    const marks = await w.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
    console.log(`cold start: first chart ${marks['first-chart']} ms (build-time answers), engine ready ${marks['engine-ready']} ms after navigation`);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
