import { describe, expect, it } from 'vitest';
import type { LatLonGrid } from '../metrics/frictionSurface';
import { rasterValues, TIME_BANDS, travelTimeMapSpec } from './travelTimeMapSpec';

const grid: LatLonGrid = { west: 30, north: 11, cellLonDeg: 0.5, cellLatDeg: 0.5, width: 4, height: 2 };
const minutes = Float32Array.of(0, 10, 20, Infinity, 15, NaN, 25, 35);
const friction = Float32Array.of(1, 1, 1, 1, 1, NaN, 1, 1);

describe('travel-time map spec', () => {
  it('keeps every cell under 450 columns; water transparent (NaN), unreached beyond the last band', () => {
    const r = rasterValues(grid, minutes, friction);
    expect([r.width, r.height]).toEqual([4, 2]);
    expect(Array.from(r.values)).toEqual([0, 10, 20, 1e6, 15, NaN, 25, 35]);
    const wide: LatLonGrid = { ...grid, width: 901, height: 3 };
    const big = rasterValues(wide, new Float32Array(901 * 3).map((_, k) => k), new Float32Array(901 * 3).fill(1));
    // Stride 3: columns 0, 3, ..., 900 (301 of them), one row.
    expect([big.width, big.height]).toEqual([301, 1]);
    expect(big.values[1]).toBe(3);
  });

  it('leaves out pixels farther than reachCells from anyone', () => {
    const g: LatLonGrid = { ...grid, width: 5, height: 1 };
    const inhabited = Uint8Array.of(1, 0, 0, 0, 0);
    const r = rasterValues(g, new Float32Array(5).fill(7), new Float32Array(5).fill(1), inhabited, 2);
    expect(Array.from(r.values)).toEqual([7, 7, 7, NaN, NaN]);
  });

  it('draws raster, land cover, lakes, rivers, districts and roads on lon/lat axes with the 30/60/120/240 bands', () => {
    const area = (cls: string) => ({ class: cls, geometry: { type: 'Polygon' as const, coordinates: [[[30.1, 10.1], [30.3, 10.1], [30.3, 10.3], [30.1, 10.1]]] } });
    const spec = travelTimeMapSpec({
      grid, minutes, friction, boundaries: [], districtIds: new Set(), width: 600, caption: 'c', loc: { locale: 'en', rtl: false },
      roads: [{ class: 'primary', geometry: { type: 'LineString', coordinates: [[30, 10], [31, 11]] } }],
      barriers: [{ type: 'LineString', coordinates: [[30.5, 11], [30.5, 10]] }, { type: 'Polygon', coordinates: [[[31, 10], [31.2, 10], [31.2, 10.2], [31, 10]]] }],
      landCover: [area('dense_vegetation'), area('bare'), area('low_vegetation')],
    });
    expect(spec.marks).toHaveLength(6);
    // Ground that slows walkers is outlined; built-up and bare ground (walking speed unchanged) is not.
    expect(Array.from((spec.marks![1] as unknown as { data: { properties: { cls: string } }[] }).data, (f) => f.properties.cls)).toEqual(['dense_vegetation', 'low_vegetation']);
    expect(spec.color?.domain).toEqual(TIME_BANDS);
    expect(spec.x?.domain).toEqual([30, 32]);
    expect(spec.y?.domain).toEqual([10, 11]);
    // 2 degrees of longitude at 10.5 N are 1.97 times as long as 1 degree of latitude: height ~ width / 1.97 + margins.
    expect(spec.height).toBe(Math.round((580 * 1) / (2 * Math.cos((10.5 * Math.PI) / 180))) + 50);
  });
});
