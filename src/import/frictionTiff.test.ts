import { readFileSync } from 'node:fs';
import { writeArrayBuffer } from 'geotiff';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { frictionExtentProblems, frictionModeOf, readFrictionTiff, type FrictionProblem } from './frictionTiff';

const REAL = 'src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif';

/** A small float32 GeoTIFF: lat/lon unless `epsg` names a projected system (then origin and pixel are metres). */
function tif(values: number[], width: number, o: { origin?: [number, number]; pixel?: number; nodata?: string; epsg?: number } = {}): Uint8Array {
  const [x, y] = o.origin ?? [10, 5];
  const pixel = o.pixel ?? 0.01;
  const geo = o.epsg && o.epsg !== 4326
    ? { ProjectedCSTypeGeoKey: o.epsg, GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1 }
    : { GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1 };
  return new Uint8Array(writeArrayBuffer(Float32Array.from(values), {
    width, height: values.length / width, ModelPixelScale: [pixel, pixel, 0], ModelTiepoint: [0, 0, 0, x, y, 0], ...geo,
    ...(o.nodata ? { GDAL_NODATA: o.nodata } : {}),
  }));
}
const rules = (ps: FrictionProblem[]) => ps.map((p) => `${p.severity}: ${p.rule}`);

describe('readFrictionTiff (the Malaria Atlas Project friction GeoTIFF)', () => {
  it('reads the real MAP 2015 window: float32 minutes per metre on its 30" grid, the sea (nodata -3.4e+38 as float32) as barriers', async () => {
    const { raster, problems } = await readFrictionTiff(readFileSync(REAL), 'friction.tif');
    expect(problems).toEqual([]);
    const g = raster!.grid;
    expect([g.width, g.height]).toEqual([100, 100]);
    expect(g.cellLonDeg).toBeCloseTo(1 / 120, 9);
    expect(g.west).toBeCloseTo(48.775, 6);
    expect(g.north).toBeCloseTo(-17.7, 6);
    const v = Array.from(raster!.minutesPerMetre);
    const land = v.filter((x) => !Number.isNaN(x));
    expect(raster!.barrierCells).toBe(v.length - land.length);
    expect(raster!.barrierCells).toBeGreaterThan(1000);
    // MAP's fastest class (0.0012 min/m = 50 km/h) to the slowest land here; nothing negative left.
    expect(Math.min(...land)).toBeCloseTo(0.0012, 6);
    expect(Math.max(...land)).toBeLessThan(0.2);
  });

  it('nodata, NaN and infinities are barriers; zero friction is allowed', async () => {
    const { raster, problems } = await readFrictionTiff(tif([0.01, -9999, NaN, Infinity, 0, 0.02], 3, { nodata: '-9999' }), 'f.tif');
    expect(problems).toEqual([]);
    expect(Array.from(raster!.minutesPerMetre).map((x) => (Number.isNaN(x) ? null : Number(x.toFixed(4))))).toEqual([0.01, null, null, null, 0, 0.02]);
    expect(raster!.barrierCells).toBe(3);
  });

  it('negative values are an error naming the rule, how many cells and where (with a hint when no nodata is set)', async () => {
    const { problems } = await readFrictionTiff(tif([0.01, -1, 0.02, -3], 2), 'friction.tif');
    expect(rules(problems)).toEqual(['error: minutes per metre >= 0']);
    expect(problems[0].cells).toBe(2);
    expect(problems[0].message).toMatch(/2 cell\(s\) hold a negative friction .*set it in the file \(GDAL_NODATA\)/);
    expect(problems[0].examples).toEqual(['row 1, column 2: -1', 'row 2, column 2: -3']);
  });

  it('all nodata is an error; a median above 1 min/m is a unit warning', async () => {
    expect(rules((await readFrictionTiff(tif([-1, -1], 2, { nodata: '-1' }), 'f.tif')).problems)).toEqual(['error: passable cells']);
    const kmh = await readFrictionTiff(tif([5, 10, 50, 70], 2), 'f.tif');
    expect(rules(kmh.problems)).toEqual(['warning: unit: minutes per metre']);
    expect(kmh.problems[0].message).toContain('median friction is 50 minutes per metre');
  });

  it('not a GeoTIFF and an unsupported coordinate system say so', async () => {
    expect((await readFrictionTiff(new TextEncoder().encode('hello'), 'f.tif')).problems[0]).toMatchObject({ rule: 'readable', severity: 'error' });
    const lambert = await readFrictionTiff(tif([0.01, 0.01], 2, { epsg: 2154 }), 'f.tif');
    expect(lambert.raster).toBeNull();
    expect(lambert.problems[0].message).toMatch(/EPSG:2154 is not supported: reproject to WGS84/);
  });

  it('a UTM raster (as AccessMod keeps them) is resampled to lat/lon, each cell taking the UTM cell under its centre', async () => {
    // 20 x 20 cells of 500 m in UTM zone 28N (Sierra Leone), value = column / 1000 + 0.001, a barrier column at 7.
    const values: number[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) values.push(c === 7 ? -9999 : c / 1000 + 0.001);
    const [ox, oy] = [700_000, 950_000];
    const { raster, problems } = await readFrictionTiff(tif(values, 20, { epsg: 32628, origin: [ox, oy], pixel: 500, nodata: '-9999' }), 'f.tif');
    expect(rules(problems)).toEqual(['warning: coordinate system']);
    const g = raster!.grid;
    const utm = proj4('+proj=utm +zone=28 +datum=WGS84 +units=m +no_defs', 'EPSG:4326');
    let inside = 0;
    for (let r = 0; r < g.height; r++) for (let c = 0; c < g.width; c++) {
      const [x, y] = utm.inverse([g.west + (c + 0.5) * g.cellLonDeg, g.north - (r + 0.5) * g.cellLatDeg]);
      const col = Math.floor((x - ox) / 500), row = Math.floor((oy - y) / 500);
      const v = raster!.minutesPerMetre[r * g.width + c];
      if (col < 0 || col >= 20 || row < 0 || row >= 20 || col === 7) expect(Number.isNaN(v)).toBe(true);
      else { inside++; expect(v).toBeCloseTo(col / 1000 + 0.001, 6); }
    }
    expect(inside).toBeGreaterThan(300);
    expect(g.cellLatDeg * 111_195).toBeCloseTo(500, -1);
  });

  it('file names: friction rasters and their mode', () => {
    expect(frictionModeOf('202001_Global_Walking_Only_Friction_Surface_SLE.tiff')).toBe('walking');
    expect(frictionModeOf('2020_motorized_friction_surface.tif')).toBe('motorised');
    expect(frictionModeOf('friction.tif')).toBeNull();
  });
});

describe('frictionExtentProblems', () => {
  const g = { west: 10, north: 5, cellLonDeg: 0.01, cellLatDeg: 0.01, width: 100, height: 100 }; // lon 10..11, lat 4..5
  it('no overlap is an error naming both boxes; a partial cover a warning with the share outside; a full cover nothing', () => {
    const off = frictionExtentProblems(g, [-13, 7, -10, 10], 'boundaries');
    expect(rules(off)).toEqual(['error: extent overlaps the boundaries']);
    expect(off[0].message).toContain('covers lon 10.000 to 11.000, lat 4.000 to 5.000, which does not overlap the boundaries (lon -13.000 to -10.000, lat 7.000 to 10.000)');
    const half = frictionExtentProblems(g, [10.5, 4, 11.5, 5], 'boundaries');
    expect(rules(half)).toEqual(['warning: extent covers the boundaries']);
    expect(half[0].message).toContain('50% of the bounding box of the boundaries is outside it');
    expect(frictionExtentProblems(g, [10.2, 4.2, 10.8, 4.8], 'boundaries')).toEqual([]);
  });
});
