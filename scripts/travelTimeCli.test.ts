import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapFrictionCase, mapFrictionFile, MAP_FRICTION_TIF, type MapFrictionFixture } from './reference/grass-friction-tiff';

/** `npm run travel-time` as a user runs it (its own process, real exit codes and files). */
function travelTime(...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/travel-time.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, all: r.stdout + r.stderr };
}
async function band(file: string) {
  const b = readFileSync(file);
  const image = await (await fromArrayBuffer(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer)).getImage();
  return { image, values: ((await image.readRasters({ samples: [0] })) as unknown as ArrayLike<number>[])[0] };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'travel-time-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run travel-time', () => {
  it('over the real MAP friction raster: minutes within 1% of GRASS r.cost (which uses one cell width), the sea nodata, nearest as GRASS', async () => {
    const c = await mapFrictionCase();
    const grass = JSON.parse(readFileSync(mapFrictionFile(false), 'utf8')) as MapFrictionFixture;
    // Facilities at the centres of the fixture's start cells (30 arc-second grid from lon 48.775, lat -17.7).
    const step = 1 / 120;
    const features = c.sources.map((k, i) => ({ type: 'Feature', properties: { facility_id: `H${i}` }, geometry: { type: 'Point', coordinates: [48.775 + ((k % 100) + 0.5) * step, -17.7 - (Math.floor(k / 100) + 0.5) * step] } }));
    writeFileSync(path.join(dir, 'facilities.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    const out = path.join(dir, 'out-map');
    const r = travelTime('--friction', MAP_FRICTION_TIF, '--facilities', path.join(dir, 'facilities.geojson'), '--out', out);
    expect(r.all).toMatch(/^100 x 100 = 10,000 cells \(7,524 passable, 7,524 reached\) from 5 facilities: /m);
    expect(r.code).toBe(0);
    const { image, values } = await band(path.join(out, 'travel_time_minutes.tif'));
    expect(image.getGDALNoData()).toBe(-9999);
    expect(image.getOrigin()[0]).toBeCloseTo(48.775, 6);
    const near = (await band(path.join(out, 'nearest_facility.tif'))).values;
    const meta = JSON.parse(readFileSync(path.join(out, 'travel_time.json'), 'utf8'));
    expect(meta.facilityIds).toEqual(['H0', 'H1', 'H2', 'H3', 'H4']);
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      const g = grass.minutes[i];
      if (g === null) { expect(values[i]).toBe(-9999); expect(near[i]).toBe(0); continue; }
      expect(Math.abs(values[i] - g)).toBeLessThanOrEqual(0.01 * g + 1e-9);
      if (near[i] - 1 === grass.nearest[i]) same++;
    }
    expect(same / 7524).toBeGreaterThan(0.99); // different cell widths move a few catchment borders by a cell
  });

  it('over roads at 1 km with the demo boundaries as mask: cells outside are nodata, every facility cell is 0 minutes', async () => {
    const out = path.join(dir, 'out-roads');
    const r = travelTime('--roads', 'data/roads.geojson', '--barriers', 'data/barriers.geojson', '--landcover', 'data/landcover.geojson', '--facilities', 'data/facilities.parquet', '--boundaries', 'data/boundaries.geojson', '--cell', '1000', '--mode', 'walking', '--out', out);
    expect(r.code).toBe(0);
    const meta = JSON.parse(readFileSync(path.join(out, 'travel_time.json'), 'utf8'));
    expect(meta.source).toBe('walking speeds over roads.geojson, barriers.geojson, landcover.geojson, 1000 m cells');
    expect(meta.cellSizeM.northSouth).toBeCloseTo(1000, 6);
    expect(meta.facilities).toBeGreaterThan(3300);
    expect(meta.maskedOutside).toBeGreaterThan(0);
    const { values } = await band(path.join(out, 'travel_time_minutes.tif'));
    const near = (await band(path.join(out, 'nearest_facility.tif'))).values;
    expect(Array.from(values).filter((v) => v === 0).length).toBeGreaterThan(1000);
    for (let i = 0; i < values.length; i++) if (values[i] === 0) expect(near[i]).toBeGreaterThan(0);
    // Without the land cover (hills and forests slow walkers) no cell is slower, and the ground's cells are faster.
    const bare = path.join(dir, 'out-bare');
    expect(travelTime('--roads', 'data/roads.geojson', '--barriers', 'data/barriers.geojson', '--facilities', 'data/facilities.parquet', '--boundaries', 'data/boundaries.geojson', '--cell', '1000', '--mode', 'walking', '--out', bare).code).toBe(0);
    const open = (await band(path.join(bare, 'travel_time_minutes.tif'))).values;
    let slower = 0;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === -9999 || open[i] === -9999) continue;
      expect(values[i]).toBeGreaterThanOrEqual(open[i] - 1e-3);
      if (values[i] > open[i] * 1.2) slower++;
    }
    expect(slower).toBeGreaterThan(5000);
  });

  it('wrong usage exits 2 with the usage; a bad input exits 1 naming file and rule, no stack trace', () => {
    const u = travelTime('--roads', 'data/roads.geojson', '--friction', MAP_FRICTION_TIF, '--facilities', 'x', '--out', dir);
    expect(u.code).toBe(2);
    expect(u.all).toContain('travel-time: give either --friction or --roads');
    writeFileSync(path.join(dir, 'empty.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const b = travelTime('--friction', MAP_FRICTION_TIF, '--facilities', path.join(dir, 'empty.geojson'), '--out', dir);
    expect(b.code).toBe(1);
    expect(b.all).toMatch(/empty\.geojson: no point features \(rule: facilities are points\)/);
    expect(b.all).not.toMatch(/^\s{4}at /m);
  });
});
