import { describe, expect, it } from 'vitest';
import { fromArrayBuffer, writeArrayBuffer } from 'geotiff';
import { openPopulationTiff, rasterToPoints, rasterToPointsStreamed, readPopulationTiff, type RasterGrid } from './rasterToPoints';

const grid = (values: number[] | Float32Array, width: number, pixel = 0.001, nodata: number | null = -99999): RasterGrid => ({
  width, height: values.length / width, originX: 10, originY: 5, pixelX: pixel, pixelY: pixel, values, nodata,
});

describe('rasterToPoints', () => {
  it('puts the point at the population-weighted centre of its cells and skips nodata', () => {
    // Two 0.001° cells in one 1 km cell: 3 people at x = 10.0005, 1 at 10.0015 -> centre 10.00075.
    const p = rasterToPoints(grid([3, 1, -99999, NaN], 2), 1);
    expect(p.population).toEqual(Float64Array.from([4]));
    expect(p.lon[0]).toBeCloseTo((3 * 10.0005 + 1 * 10.0015) / 4, 12);
    expect(p.lat[0]).toBeCloseTo(5 - 0.0005, 12);
    expect(p.nodataCells).toBe(2);
  });

  it('conserves the total of a 1,000 x 1,000 raster (1 M cells) at 1 km and at 5 km', () => {
    const n = 1000;
    const values = new Float32Array(n * n);
    let seed = 7;
    for (let i = 0; i < values.length; i++) {
      seed = (seed * 48271) % 2147483647;
      values[i] = i % 17 === 0 ? -99999 : (seed / 2147483647) * 40;
    }
    let floatSum = 0;
    for (const v of values) if (v >= 0) floatSum += v;
    for (const km of [1, 5]) {
      const t0 = performance.now();
      const p = rasterToPoints(grid(values, n, 0.000833333), km);
      const ms = performance.now() - t0;
      const pointsSum = p.population.reduce((a, b) => a + b, 0);
      console.log(`rasterToPoints: ${n * n} cells -> ${p.population.length} points at ${km} km in ${ms.toFixed(0)} ms`);
      expect(p.rasterTotal).toBe(floatSum);
      expect(Math.abs(pointsSum - floatSum) / floatSum).toBeLessThan(1e-9);
      expect(p.population.length).toBeGreaterThan(0);
    }
  });

  it('reads a GeoTIFF with its nodata value and origin', async () => {
    const values = new Float32Array([1, 2, -99999, 4]);
    const bytes = new Uint8Array(writeArrayBuffer(values, {
      width: 2, height: 2, ModelPixelScale: [0.01, 0.01, 0], ModelTiepoint: [0, 0, 0, -13, 9, 0], GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GDAL_NODATA: '-99999',
    }));
    const r = await readPopulationTiff(bytes, 'x.tif');
    expect([r.originX, r.originY, r.pixelX, r.pixelY, r.nodata]).toEqual([-13, 9, 0.01, 0.01, -99999]);
    const p = rasterToPoints(r, 1);
    expect(p.rasterTotal).toBe(7);
    expect(p.nodataCells).toBe(1);
  });

  it('streams strips of rows (a GeoTIFF read by windows) with exactly the whole-raster result', async () => {
    const width = 301, height = 257;
    const values = new Float32Array(width * height);
    let seed = 11;
    for (let i = 0; i < values.length; i++) {
      seed = (seed * 48271) % 2147483647;
      values[i] = i % 13 === 0 ? -99999 : i % 5 === 0 ? 0 : (seed / 2147483647) * 25;
    }
    const bytes = writeArrayBuffer(values, {
      width, height, ModelPixelScale: [0.000833333, 0.000833333, 0], ModelTiepoint: [0, 0, 0, -13.3, 10, 0], GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GDAL_NODATA: '-99999',
    });
    const whole = await readPopulationTiff(new Uint8Array(bytes), 'x.tif');
    for (const km of [0.5, 1, 5]) {
      const expected = rasterToPoints(whole, km);
      for (const stripRows of [1, 7, 64, height]) {
        const source = { ...(await openPopulationTiff(await fromArrayBuffer(bytes), 'x.tif')), stripRows };
        let strips = 0;
        const got = await rasterToPointsStreamed(source, km, () => strips++);
        expect(strips).toBe(Math.ceil(height / stripRows));
        expect(got.rasterTotal).toBe(expected.rasterTotal);
        expect(got.population).toEqual(expected.population);
        expect(got.lon).toEqual(expected.lon);
        expect(got.lat).toEqual(expected.lat);
        expect(got.nodataCells).toBe(expected.nodataCells);
      }
      // And the whole-raster result against an independent float sum of the cells.
      let sum = 0;
      for (const v of values) if (v >= 0) sum += v;
      expect(expected.rasterTotal).toBe(sum);
      expect(Math.abs(expected.population.reduce((a, b) => a + b, 0) - sum) / sum).toBeLessThan(1e-9);
    }
  });
});
