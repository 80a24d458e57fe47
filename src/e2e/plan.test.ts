import { describe, expect, inject, it } from 'vitest';
import { facilityWithin, fmt, readDemoTable } from './demoFacts';
import { withDashboard } from './browser';

// Independent side: the demo Parquet decoded in Node, nearest facilities by a bucketed search in plain JS.
interface Point { cell_id: number; region_id: string; lat: number; lon: number; population: number }
const points = readDemoTable<Point>('population');
const facilities = readDemoTable<{ lat: number; lon: number }>('facilities');
const KM = 5;

const maxAbsLat = Math.max(...points.map((p) => Math.abs(p.lat)));
const bucketed = (fs: { lat: number; lon: number }[]) => facilityWithin(fs, maxAbsLat);
function peopleWithin(fs: { lat: number; lon: number }[], km: number) {
  const within = bucketed(fs);
  let [total, reached] = [0, 0];
  for (const p of points) [total, reached] = [total + p.population, reached + (within(p, km) ? p.population : 0)];
  return { share: reached / total, reached };
}
const pct = (share: number) => `${fmt(100 * share, 1)}%`;

// The worst-covered district today, and its most populous point (ties: smallest cell_id), where the view places a new facility.
const districts = [...new Set(points.map((p) => p.region_id))];
const today = bucketed(facilities);
const shares = districts.map((id) => {
  const ps = points.filter((p) => p.region_id === id);
  const pop = ps.reduce((s, p) => s + p.population, 0);
  return { id, share: ps.reduce((s, p) => s + (today(p, KM) ? p.population : 0), 0) / pop };
});
const worst = shares.sort((a, b) => a.share - b.share)[0].id;
const site = points.filter((p) => p.region_id === worst).sort((a, b) => b.population - a.population || a.cell_id - b.cell_id)[0];
const before = peopleWithin(facilities, KM);
const after = peopleWithin([...facilities, { lat: site.lat, lon: site.lon }], KM);
const [expectedToday, expectedAfter] = [pct(before.share), pct(after.share)];
// One facility moves the national share by less than 0.1 point: the people count is the sharper check.
const [peopleToday, peopleAfter] = [fmt(before.reached), fmt(after.reached)];

describe('plan view in Chromium, on the demo Parquet files', () => {
  const w = withDashboard('?view=plan', { ready: ['[data-testid="plan-share-today"]'] });
  const waitText = (testId: string, text: string) =>
    w.page.waitForFunction(([id, t]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el?.textContent === t && el.getAttribute('data-ready') !== 'false';
    }, [testId, text] as const, { timeout: 90_000 });


  it('adds a facility in the worst-covered district: the national share within 5 km equals an independent computation', async () => {
    expect(peopleAfter).not.toBe(peopleToday);
    await expect(w.page.getByTestId('plan-share-today').innerText()).resolves.toBe(expectedToday);
    await expect(w.page.getByTestId('plan-within-today').innerText()).resolves.toBe(peopleToday);
    await w.page.getByTestId('plan-district').selectOption(worst);
    const start = Date.now();
    await w.page.getByTestId('plan-add-change').click();
    await waitText('plan-within-0', peopleAfter);
    await expect(w.page.getByTestId('plan-share-0').innerText()).resolves.toBe(expectedAfter);
    const ms = await w.page.evaluate(() => Math.round(performance.getEntriesByName('plan-scenario').at(-1)?.duration ?? -1));
    console.log(`Scenario recomputed in ${ms} ms (scenario table + incremental nearest facility for 100k points; ${Date.now() - start} ms click to figure)`);
    expect(ms).toBeGreaterThan(0);
    await expect(w.page.getByTestId('plan-changes').innerText()).resolves.toContain('New health centre NEW1');
    await expect(w.page.getByTestId('plan-headline').innerText()).resolves.toContain(`→ ${expectedAfter}`);
    const sc = new URL(w.page.url()).searchParams.get('plan.scenarios');
    expect(sc).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('proposes K = 3 sites on a coarse grid: gains never increase and the sites are on the map', async () => {
    await w.page.getByTestId('placement-k').fill('3');
    await w.page.getByTestId('placement-km').fill('3');
    await w.page.getByTestId('placement-grid').selectOption('20');
    // The settings are in the link (running still needs the Run button).
    const link = new URL(w.page.url()).searchParams;
    expect([link.get('plan.sites'), link.get('plan.site_km'), link.get('plan.grid')]).toEqual(['3', '3', '20']);
    await w.page.getByTestId('placement-run').click();
    await w.page.waitForSelector('[data-testid="placement-status"][data-state="done"]', { state: 'attached', timeout: 90_000 });
    const ms = await w.page.evaluate(() => Math.round(performance.getEntriesByName('plan-placement').at(-1)!.duration));
    console.log(`Placement K = 3 (coverage, 3 km, 20 km grid) in ${ms} ms`);
    const gains = await w.page.$$eval('[data-testid="placement-sites"] td[data-gain]', (tds) => tds.map((td) => Number(td.getAttribute('data-gain'))));
    expect(gains).toHaveLength(3);
    for (let t = 1; t < gains.length; t++) expect(gains[t]).toBeLessThanOrEqual(gains[t - 1]);
    expect(gains[2]).toBeGreaterThan(0);
    await w.page.waitForSelector('[data-testid="placement-curve"] svg');
    await w.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="plan-map"] svg')].some((svg) => svg.getAttribute('aria-label')?.includes('3 proposed sites')), undefined, { timeout: 30_000 });
    const labels = await w.page.$$eval('[data-testid="plan-map"] svg g[aria-label="text"] text', (ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(expect.arrayContaining(['1', '2', '3']));
    await expect(w.page.getByTestId('placement-guarantee').innerText()).resolves.toContain('63% (1 − 1/e)');
  });

  it('keeps the scenario, placement and partnership settings through a reload (the link), with no console error or foreign request', async () => {
    await w.page.waitForSelector('[data-testid="partner-table"] tbody tr', { timeout: 90_000 });
    await w.page.getByTestId('partner-radius').fill('20');
    await w.page.getByTestId('partner-programme').selectOption('telemedicine');
    await w.page.waitForFunction(() => {
      const link = new URLSearchParams(location.search);
      return link.get('plan.radius') === '20' && link.get('plan.programme') === 'telemedicine';
    });
    const url = w.page.url();
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.page.reload({ waitUntil: 'load' });
    expect(w.page.url()).toBe(url);
    await waitText('plan-within-0', peopleAfter);
    await expect(w.page.getByTestId('placement-k').inputValue()).resolves.toBe('3');
    await expect(w.page.getByTestId('placement-grid').inputValue()).resolves.toBe('20');
    await expect(w.page.getByTestId('plan-tab-0').innerText()).resolves.toContain('Scenario 1');
    await w.page.waitForSelector('[data-testid="partner-table"] tbody tr', { timeout: 90_000 });
    await expect(w.page.getByTestId('partner-programme').inputValue()).resolves.toBe('telemedicine');
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('embeds the comparison alone with the scenarios of the link (same figures)', async () => {
    const sc = new URL(w.page.url()).searchParams.get('plan.scenarios')!;
    const page = await w.browser.newPage();
    try {
      await page.goto(`${inject('baseUrl')}?embed=plan-comparison&view=plan&plan.scenarios=${sc}`);
      await page.waitForFunction((t) => {
        const el = document.querySelector('[data-testid="plan-within-0"]');
        return el?.textContent === t && el.getAttribute('data-ready') !== 'false';
      }, peopleAfter, { timeout: 90_000 });
      expect(await page.locator('.panel').count()).toBe(1);
      await expect(page.locator('[data-panel-id="plan-comparison"]').count()).resolves.toBe(1);
      await expect(page.getByTestId('plan-within-today').innerText()).resolves.toBe(peopleToday);
    } finally {
      await page.close();
    }
  });

  // An old link (the bare `sc` key of links made before keys were namespaced) still opens its scenarios.
  it('a hand-edited link upgrading a facility that does not exist: a notice, the upgrade ignored, no database error', async () => {
    const sc = Buffer.from(JSON.stringify([['Bad upgrade', [['u', 'F999999', 5, 0, 0, 0, '']]]])).toString('base64url');
    const page = await w.browser.newPage();
    try {
      await page.goto(`${inject('baseUrl')}?view=plan&sc=${sc}`);
      await page.waitForFunction((t) => {
        const el = document.querySelector('[data-testid="plan-within-0"]');
        return el?.textContent === t && el.getAttribute('data-ready') !== 'false';
      }, peopleToday, { timeout: 90_000 });
      await expect(page.getByTestId('plan-notices').innerText()).resolves.toContain('F999999');
      await expect(page.locator('[data-testid="plan-compare"] [role="alert"]').count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });

  it('speaks Arabic (Arabic-Indic digits, right to left) and French (decimal comma) through the catalogue', async () => {
    const page = await w.browser.newPage();
    try {
      await page.goto(`${inject('baseUrl')}?view=plan&lang=ar`);
      await page.waitForSelector('[data-testid="plan-share-today"]', { timeout: 90_000 });
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.getByTestId('plan-share-today').innerText()).resolves.toMatch(/^[٠-٩]+٫[٠-٩]٪/);
      await expect(page.getByTestId('plan-compare-panel').locator('h2').innerText()).resolves.toContain('قبل');
      await expect(page.getByTestId('placement-run').innerText()).resolves.toBe('تشغيل');
      await page.goto(`${inject('baseUrl')}?view=plan&lang=fr`);
      await page.waitForSelector('[data-testid="plan-share-today"]', { timeout: 90_000 });
      await expect(page.getByTestId('plan-share-today').innerText()).resolves.toMatch(/^\d+,\d\s?%$/);
      await expect(page.getByTestId('plan-compare-panel').locator('h2').innerText()).resolves.toContain('Avant → après');
    } finally {
      await page.close();
    }
  });
});
