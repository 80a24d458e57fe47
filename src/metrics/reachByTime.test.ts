import { describe, expect, it } from 'vitest';
import { haversineKm } from './access';
import { frictionSurface, minutesPerMetre, type LatLonGrid } from './frictionSurface';
import { mulberry32 } from './random';
import { cellOf, facilityCells, gridAround, nearestKm, pointCells, reachShares, sampleMinutes, speedsFor, straightLineMinutes } from './reachByTime';
import { costDistance } from './travelTime';

const WALK = minutesPerMetre(5); // 0.012 min/m

describe('reach by travel time on a raster computed by hand', () => {
  it('a river with one bridge: the far bank is 4 diagonal moves away, not 4 km', () => {
    // 3 rows x 5 columns of 1 km cells; column 2 is a river except its top cell (the bridge). Facility at row 2, col 0.
    const f = new Float32Array(15).fill(WALK);
    f[7] = NaN; f[12] = NaN;
    const { minutes } = costDistance({ width: 5, height: 3, minutesPerMetre: f, cellSizeM: 1000, sources: Int32Array.of(10) });
    // Row 2, col 4: (2,0) -> (1,1) -> (0,2) bridge -> (1,3) -> (2,4): 4 x sqrt(2) km at 12 min/km.
    expect(minutes[14]).toBeCloseTo(4 * Math.SQRT2 * 12, 4);
    // Without the river: 4 straight moves of 1 km.
    const open = costDistance({ width: 5, height: 3, minutesPerMetre: new Float32Array(15).fill(WALK), cellSizeM: 1000, sources: Int32Array.of(10) });
    expect(open.minutes[14]).toBeCloseTo(48, 4);
    // People on the river cell (row 2, col 2) take the quicker bank: (2,1) at 12 minutes.
    const g: LatLonGrid = { west: 0, north: 3, cellLonDeg: 1, cellLatDeg: 1, width: 5, height: 3 };
    const at = sampleMinutes(g, f, minutes, [2.5, 4.5, 0.5], [0.5, 0.5, 0.5]);
    expect(Array.from(at)).toEqual([12, minutes[14], 0]);
  });

  it('shares within thresholds per district and nationally', () => {
    const r = reachShares(['A', 'B', 'A', 'B', 'A'], [10, 20, 30, 40, 50], Float32Array.of(5, 30, 61, Infinity, 120), [30, 60, 120]);
    expect(r.districts).toEqual([
      { region_id: 'A', population: 90, within: [10, 10, 90] },
      { region_id: 'B', population: 60, within: [20, 20, 20] },
    ]);
    expect(r.national).toEqual({ region_id: '', population: 150, within: [30, 30, 110] });
  });

  it('grid covers the points; cells are found; facilities on water start from a dry neighbour', () => {
    const g = gridAround([30, 31], [10, 11], 1);
    expect(g.cellLatDeg).toBeCloseTo(1 / 111.195, 5);
    expect(cellOf(g, 30, 10)).toBeGreaterThanOrEqual(0);
    expect(cellOf(g, 31, 11)).toBeGreaterThanOrEqual(0);
    expect(cellOf(g, 29, 10)).toBe(-1);
    const h: LatLonGrid = { west: 0, north: 1, cellLonDeg: 1, cellLatDeg: 1, width: 3, height: 1 };
    const { cells, index } = facilityCells(h, Float32Array.of(NaN, NaN, WALK), [0.5, 1.5, 9], [0.5, 0.5, 0.5]);
    expect(Array.from(cells)).toEqual([2]);
    expect(Array.from(index)).toEqual([1]);
  });

  it('walking: every road class at 5 km/h; motorised: AccessMod speeds', () => {
    expect(new Set(Object.values(speedsFor('walking')))).toEqual(new Set([5]));
    expect(speedsFor('motorised').primary).toBe(70);
    // A walking road over a river is a bridge: the cell stays passable at walking friction.
    const grid: LatLonGrid = { west: 0, north: 0.03, cellLonDeg: 0.01, cellLatDeg: 0.01, width: 3, height: 3 };
    const s = frictionSurface({
      grid, speedsKmh: speedsFor('walking'),
      roads: [{ class: 'primary', geometry: { type: 'LineString', coordinates: [[0.005, 0.025], [0.025, 0.025]] } }],
      barriers: [{ type: 'LineString', coordinates: [[0.015, 0.03], [0.015, 0]] }],
    });
    expect(Array.from(s.minutesPerMetre.slice(0, 3)).every((v) => Math.abs(v - WALK) < 1e-9)).toBe(true);
    expect(Number.isNaN(s.minutesPerMetre[4])).toBe(true);
  });

  it('straight-line minutes equal a brute-force nearest facility', () => {
    const rnd = mulberry32(7);
    const pts = { lons: Array.from({ length: 300 }, () => 30 + 8 * rnd()), lats: Array.from({ length: 300 }, () => 10 + 6 * rnd()) };
    const fac = { lons: Array.from({ length: 40 }, () => 30 + 8 * rnd()), lats: Array.from({ length: 40 }, () => 10 + 6 * rnd()) };
    const got = straightLineMinutes(nearestKm(pts, fac), 5, 1.3);
    pts.lons.forEach((lon, i) => {
      const km = Math.min(...fac.lons.map((flon, j) => haversineKm(pts.lats[i], lon, fac.lats[j], flon)));
      expect(got[i]).toBeCloseTo((km * 1.3 * 60) / 5, 2);
    });
    expect(Array.from(nearestKm(pts, { lons: [], lats: [] }).slice(0, 2))).toEqual([Infinity, Infinity]);
    // A far point (10 degrees away from every facility) still finds its nearest exactly.
    const far = nearestKm({ lons: [45], lats: [13] }, fac)[0];
    expect(far).toBeCloseTo(Math.min(...fac.lons.map((flon, j) => haversineKm(13, 45, fac.lats[j], flon))), 6);
  });
});

describe('pointCells', () => {
  it('is the cell sampleMinutes reads: the same minutes at every point', () => {
    const g = { west: 0, north: 1, cellLonDeg: 0.25, cellLatDeg: 0.25, width: 4, height: 4 };
    const friction = Float32Array.from({ length: 16 }, (_, i) => (i === 5 || i === 6 ? NaN : 0.01));
    const minutes = Float32Array.from({ length: 16 }, (_, i) => i * 3 % 7);
    const lons = [0.3, 0.6, 0.1, 2], lats = [0.7, 0.7, 0.9, 0.5];
    const cells = pointCells(g, friction, minutes, lons, lats);
    const sampled = sampleMinutes(g, friction, minutes, lons, lats);
    expect([...cells].map((c) => (c < 0 ? Infinity : minutes[c]))).toEqual([...sampled]);
    expect(cells[3]).toBe(-1);
    expect(Number.isNaN(friction[cells[0]])).toBe(false);
  });
});
