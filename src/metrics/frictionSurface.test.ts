import { describe, expect, it } from 'vitest';
import { ACCESSMOD_LANDCOVER_KMH, ACCESSMOD_SPEEDS_KMH, frictionSurface, minutesPerMetre, type LatLonGrid } from './frictionSurface';
import { costDistance } from './travelTime';

// 30 x 20 cells of 0.01 degree (~1.1 km) with the north-west corner at 10 E, 5 N.
const grid: LatLonGrid = { west: 10, north: 5, cellLonDeg: 0.01, cellLatDeg: 0.01, width: 30, height: 20 };
const lon = (col: number) => 10 + (col + 0.5) * 0.01;
const lat = (row: number) => 5 - (row + 0.5) * 0.01;
const at = (s: { minutesPerMetre: Float32Array }, row: number, col: number) => s.minutesPerMetre[row * grid.width + col];

describe('frictionSurface', () => {
  it("AccessMod's default speeds and 5 km/h walking, as minutes per metre", () => {
    expect(ACCESSMOD_SPEEDS_KMH).toEqual({ primary: 70, trunk: 60, secondary: 50, tertiary: 30, residential: 15, unclassified: 15, track: 10, path: 10 });
    const s = frictionSurface({ grid, roads: [], barriers: [] });
    expect(at(s, 3, 4)).toBeCloseTo(60 / 5000, 9); // 0.012 min/m: 12 minutes per km
    expect(minutesPerMetre(70)).toBeCloseTo(60 / 70000, 12);
  });

  it('cell sizes: y from the cell height, x shrinking with the cosine of each row centre latitude (R = 6371 km)', () => {
    const s = frictionSurface({ grid: { ...grid, north: 61, height: 4 }, roads: [], barriers: [] });
    const y = (0.01 * Math.PI / 180) * 6_371_000;
    expect(s.cellSizeM.y).toBeCloseTo(1111.95, 1);
    expect(s.cellSizeM.y).toBeCloseTo(y, 9);
    for (let r = 0; r < 4; r++) expect(s.cellSizeM.x[r]).toBeCloseTo(y * Math.cos(((61 - (r + 0.5) * 0.01) * Math.PI) / 180), 9);
    expect(s.cellSizeM.x[0]).toBeCloseTo(539.2, 0); // cos(60.995 deg) x 1111.95 m
  });

  it('a road gives the cells it crosses its speed; the fastest road wins where two meet', () => {
    const s = frictionSurface({
      grid,
      roads: [
        { class: 'primary', geometry: { type: 'LineString', coordinates: [[lon(0), lat(5)], [lon(29), lat(5)]] } },
        { class: 'track', geometry: { type: 'LineString', coordinates: [[lon(7), lat(0)], [lon(7), lat(19)]] } },
      ],
      barriers: [],
    });
    for (let c = 0; c < 30; c++) expect(at(s, 5, c)).toBeCloseTo(minutesPerMetre(70), 9);
    expect(at(s, 6, 3)).toBeCloseTo(minutesPerMetre(5), 9);
    expect(at(s, 10, 7)).toBeCloseTo(minutesPerMetre(10), 9);
    expect(at(s, 5, 7)).toBeCloseTo(minutesPerMetre(70), 9);
    // 29 cells east along the primary road at 70 km/h: 29 cell widths / 70 km/h.
    const t = costDistance({ width: 30, height: 20, ...s, sources: Int32Array.of(5 * 30) });
    expect(t.minutes[5 * 30 + 29]).toBeCloseTo((s.cellSizeM.x[5] * 29 / 70000) * 60, 4);
  });

  it('a diagonal river line blocks every move, knight moves included, and a road across it is a bridge', () => {
    // The river runs from the north-west corner to the south-east one: 4-connected cells, nothing slips diagonally.
    const river = { type: 'LineString' as const, coordinates: [[10.001, 4.999], [10.299, 4.801]] };
    const bridge = { class: 'secondary', geometry: { type: 'LineString' as const, coordinates: [[lon(20), lat(2)], [lon(20), lat(18)]] } };
    const west = 15 * 30 + 2; // row 15, col 2: south-west of the river
    const east = 2 * 30 + 27; // row 2, col 27: north-east of it
    const closed = frictionSurface({ grid, roads: [], barriers: [river] });
    const blocked = [...closed.minutesPerMetre].filter(Number.isNaN).length;
    expect(blocked).toBeGreaterThanOrEqual(30 + 20 - 1); // a 4-connected path across 30 x 20 cells
    for (const knightsMove of [false, true]) {
      expect(costDistance({ width: 30, height: 20, ...closed, sources: Int32Array.of(west), knightsMove }).minutes[east]).toBe(Infinity);
    }
    const open = frictionSurface({ grid, roads: [bridge], barriers: [river] });
    const t = costDistance({ width: 30, height: 20, ...open, sources: Int32Array.of(west) }).minutes[east];
    expect(Number.isFinite(t)).toBe(true);
    // With roadsOverBarriers false the river cuts the road too.
    const cut = frictionSurface({ grid, roads: [bridge], barriers: [river], roadsOverBarriers: false });
    expect(costDistance({ width: 30, height: 20, ...cut, sources: Int32Array.of(west) }).minutes[east]).toBe(Infinity);
  });

  it('a lake polygon blocks the cells whose centre is inside; its island (a hole) stays open', () => {
    const square = (c0: number, r0: number, c1: number, r1: number) => [[10 + c0 * 0.01, 5 - r0 * 0.01], [10 + c1 * 0.01, 5 - r0 * 0.01], [10 + c1 * 0.01, 5 - r1 * 0.01], [10 + c0 * 0.01, 5 - r1 * 0.01], [10 + c0 * 0.01, 5 - r0 * 0.01]];
    // Lake over columns 5..14 and rows 4..11 (edges on cell borders), island over columns 9..10, rows 7..8.
    const s = frictionSurface({ grid, roads: [], barriers: [{ type: 'Polygon', coordinates: [square(5, 4, 15, 12), square(9, 7, 11, 9)] }] });
    const blocked: string[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 30; c++) if (Number.isNaN(at(s, r, c))) blocked.push(`${r},${c}`);
    expect(blocked.length).toBe(10 * 8 - 2 * 2);
    expect(Number.isNaN(at(s, 4, 5)) && Number.isNaN(at(s, 11, 14))).toBe(true);
    expect(Number.isNaN(at(s, 3, 5)) || Number.isNaN(at(s, 4, 15))).toBe(false);
    expect(at(s, 7, 9)).toBeCloseTo(minutesPerMetre(5), 9);
  });

  it('speeds can be edited per class; an unknown class or a bad speed is named', () => {
    const road = { class: 'service', geometry: { type: 'LineString' as const, coordinates: [[lon(0), lat(1)], [lon(3), lat(1)]] } };
    expect(() => frictionSurface({ grid, roads: [road], barriers: [] })).toThrow(/road 0 has class "service", which has no speed: known classes are primary, trunk/);
    const s = frictionSurface({ grid, roads: [road], barriers: [], speedsKmh: { service: 20, primary: 80 }, offRoadKmh: 4 });
    expect(at(s, 1, 2)).toBeCloseTo(minutesPerMetre(20), 9);
    expect(at(s, 2, 2)).toBeCloseTo(minutesPerMetre(4), 9);
    expect(() => frictionSurface({ grid, roads: [], barriers: [], speedsKmh: { track: 0 } })).toThrow(/speed for road class "track" must be a positive number/);
    expect(() => frictionSurface({ grid, roads: [], barriers: [], offRoadKmh: -5 })).toThrow(/offRoadKmh must be a positive number/);
    expect(() => frictionSurface({ grid: { ...grid, width: 0 }, roads: [], barriers: [] })).toThrow(/grid width and height/);
  });

  describe('land cover', () => {
    // Cell (c, r)'s outline; a polygon over cells c0..c1-1, r0..r1-1 holds exactly those cells' centres.
    const box = (c0: number, r0: number, c1: number, r1: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[10 + c0 * 0.01, 5 - r0 * 0.01], [10 + c1 * 0.01, 5 - r0 * 0.01], [10 + c1 * 0.01, 5 - r1 * 0.01], [10 + c0 * 0.01, 5 - r1 * 0.01], [10 + c0 * 0.01, 5 - r0 * 0.01]]] });

    it("AccessMod's walking speeds per land-cover class, as the manual's table gives them", () => {
      expect(ACCESSMOD_LANDCOVER_KMH).toEqual({ built_up: 5, bare: 5, low_vegetation: 4, medium_vegetation: 3, dense_vegetation: 2 });
    });

    it('sets the off-road speed of the cells whose centre is inside; the slowest class wins; roads and barriers go over it', () => {
      const road = { class: 'primary', geometry: { type: 'LineString' as const, coordinates: [[lon(0), lat(6)], [lon(29), lat(6)]] } };
      const lake: GeoJSON.Polygon = box(20, 2, 24, 4);
      const s = frictionSurface({
        grid, roads: [road], barriers: [lake],
        landCover: [{ class: 'dense_vegetation', geometry: box(2, 2, 12, 12) }, { class: 'low_vegetation', geometry: box(8, 8, 26, 14) }, { class: 'medium_vegetation', geometry: box(18, 0, 28, 6) }],
      });
      const cells = (kmh: number) => { let k = 0; for (let r = 0; r < 20; r++) for (let c = 0; c < 30; c++) if (at(s, r, c) === Math.fround(minutesPerMetre(kmh))) k++; return k; };
      expect(at(s, 3, 3)).toBeCloseTo(minutesPerMetre(2), 8); // dense only
      expect(at(s, 9, 9)).toBeCloseTo(minutesPerMetre(2), 8); // dense and low: the slower
      expect(at(s, 12, 20)).toBeCloseTo(minutesPerMetre(4), 8); // low only
      expect(at(s, 6, 10)).toBeCloseTo(minutesPerMetre(70), 8); // the road through the forest
      expect(Number.isNaN(at(s, 3, 21))).toBe(true); // the lake inside the medium area
      expect(at(s, 1, 19)).toBeCloseTo(minutesPerMetre(3), 8);
      expect(at(s, 15, 0)).toBeCloseTo(minutesPerMetre(5), 8); // bare of any polygon: the default
      // Dense: 10 x 10 minus its road row (10 cells); low: 18 x 6 minus the dense overlap (4 x 4) and the road row (18).
      expect(cells(2)).toBe(100 - 10);
      expect(cells(4)).toBe(18 * 6 - 16);
      // medium: 10 x 6 minus the lake (4 x 2).
      expect(cells(3)).toBe(60 - 8);
    });

    it('a walk across the forest takes distance x its friction: 2 km/h instead of 5 (analytic, along a row)', () => {
      const open = frictionSurface({ grid, roads: [], barriers: [] });
      const forest = frictionSurface({ grid, roads: [], barriers: [], landCover: [{ class: 'dense_vegetation', geometry: box(0, 0, 30, 20) }] });
      const from = Int32Array.of(10 * 30), to = 10 * 30 + 20;
      const tOpen = costDistance({ width: 30, height: 20, ...open, sources: from }).minutes[to];
      const tForest = costDistance({ width: 30, height: 20, ...forest, sources: from }).minutes[to];
      expect(tOpen).toBeCloseTo(((20 * open.cellSizeM.x[10]) / 5000) * 60, 3);
      expect(tForest / tOpen).toBeCloseTo(5 / 2, 5);
    });

    it('speeds can be edited per class; an unknown class is named with the known ones', () => {
      const area = { class: 'swamp', geometry: box(0, 0, 2, 2) };
      expect(() => frictionSurface({ grid, roads: [], barriers: [], landCover: [area] })).toThrow(
        'land-cover area 0 has class "swamp", which has no walking speed: known classes are built_up, bare, low_vegetation, medium_vegetation, dense_vegetation; give its speed in landCoverKmh',
      );
      const s = frictionSurface({ grid, roads: [], barriers: [], landCover: [area], landCoverKmh: { swamp: 1.5 } });
      expect(at(s, 1, 1)).toBeCloseTo(minutesPerMetre(1.5), 8);
      expect(() => frictionSurface({ grid, roads: [], barriers: [], landCover: [{ class: 'bare', geometry: box(0, 0, 2, 2) }], landCoverKmh: { bare: 0 } })).toThrow(/"bare", which has no walking speed/);
    });
  });
});
