import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoBbox } from '../src/data/geoBbox';

/** `npm run validate` on friction GeoTIFFs, as a user runs it (its own process, real exit codes). */
function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, all: r.stdout + r.stderr };
}
const REAL = 'src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'validate-friction-'));
  // A 0.05-degree friction raster over Demo Republic's boundaries, walking everywhere, a lake of nodata, one bad cell.
  const box = geoBbox((JSON.parse(readFileSync('data/boundaries.geojson', 'utf8')) as GeoJSON.FeatureCollection).features.map((f) => f.geometry))!;
  const step = 0.05;
  const width = Math.ceil((box[2] - box[0]) / step) + 2;
  const height = Math.ceil((box[3] - box[1]) / step) + 2;
  const values = new Float32Array(width * height).fill(0.012);
  values.fill(-9999, 10 * width, 10 * width + 5);
  const write = (name: string, v: Float32Array) => writeFileSync(path.join(dir, name), new Uint8Array(writeArrayBuffer(v, {
    width, height, ModelPixelScale: [step, step, 0], ModelTiepoint: [0, 0, 0, box[0] - step, box[3] + step, 0],
    GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GDAL_NODATA: '-9999',
  })));
  write('friction_walking.tif', values);
  const bad = values.slice();
  bad[3] = -0.5;
  write('friction_bad.tif', bad);
  copyFileSync('data/boundaries.geojson', path.join(dir, 'boundaries.geojson'));
  copyFileSync('data/regions.parquet', path.join(dir, 'regions.parquet'));
  copyFileSync(REAL, path.join(dir, 'friction_madagascar.tif'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run validate: friction GeoTIFF', () => {
  it('a folder: the good raster is ok, a negative cell and a raster of another country are errors naming file and rule', () => {
    const r = validate(dir);
    expect(r.code).toBe(1);
    const line = (name: string) => r.out.split('\n').filter((l) => l.includes(`${path.join(dir, name)}:`)).join('\n');
    expect(line('friction_walking.tif')).toMatch(/^ok +.*friction_walking\.tif: friction surface \(travel time\), \d+ passable cells$/);
    expect(line('friction_bad.tif')).toMatch(/^error +.*friction_bad\.tif: 1 cell\(s\) hold a negative friction \(nodata is -9999\); e\.g\. row 1, column 4: -0\.5 \(rule: minutes per metre >= 0; rows: 1\)$/);
    expect(line('friction_madagascar.tif')).toMatch(/^error +.*friction_madagascar\.tif: covers lon 48\.775 to 49\.608, lat -18\.533 to -17\.700, which does not overlap the boundaries .*\(rule: extent overlaps the boundaries\)$/);
    expect(r.all).not.toMatch(/^\s{4}at /m);
  });

  it('the real MAP raster alone, by name: valid, with the extent not checked (nothing to check it against)', () => {
    const r = validate(REAL);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +.*friction_map2015_toamasina_100\.tif: friction surface \(travel time\), \d+ passable cells$/m);
    expect(r.out).toMatch(/^warning .*not checked: no boundaries and no valid population table given \(rule: extent overlaps the boundaries\)$/m);
  });
});
