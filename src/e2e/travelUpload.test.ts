/**
 * Issue 17: the user's own roads and water, uploaded in the page's loader, change travel time where they should. Over the
 * demo, a moat of water (natural=water, a polygon with a hole) is drawn round a populated box that holds no facility,
 * with OpenStreetMap-style roads elsewhere: everyone inside is cut off. Then a track (highway=track) over the moat to
 * the nearest facility: they are reached again, some within the hour. Each time the page's national share within 60 minutes is compared with the same model run in
 * Node on the demo Parquet and the files' geometry (their highway tags mapped by hand here).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoTravelLayers, readDemoTable } from './demoFacts';
import { launchBrowser, openWatched, waitForData, type Watched } from './browser';
import { frictionSurface } from '../metrics/frictionSurface';
import { facilityCells, gridAround, reachShares, sampleMinutes, speedsFor } from '../metrics/reachByTime';
import { costDistance } from '../metrics/travelTime';

interface Point { region_id: string; lat: number; lon: number; population: number }
const points = readDemoTable<Point>('population').filter((p) => p.lat != null && p.lon != null && p.population != null);
const facilities = readDemoTable<{ facility_id: string; lat: number; lon: number }>('facilities').filter((f) => f.lat != null && f.lon != null)
  .sort((a, b) => (a.facility_id < b.facility_id ? -1 : 1));

// A 0.04-degree box just west of a facility F (its east edge 0.035 degrees from F) with no facility within 0.03 degrees
// of it, the most populated such box: the moat (0.005 to 0.028 degrees round the box) leaves F outside, and a track from
// the box's centre to F crosses it.
const box = (() => {
  let best = { people: 0, w: 0, s: 0, e: 0, n: 0, fLon: 0, fLat: 0 };
  for (const f of facilities) {
    const b = { w: f.lon - 0.075, e: f.lon - 0.035, s: f.lat - 0.02, n: f.lat + 0.02 };
    if (facilities.some((g) => g.lon > b.w - 0.03 && g.lon < b.e + 0.03 && g.lat > b.s - 0.03 && g.lat < b.n + 0.03)) continue;
    const people = points.reduce((t, p) => t + (p.lon > b.w && p.lon < b.e && p.lat > b.s && p.lat < b.n ? p.population : 0), 0);
    if (people > best.people) best = { people, ...b, fLon: f.lon, fLat: f.lat };
  }
  return best;
})();
const ring = (d: number) => [[box.w - d, box.s - d], [box.e + d, box.s - d], [box.e + d, box.n + d], [box.w - d, box.n + d], [box.w - d, box.s - d]];
const moat = { type: 'Polygon' as const, coordinates: [ring(0.028), ring(0.005)] };
const cx = (box.w + box.e) / 2, cy = (box.s + box.n) / 2;
const farRoad = { type: 'LineString' as const, coordinates: [[box.w - 0.5, box.s - 0.5], [box.w - 0.3, box.s - 0.6]] };
const track = { type: 'LineString' as const, coordinates: [[cx, cy], [box.fLon, box.fLat]] };
const feature = (properties: object, geometry: object) => ({ type: 'Feature', properties, geometry });
const json = (features: object[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

/** The page's walking model in Node over the demo points and facilities, with these roads and barriers (and the demo's land cover, which the upload keeps). */
function expected(roads: { class: string; geometry: GeoJSON.LineString }[]): { share60: number; inside: number; insideReached: number; inside60: number } {
  const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
  const grid = gridAround(lons, lats, 1);
  const surface = frictionSurface({ grid, roads, barriers: [moat], landCover: demoTravelLayers().landCover, speedsKmh: speedsFor('walking') });
  const { cells } = facilityCells(grid, surface.minutesPerMetre, facilities.map((f) => f.lon), facilities.map((f) => f.lat));
  const r = costDistance({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: cells });
  const at = sampleMinutes(grid, surface.minutesPerMetre, r.minutes, lons, lats);
  const shares = reachShares(points.map((p) => p.region_id), points.map((p) => p.population), at);
  let inside = 0, insideReached = 0, inside60 = 0;
  points.forEach((p, i) => {
    if (!(p.lon > box.w && p.lon < box.e && p.lat > box.s && p.lat < box.n)) return;
    inside += p.population;
    if (at[i] < Infinity) insideReached += p.population;
    if (at[i] <= 60) inside60 += p.population;
  });
  return { share60: shares.national.within[1] / shares.national.population, inside, insideReached, inside60 };
}

describe('the user\'s roads and water in the page change travel time where expected (Chromium)', () => {
  let browser: Browser;
  let w: Watched;
  const share60 = () => w.page.getByTestId('travel-time-summary').evaluate((e) => Number(e.getAttribute('data-share60-time')));
  async function upload(files: { name: string; buffer: Buffer }[], before: number): Promise<number> {
    const loader = w.page.getByTestId('dataset-loader');
    if (!(await loader.evaluate((d) => (d as HTMLDetailsElement).open))) await loader.locator('summary').click();
    await w.page.evaluate(() => document.querySelector('[data-testid="load-report"]')?.setAttribute('data-stale', ''));
    await w.page.getByTestId('file-input').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/geo+json' })));
    await w.page.waitForSelector('[data-testid="load-report"]:not([data-stale])', { timeout: 90_000 });
    await w.page.waitForFunction((b) => {
      const s = document.querySelector('[data-testid="travel-time-summary"]');
      return s && Number(s.getAttribute('data-share60-time')) !== b && !document.querySelector('[data-testid="travel-time-map-panel"] .access-updating');
    }, before, { timeout: 90_000 });
    return share60();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    w = await openWatched(browser, `${inject('baseUrl')}?view=access&reach=time`);
    await waitForData(w.page);
    await w.page.waitForSelector('[data-testid="travel-time-summary"]', { timeout: 120_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a moat round a populated box without a facility cuts its people off; a track over it brings them back', async () => {
    const demo = await share60();
    const a = expected([{ class: 'primary', geometry: farRoad }]);
    expect(a.inside).toBeGreaterThan(0);
    expect(a.insideReached).toBe(0); // the expectation itself: nobody inside the moat reaches care at all
    const afterMoat = await upload([
      { name: 'water.geojson', buffer: json([feature({ natural: 'water', name: 'Moat' }, moat)]) },
      { name: 'osm_roads.geojson', buffer: json([feature({ highway: 'motorway' }, farRoad), feature({ highway: 'construction' }, track)]) },
    ], demo);
    const report = await w.page.getByTestId('load-report').innerText();
    expect(report).toContain('water.geojson: 1 barriers loaded for travel time (0 lines, 1 polygons');
    expect(report).toContain('osm_roads.geojson: 1 roads loaded for travel time (1 primary); skipped 1: highway=construction (1)');
    expect(afterMoat).toBeCloseTo(a.share60, 9);
    console.log(`[travel-upload] box lon ${box.w.toFixed(3)}..${box.e.toFixed(3)}, lat ${box.s.toFixed(3)}..${box.n.toFixed(3)}: ${Math.round(a.inside)} people; within 60 min: demo (its rivers and lakes) ${(100 * demo).toFixed(2)}%, with the moat instead ${(100 * afterMoat).toFixed(2)}%`);

    const b = expected([{ class: 'track', geometry: track }]);
    expect(b.insideReached).toBe(b.inside);
    expect(b.inside60).toBeGreaterThan(0);
    const afterTrack = await upload([{ name: 'osm_roads.geojson', buffer: json([feature({ highway: 'track' }, track)]) }], afterMoat);
    expect(afterTrack).toBeCloseTo(b.share60, 9);
    const national = points.reduce((s, p) => s + p.population, 0);
    expect(afterTrack).toBeGreaterThan(afterMoat);
    console.log(`[travel-upload] a track over the moat: within 60 min ${(100 * afterTrack).toFixed(2)}% (+${Math.round((afterTrack - afterMoat) * national)} people, ${Math.round(b.inside60)} of them inside the box)`);
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toContain('osm_roads.geojson: 1 roads loaded for travel time (1 track)');
    await w.page.getByTestId('travel-time').screenshot({ path: '/tmp/i17data-travel-upload.png' });
    expect(w.consoleErrors).toEqual([]);
  });
});
