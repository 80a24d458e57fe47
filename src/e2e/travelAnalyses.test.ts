import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readDemoTable } from './demoFacts';
import { launchBrowser, openWatched, waitForData, type Watched } from './browser';

// Independent side: the demo's people, summed from the Parquet file in Node (points with a position and a population).
const points = readDemoTable<{ lat: number | null; lon: number | null; population: number | null }>('population');
const population = points.filter((p) => p.lat != null && p.lon != null && p.population != null).reduce((s, p) => s + p.population!, 0);
const facilities = readDemoTable<{ type: string; lat: number | null; lon: number | null }>('facilities');

describe('travel-time analyses in the Access view, in Chromium', () => {
  let browser: Browser;
  let w: Watched;
  const summary = (id: string, attrs: string[]) => w.page.getByTestId(id).evaluate((e, a) => a.map((k) => e.getAttribute(k)), attrs);

  beforeAll(async () => {
    browser = await launchBrowser();
    w = await openWatched(browser, `${inject('baseUrl')}?view=access`);
    await waitForData(w.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('coverage, referral and E2SFCA by travel time show numbers; served + unserved = the population', async () => {
    const t0 = Date.now();
    await w.page.getByTestId('access-reach-by').selectOption('time');
    await w.page.waitForSelector('[data-testid="capacity-coverage-summary"]', { timeout: 120_000 });
    await w.page.waitForSelector('[data-testid="referral-summary"]', { timeout: 60_000 });
    await w.page.waitForSelector('[data-testid="time-catchment-summary"]', { timeout: 60_000 });
    await w.page.waitForSelector('[data-testid="capacity-coverage-map"] svg circle', { timeout: 30_000 });
    console.log(`[travel-analyses] switch to travel time -> coverage, referral and E2SFCA panels drawn: ${Date.now() - t0} ms`);

    const [pop, served, unserved] = (await summary('capacity-coverage-summary', ['data-population', 'data-served', 'data-unserved'])).map(Number);
    expect(pop).toBeCloseTo(population, 3);
    expect(served + unserved).toBeCloseTo(population, 3);
    expect(served).toBeGreaterThan(0);
    expect(unserved).toBeGreaterThan(0);
    const [tp, ts, tu] = (await w.page.getByTestId('capacity-coverage-total').evaluate((e) => ['data-population', 'data-served', 'data-unserved'].map((k) => Number(e.getAttribute(k)))));
    expect(tp).toBeCloseTo(population, 3);
    expect(ts + tu).toBeCloseTo(population, 3);
    expect(ts).toBeCloseTo(served, 3);
    await expect(w.page.locator('[data-testid="capacity-coverage-table"] tbody tr').count()).resolves.toBe(49);
    console.log(`[travel-analyses] coverage (walking, 60 min, largest capacity first): ${(100 * served / population).toFixed(1)}% of ${Math.round(population)} people served; ${await w.page.getByTestId('capacity-coverage-summary').innerText()}`);

    const [median, beyond, placed, centres] = (await summary('referral-summary', ['data-median', 'data-beyond', 'data-placed', 'data-centres'])).map(Number);
    expect(centres).toBe(facilities.filter((f) => f.type === 'health_centre' && f.lat != null && f.lon != null).length);
    // A centre outside the population's grid (or ringed by water) has no time; it is counted, not timed.
    expect(placed).toBeLessThanOrEqual(centres);
    expect(placed).toBeGreaterThan(0.9 * centres);
    expect(median).toBeGreaterThan(0);
    expect(beyond).toBeGreaterThanOrEqual(0);
    console.log(`[travel-analyses] referral: ${await w.page.getByTestId('referral-summary').innerText()} (${centres - placed} of ${centres} centres off the grid)`);

    const [fca] = (await summary('time-catchment-summary', ['data-national'])).map(Number);
    expect(fca).toBeGreaterThan(0);
    console.log(`[travel-analyses] E2SFCA by time: ${await w.page.getByTestId('time-catchment-summary').innerText()}`);
    await w.page.getByTestId('travel-analyses').screenshot({ path: '/tmp/i17a-travel-analyses.png' });
  });

  it('another catchment or order recomputes coverage; the total stays the population', async () => {
    const before = (await summary('capacity-coverage-summary', ['data-served']))[0];
    const t0 = Date.now();
    await w.page.getByTestId('capacity-coverage-minutes').selectOption('120');
    await w.page.waitForFunction((b) => {
      const s = document.querySelector('[data-testid="capacity-coverage-summary"]');
      return s && s.getAttribute('data-served') !== b;
    }, before, { timeout: 60_000 });
    console.log(`[travel-analyses] coverage 60 -> 120 minutes: ${Date.now() - t0} ms`);
    const [pop, served, unserved] = (await summary('capacity-coverage-summary', ['data-population', 'data-served', 'data-unserved'])).map(Number);
    expect(pop).toBeCloseTo(population, 3);
    expect(served + unserved).toBeCloseTo(population, 3);
    expect(served).toBeGreaterThan(Number(before));
    const prev = String(served);
    await w.page.getByTestId('capacity-coverage-order').selectOption('given');
    await w.page.waitForFunction((b) => document.querySelector('[data-testid="capacity-coverage-summary"]')?.getAttribute('data-served') !== b, prev, { timeout: 60_000 });
    const [, s2, u2] = (await summary('capacity-coverage-summary', ['data-population', 'data-served', 'data-unserved'])).map(Number);
    expect(s2 + u2).toBeCloseTo(population, 3);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
