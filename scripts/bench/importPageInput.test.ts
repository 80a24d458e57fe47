import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPopulationTiff } from '../../src/import/rasterToPoints';
import { SIERRA_LEONE_DIR, subdivideRaster } from './importPageInput';

describe('subdivideRaster', () => {
  const r = { width: 3, height: 2, originX: -13.3, originY: 10, pixelX: 0.02, pixelY: 0.02, nodata: -99999, values: [90, -99999, 4.5, Number.NaN, 0, 18] };

  it('splits each cell into k x k equal parts, keeps nodata in place and the grid on the same extent', () => {
    const { values, grid } = subdivideRaster(r, 3);
    expect(grid).toEqual({ west: -13.3, north: 10, cellLonDeg: 0.02 / 3, cellLatDeg: 0.02 / 3, width: 9, height: 6 });
    expect(Array.from(values.slice(0, 9))).toEqual([10, 10, 10, -99999, -99999, -99999, 0.5, 0.5, 0.5]);
    expect(Array.from(values.slice(5 * 9, 6 * 9))).toEqual([-99999, -99999, -99999, 0, 0, 0, 2, 2, 2]);
  });

  it('conserves the real fixture raster total (7,092,113 people, the census) to Float32 rounding', async () => {
    const file = 'sle_population_2015_synthetic_0p02deg.tif';
    const small = await readPopulationTiff(readFileSync(path.join(SIERRA_LEONE_DIR, file)), file);
    const sum = (xs: ArrayLike<number>, nodata: number | null) => {
      let s = 0;
      for (let i = 0; i < xs.length; i++) if (xs[i] !== nodata && xs[i] >= 0) s += xs[i];
      return s;
    };
    const { values, grid } = subdivideRaster(small, 7);
    expect(grid.width * grid.height).toBe(small.width * small.height * 49);
    expect(sum(small.values, small.nodata)).toBeCloseTo(7_092_113, 0);
    expect(Math.abs(sum(values, -99999) / sum(small.values, small.nodata) - 1)).toBeLessThan(1e-6);
  });

  it('refuses a subdivision that is not a whole number', () => {
    expect(() => subdivideRaster(r, 1.5)).toThrow('whole number');
  });
});
