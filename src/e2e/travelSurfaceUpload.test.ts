/**
 * Issue 17, scale: (1) the surface `npm run travel-time` writes (travel_time_minutes.tif) is read by the page's loader
 * and shown as it is: the national share within 60 minutes equals the tif's minutes sampled at the demo's points in
 * Node, with no engine involved; (2) a district-level friction GeoTIFF at 100 m is searched in the browser's worker,
 * timed, and matches the same search run in Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoTravelLayers, readDemoTable } from './demoFacts';
import { launchBrowser, openWatched, waitForData, type Watched } from './browser';
import { frictionSurface } from '../metrics/frictionSurface';
import { cellOf, facilityCells, reachShares, sampleMinutes, speedsFor } from '../metrics/reachByTime';
import { costDistance } from '../metrics/travelTime';
import { writeGeoTiff } from '../../scripts/writeGeoTiff';

interface Point { region_id: string; lat: number; lon: number; population: number }
const points = readDemoTable<Point>('population').filter((p) => p.lat != null && p.lon != null && p.population != null);
const facilities = readDemoTable<{ facility_id: string; lat: number; lon: number }>('facilities').filter((f) => f.lat != null && f.lon != null)
  .sort((a, b) => (a.facility_id < b.facility_id ? -1 : 1));
const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
const share60 = (minutes: Float32Array) => {
  const s = reachShares(points.map((p) => p.region_id), points.map((p) => p.population), minutes).national;
  return s.within[1] / s.population;
};

describe('travel-time surfaces at scale in the page (Chromium)', () => {
  let browser: Browser;
  let w: Watched;
  let dir: string;
  const summary = () => w.page.getByTestId('travel-time-summary').evaluate((e) => Number(e.getAttribute('data-share60-time')));
  async function upload(name: string, buffer: Buffer, before: number): Promise<{ share: number; ms: number }> {
    const loader = w.page.getByTestId('dataset-loader');
    if (!(await loader.evaluate((d) => (d as HTMLDetailsElement).open))) await loader.locator('summary').click();
    await w.page.evaluate(() => document.querySelector('[data-testid="load-report"]')?.setAttribute('data-stale', ''));
    const t0 = Date.now();
    await w.page.getByTestId('file-input').setInputFiles([{ name, buffer, mimeType: 'image/tiff' }]);
    await w.page.waitForSelector('[data-testid="load-report"]:not([data-stale])', { timeout: 90_000 });
    await w.page.waitForFunction((b) => {
      const s = document.querySelector('[data-testid="travel-time-summary"]');
      return s && Number(s.getAttribute('data-share60-time')) !== b && document.querySelector('[data-testid="travel-time-map"] svg image')
        && !document.querySelector('[data-testid="travel-time-map-panel"] .access-updating');
    }, before, { timeout: 120_000 });
    return { share: await summary(), ms: Date.now() - t0 };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'travel-surface-'));
    browser = await launchBrowser();
    w = await openWatched(browser, `${inject('baseUrl')}?view=access&reach=time`);
    await waitForData(w.page);
    await w.page.waitForSelector('[data-testid="travel-time-summary"]', { timeout: 120_000 });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a district-level friction GeoTIFF at 100 m: the search runs in the browser and matches Node', async () => {
    // The most populated district's box at 100 m, motorised speeds over the demo's roads and water.
    const pop = new Map<string, number>();
    for (const p of points) pop.set(p.region_id, (pop.get(p.region_id) ?? 0) + p.population);
    const [district] = [...pop].sort((a, b) => b[1] - a[1])[0];
    const inD = points.filter((p) => p.region_id === district);
    const [w0, e0] = [Math.min(...inD.map((p) => p.lon)), Math.max(...inD.map((p) => p.lon))];
    const [s0, n0] = [Math.min(...inD.map((p) => p.lat)), Math.max(...inD.map((p) => p.lat))];
    const cellLatDeg = 100 / ((Math.PI / 180) * 6_371_000);
    const cellLonDeg = cellLatDeg / Math.cos((((s0 + n0) / 2) * Math.PI) / 180);
    const grid = { west: w0 - 0.05, north: n0 + 0.05, cellLonDeg, cellLatDeg, width: Math.ceil((e0 - w0 + 0.1) / cellLonDeg), height: Math.ceil((n0 - s0 + 0.1) / cellLatDeg) };
    const { roads, barriers } = demoTravelLayers();
    const surface = frictionSurface({ grid, roads, barriers, speedsKmh: speedsFor('walking') });
    const tif = Buffer.from(writeGeoTiff(surface.minutesPerMetre.map((v) => (Number.isNaN(v) ? -9999 : v)), grid, -9999));
    // Node: the same raster as the page reads it (through geotiff, float32), the same facilities and points.
    const image = await (await fromArrayBuffer(tif.buffer.slice(tif.byteOffset, tif.byteOffset + tif.byteLength) as ArrayBuffer)).getImage();
    const f = Float32Array.from(((await image.readRasters({ samples: [0] })) as unknown as Float32Array[])[0], (v) => (v === -9999 ? NaN : v));
    const { cells } = facilityCells(grid, f, facilities.map((x) => x.lon), facilities.map((x) => x.lat));
    const r = costDistance({ width: grid.width, height: grid.height, minutesPerMetre: f, cellSizeM: surface.cellSizeM, sources: cells });
    const expected = share60(sampleMinutes(grid, f, r.minutes, lons, lats));
    const inside = points.filter((p) => cellOf(grid, p.lon, p.lat) >= 0).length;

    const got = await upload('friction_walking_district.tif', tif, await summary());
    expect(got.share).toBeCloseTo(expected, 9);
    const search = await w.page.evaluate(() => performance.getEntriesByName('travel-time-search').map((e) => Math.round(e.duration)).at(-1));
    console.log(`[travel-surface] district ${district} at 100 m: ${grid.width} x ${grid.height} = ${(grid.width * grid.height).toLocaleString('en')} cells, ${cells.length} facilities, ${inside} population points inside; upload -> every panel drawn ${got.ms} ms, worker search round trip ${search} ms; within 60 min ${(100 * got.share).toFixed(2)}% nationally (people outside the raster have no time)`);
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toContain(`friction_walking_district.tif: friction surface loaded for travel time (walking; ${grid.width} x ${grid.height} cells`);
  });

  it('the surface npm run travel-time writes is shown as it is: share within 60 minutes = its minutes sampled in Node', async () => {
    const out = path.join(dir, 'out');
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/travel-time.ts', '--roads', 'data/roads.geojson', '--barriers', 'data/barriers.geojson',
      '--facilities', 'data/facilities.parquet', '--boundaries', 'data/boundaries.geojson', '--cell', '1000', '--mode', 'motorised', '--out', out], { stdio: 'pipe' });
    const bytes = readFileSync(path.join(out, 'travel_time_minutes.tif'));
    const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).getImage();
    const raw = ((await image.readRasters({ samples: [0] })) as unknown as Float32Array[])[0];
    const [west, north] = image.getOrigin();
    const [dx, dy] = image.getResolution();
    const grid = { west, north, cellLonDeg: dx, cellLatDeg: -dy, width: image.getWidth(), height: image.getHeight() };
    const minutes = Float32Array.from(raw, (v) => (v === -9999 ? Infinity : v));
    const expected = share60(sampleMinutes(grid, Float32Array.from(raw, (v) => (v === -9999 ? NaN : 0)), minutes, lons, lats));
    const got = await upload('travel_time_minutes.tif', bytes, await summary());
    expect(got.share).toBeCloseTo(expected, 9);
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toContain('travel_time_minutes.tif: travel-time surface loaded as computed');
    console.log(`[travel-surface] precomputed national surface (motorised, 1 km, ${grid.width} x ${grid.height}) loaded and drawn in ${got.ms} ms; within 60 min ${(100 * got.share).toFixed(2)}%`);
    await w.page.getByTestId('travel-time').screenshot({ path: '/tmp/i17data-travel-surface.png' });
    expect(w.consoleErrors).toEqual([]);
  });
});
