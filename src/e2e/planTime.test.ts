import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoTravelLayers, readDemoTable } from './demoFacts';
import { launchBrowser, openWatched, waitForData, type Watched } from './browser';
import { frictionSurface } from '../metrics/frictionSurface';
import { facilityCells, gridAround, reachShares, sampleMinutes, speedsFor } from '../metrics/reachByTime';
import { costDistance } from '../metrics/travelTime';
import { encodeScenarios } from '../views/plan/planScenarios';

// Independent side: the demo Parquet and GeoJSON read in Node, two FULL national searches (today, and today plus the
// new facility), no incremental update; the page adds the facility with addSource in its worker.
interface Point { region_id: string; lat: number | null; lon: number | null; population: number | null }
const points = readDemoTable<Point>('population').filter((p) => p.lat != null && p.lon != null && p.population != null) as Required<{ [K in keyof Point]: NonNullable<Point[K]> }>[];
const facilities = readDemoTable<{ lat: number | null; lon: number | null }>('facilities').filter((f) => f.lat != null && f.lon != null) as { lat: number; lon: number }[];
const lons = Float64Array.from(points, (p) => p.lon);
const lats = Float64Array.from(points, (p) => p.lat);
const grid = gridAround(lons, lats, 1);
const surface = frictionSurface({ grid, ...demoTravelLayers(), speedsKmh: speedsFor('walking') });
function share60(fs: { lat: number; lon: number }[]): number {
  const { cells } = facilityCells(grid, surface.minutesPerMetre, fs.map((f) => f.lon), fs.map((f) => f.lat));
  const { minutes } = costDistance({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: cells });
  const { national } = reachShares(points.map((p) => p.region_id), points.map((p) => p.population), sampleMinutes(grid, surface.minutesPerMetre, minutes, lons, lats), [60]);
  return national.within[0] / national.population;
}
// The new facility: the most populous point beyond 60 minutes on foot today, at the 5 decimals a link carries.
const todayCells = facilityCells(grid, surface.minutesPerMetre, facilities.map((f) => f.lon), facilities.map((f) => f.lat)).cells;
const todayMinutes = costDistance({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: todayCells }).minutes;
const atPoints = sampleMinutes(grid, surface.minutesPerMetre, todayMinutes, lons, lats);
const far = points.filter((_, i) => atPoints[i] > 60).sort((a, b) => b.population - a.population)[0];
const site = { lat: Math.round(far.lat * 1e5) / 1e5, lon: Math.round(far.lon * 1e5) / 1e5 };
const expectedToday = share60(facilities);
const expectedGain = share60([...facilities, site]) - expectedToday;
const sc = encodeScenarios([{ name: 'Remote clinic', edits: [{ kind: 'add', id: 'NEWT1', lat: site.lat, lon: site.lon, type: 'clinic' }] }]);

describe('plan by travel time in Chromium', () => {
  let browser: Browser;
  let w: Watched;
  beforeAll(async () => {
    browser = await launchBrowser();
    w = await openWatched(browser, `${inject('baseUrl')}?view=plan&plan.measure=time&plan.minutes=60&plan.mode=walking&plan.scenarios=${sc}`);
    await waitForData(w.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adding a facility raises the share within 60 minutes by what a full recomputation in Node gives, updated incrementally', async () => {
    await w.page.waitForSelector('[data-testid="plan-time-table"][data-ready="true"] [data-testid="plan-time-national-0"]', { timeout: 120_000 });
    const value = (id: string) => w.page.getByTestId(id).evaluate((e) => Number(e.getAttribute('data-value')));
    const [today, after] = [await value('plan-time-national-today'), await value('plan-time-national-0')];
    expect(today).toBeCloseTo(expectedToday, 9);
    expect(expectedGain).toBeGreaterThan(0);
    expect(after - today).toBeCloseTo(expectedGain, 9);
    const inc = w.page.getByTestId('plan-time-incremental');
    const [ms, cells] = await inc.evaluate((e) => [Number(e.getAttribute('data-ms')), Number(e.getAttribute('data-cells'))]);
    // Bounded: the update searched a small part of the grid.
    expect(cells).toBeGreaterThan(0);
    expect(cells).toBeLessThan(grid.width * grid.height / 10);
    const measured = await w.page.evaluate(() => performance.getEntriesByName('plan-time-incremental').length);
    expect(measured).toBeGreaterThan(0);
    console.log(`[plan-time] grid ${grid.width}x${grid.height}; one added facility: ${cells} cells searched in ${ms.toFixed(1)} ms in the worker; share within 60 min ${(100 * today).toFixed(2)}% -> ${(100 * after).toFixed(2)}%`);
  });

  it('placement by minutes returns sites whose gains never increase', async () => {
    // The 20 km candidate grid keeps the run short on a loaded test machine (5 km: about 21,000 candidate cells).
    await w.page.getByTestId('placement-grid').selectOption('20');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('plan.grid') === '20');
    await w.page.getByTestId('placement-time-run').click();
    await w.page.waitForSelector('[data-testid="placement-time-status"][data-state="ready"]', { state: 'attached', timeout: 200_000 });
    const gains = await w.page.$$eval('[data-testid="placement-time-sites"] td[data-gain]', (tds) => tds.map((td) => Number(td.getAttribute('data-gain'))));
    expect(gains.length).toBe(5);
    expect(gains[0]).toBeGreaterThan(0);
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThanOrEqual(gains[i - 1]);
    const ms = await w.page.getByTestId('placement-time-summary').evaluate((e) => Number(e.getAttribute('data-ms')));
    console.log(`[plan-time] placement by minutes (5 sites, 20 km candidate grid, 60 min walking): ${ms.toFixed(0)} ms in the worker; gains ${gains.join(', ')}`);
  }, 240_000);
});
