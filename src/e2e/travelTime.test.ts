import { describe, expect, inject, it } from 'vitest';
import { facilityWithin, readDemoTable } from './demoFacts';
import { chooseFiles, withDashboard } from './browser';
import { axeSerious } from './axe';
import { tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { arrowTableFromColumns } from '../data/arrowTable';
import { CONTRACT } from '../data/contract';

// Independent side for the straight-line column: the demo Parquet decoded in Node, haversine in plain JS. Walking:
// 60 minutes at 5 km/h with circuity 1.3 = 60 * 5 / 60 / 1.3 km straight line.
interface Point { lat: number; lon: number; population: number }
const points = readDemoTable<Point>('population');
const facilities = readDemoTable<{ lat: number; lon: number }>('facilities');
const within = facilityWithin(facilities, Math.max(...points.map((p) => Math.abs(p.lat))));
const lineShare60 = (() => {
  const km = 5 / 1.3;
  let all = 0, near = 0;
  for (const p of points) { all += p.population; if (within(p, km)) near += p.population; }
  return near / all;
})();

describe('travel time in the Access view, in Chromium', () => {
  const w = withDashboard('?view=access&unit=min&min=60', { ready: ['[data-testid="share-national"]'] });
  const shares = async () => w.page.getByTestId('travel-time-summary').evaluate((e) => [Number(e.getAttribute('data-share60-time')), Number(e.getAttribute('data-share60-line'))]);
  /** Time from an action until the summary shows a new 60-minute share and the map and table are drawn. */
  async function timed(action: () => Promise<unknown>, before: string | null): Promise<number> {
    const t0 = Date.now();
    await action();
    await w.page.waitForFunction((b) => {
      const s = document.querySelector('[data-testid="travel-time-summary"]');
      return s && s.getAttribute('data-share60-time') !== b && document.querySelector('[data-testid="travel-time-map"] svg image')
        && document.querySelectorAll('[data-testid="travel-time-table"] tbody tr').length > 1
        && !document.querySelector('[data-testid="travel-time-map-panel"] .access-updating');
    }, before, { timeout: 90_000 });
    return Date.now() - t0;
  }


  it('switching to travel time draws the map and the 30/60/120 table; the 60-minute share differs from the straight line', async () => {
    const ms = await timed(() => w.page.getByTestId('access-reach-by').selectOption('time'), null);
    console.log(`[travel-time] switch to travel time (walking) -> every panel drawn: ${ms} ms (first run: fetch roads, build friction, search)`);
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('access.reach') === 'time');
    const parts = await w.page.evaluate(() => {
      const m = (n: string) => performance.getEntriesByName(n).map((e) => Math.round(e.duration)).join('+');
      return `population points query ${m('travel-time-points')} ms, facilities query ${m('travel-time-facilities')} ms (both from the switch); friction ${m('travel-time-friction')} ms; straight line ${m('travel-time-line')} ms; worker search round trip ${m('travel-time-search')} ms`;
    });
    console.log(`[travel-time] first switch, parts: ${parts}`);
    const [time60, line60] = await shares();
    expect(line60).toBeCloseTo(lineShare60, 6);
    // Rivers crossed only on bridges, lakes, hills and forests make walking slower than the straight-line estimate assumes.
    expect(Math.abs(time60 - line60)).toBeGreaterThan(0.01);
    await expect(w.page.locator('[data-testid="travel-time-table"] tbody tr').count()).resolves.toBe(49);
    await expect(w.page.getByTestId('travel-time-total').innerText()).resolves.toContain('National');
    const marks = await w.page.$$eval('[data-testid="travel-time-map"] svg g[aria-label="geo"]', (gs) => gs.map((g) => g.querySelectorAll('path').length));
    expect(marks).toEqual([5, 2, 3, 48, 51]); // land cover (hills, forests, savanna), lakes, rivers, districts, roads
    await w.page.getByTestId('travel-time').screenshot({ path: '/tmp/h17b-travel-time.png' });
  });

  it('a change of mode or service redraws every travel-time panel (timed), surgery against the Lancet target', async () => {
    const before = String((await shares())[0]);
    const motor = await timed(() => w.page.getByTestId('access-travel').selectOption('motorised'), before);
    const [m60, ml60] = await shares();
    console.log(`[travel-time] walking -> motorised, every panel redrawn: ${motor} ms; within 60 min by time ${(100 * m60).toFixed(1)}%, by straight line ${(100 * ml60).toFixed(1)}%`);
    const surgery = await timed(() => w.page.getByTestId('access-service').selectOption('surgery'), String(m60));
    console.log(`[travel-time] service any -> surgery, every panel redrawn: ${surgery} ms`);
    await w.page.getByTestId('travel-time').screenshot({ path: '/tmp/h17b-travel-time-motor.png' });
    await expect(w.page.getByTestId('travel-time-summary').innerText()).resolves.toMatch(/Surgery within 2 hours by travel time: [\d.]+%, Lancet target 80%: (met|not met)/);
    const back = await timed(() => w.page.getByTestId('access-travel').selectOption('walking'), String((await shares())[0]));
    console.log(`[travel-time] motorised -> walking (surface seen before, from the cache), every panel redrawn: ${back} ms`);
    const measures = await w.page.evaluate(() => performance.getEntriesByName('access-travel-time').map((e) => Math.round(e.duration)));
    console.log(`[travel-time] performance.measure access-travel-time (state change -> result): ${measures.join(', ')} ms`);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('in Arabic (right to left), from a link with reach=time: panels drawn, no serious or critical axe violation', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for this test only.
    const context = await w.browser.newContext({ bypassCSP: true, viewport: { width: 1300, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}?view=access&reach=time&lang=ar`);
    await page.waitForSelector('[data-testid="travel-time-map"] svg image', { timeout: 90_000 });
    await expect(page.getByTestId('travel-time-total').innerText()).resolves.toContain('على المستوى الوطني');
    await page.getByTestId('travel-time').screenshot({ path: '/tmp/h17b-travel-time-ar.png' });
    expect(await axeSerious(page)).toEqual([]);
    await context.close();
  });

  it('with the user\'s own population (no roads or water for it) the control says why and stays on straight line', async () => {
    const file = Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT.population, {
      cell_id: [1, 2], region_id: ['D01', 'D02'], lat: [12, 12.5], lon: [33, 33.5], population: [1000, 2000],
    }), 'stream'))));
    await chooseFiles(w.page, [{ name: 'population.parquet', buffer: file }]);
    await w.page.waitForSelector('[data-testid="travel-time-unavailable"]', { timeout: 60_000 });
    await expect(w.page.getByTestId('travel-time-unavailable').innerText()).resolves.toContain('Travel time needs roads or a friction surface');
    await expect(w.page.getByTestId('access-reach-by').isDisabled()).resolves.toBe(true);
    await expect(w.page.getByTestId('access-reach-by').inputValue()).resolves.toBe('line');
    await expect(w.page.locator('[data-testid="travel-time"]').count()).resolves.toBe(0);
    expect(w.consoleErrors).toEqual([]);
  });
});
