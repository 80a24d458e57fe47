/**
 * A friction surface (minutes per metre, the input of costDistance) built from the data people have: roads as lines
 * with a class, barriers (water, borders, cliffs) as polygons or lines, and an off-road walking speed, on a lat/lon grid.
 *
 * Speeds per road class are WHO AccessMod's defaults (AccessMod 5 user manual, scenario table "motorized"): primary 70,
 * trunk 60, secondary 50, tertiary 30, residential and unclassified 15, track and path 10 km/h; off-road walking 5 km/h
 * (Tobler's hiking function on flat ground, 5.04 km/h). Off the roads, land cover sets the walking speed where it is
 * given (AccessMod 5 user manual, "travel speed on a flat surface per land cover type for walking": built-up and bare
 * soil 5, low dense vegetation 4, medium 3, dense 2 km/h). Rules, in this order:
 *  1. every cell gets the off-road friction; a land-cover polygon gives the cells whose centre is inside it its class's
 *     walking speed instead, the slowest class winning where polygons overlap;
 *  2. a road gives every cell it passes through its class's friction, the fastest road winning in a cell;
 *  3. a barrier polygon blocks the cells whose centre is inside it (holes, e.g. islands, stay open); a barrier line
 *     blocks every cell it passes through, 4-connected, so that no diagonal move slips between two of its cells;
 *  4. where a road crosses a barrier the road wins (a bridge, a ford, a causeway) unless `roadsOverBarriers` is false.
 * Cell sizes: east-west x per row = cell width in degrees x (pi / 180) x R x cos(row centre latitude), north-south
 * y = cell height in degrees x (pi / 180) x R, R = 6371 km as for the haversine distances elsewhere.
 */
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export const ACCESSMOD_SPEEDS_KMH: Readonly<Record<string, number>> = {
  primary: 70, trunk: 60, secondary: 50, tertiary: 30, residential: 15, unclassified: 15, track: 10, path: 10,
};
export const WALKING_SPEED_KMH = 5;
export const ACCESSMOD_LANDCOVER_KMH: Readonly<Record<string, number>> = {
  built_up: 5, bare: 5, low_vegetation: 4, medium_vegetation: 3, dense_vegetation: 2,
};
const EARTH_RADIUS_M = 6_371_000;

export interface LatLonGrid {
  /** Outer edges, degrees. */
  west: number;
  north: number;
  /** Cell size in degrees (east-west, north-south). */
  cellLonDeg: number;
  cellLatDeg: number;
  width: number;
  height: number;
}

export interface FrictionInput {
  grid: LatLonGrid;
  roads: { class: string; geometry: LineString | MultiLineString }[];
  barriers: (Polygon | MultiPolygon | LineString | MultiLineString)[];
  /** Off-road ground by class (land cover); none: `offRoadKmh` everywhere off the roads. */
  landCover?: { class: string; geometry: Polygon | MultiPolygon }[];
  /** km/h per road class; replaces AccessMod's defaults class by class. */
  speedsKmh?: Record<string, number>;
  /** Walking km/h per land-cover class; replaces AccessMod's defaults class by class. */
  landCoverKmh?: Record<string, number>;
  offRoadKmh?: number;
  roadsOverBarriers?: boolean;
}

export interface FrictionSurface {
  minutesPerMetre: Float32Array;
  cellSizeM: { x: Float64Array; y: number };
}

/** Minutes per metre at a speed in km/h. */
export const minutesPerMetre = (kmh: number): number => 60 / (kmh * 1000);

export function frictionSurface(input: FrictionInput): FrictionSurface {
  const { grid: g, roadsOverBarriers = true } = input;
  if (!(Number.isInteger(g.width) && g.width > 0 && Number.isInteger(g.height) && g.height > 0)) throw new RangeError(`grid width and height must be positive integers, got ${g.width} x ${g.height}`);
  if (!(g.cellLonDeg > 0 && g.cellLatDeg > 0)) throw new RangeError(`grid cell sizes must be positive degrees, got ${g.cellLonDeg} x ${g.cellLatDeg}`);
  const speeds = { ...ACCESSMOD_SPEEDS_KMH, ...input.speedsKmh };
  for (const [cls, kmh] of Object.entries(speeds)) if (!(kmh > 0)) throw new RangeError(`speed for road class "${cls}" must be a positive number of km/h, got ${kmh}`);
  const offRoad = input.offRoadKmh ?? WALKING_SPEED_KMH;
  if (!(offRoad > 0)) throw new RangeError(`offRoadKmh must be a positive number of km/h, got ${offRoad}`);

  const n = g.width * g.height;
  const f = new Float32Array(n).fill(minutesPerMetre(offRoad));
  if (input.landCover?.length) {
    const groundSpeeds = { ...ACCESSMOD_LANDCOVER_KMH, ...input.landCoverKmh };
    const covered = new Uint8Array(n);
    input.landCover.forEach((a, i) => {
      const kmh = groundSpeeds[a.class];
      if (!(kmh > 0)) throw new RangeError(`land-cover area ${i} has class "${a.class}", which has no walking speed: known classes are ${Object.keys(groundSpeeds).join(', ')}; give its speed in landCoverKmh`);
      const value = minutesPerMetre(kmh);
      fillPolygons(g, a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates, (cell) => {
        f[cell] = covered[cell] ? Math.max(f[cell], value) : value;
        covered[cell] = 1;
      });
    });
  }
  const road = new Uint8Array(n);
  input.roads.forEach((r, i) => {
    const kmh = speeds[r.class];
    if (kmh === undefined) throw new RangeError(`road ${i} has class "${r.class}", which has no speed: known classes are ${Object.keys(speeds).join(', ')}; give its speed in speedsKmh`);
    const value = minutesPerMetre(kmh);
    for (const line of lines(r.geometry)) {
      traverse(g, line, (cell) => {
        f[cell] = road[cell] ? Math.min(f[cell], value) : value;
        road[cell] = 1;
      });
    }
  });
  const block = (cell: number) => {
    if (!(roadsOverBarriers && road[cell])) f[cell] = NaN;
  };
  for (const b of input.barriers) {
    if (b.type === 'Polygon' || b.type === 'MultiPolygon') fillPolygons(g, b.type === 'Polygon' ? [b.coordinates] : b.coordinates, block);
    else for (const line of lines(b)) traverse(g, line, block);
  }

  return { minutesPerMetre: f, cellSizeM: latLonCellSizes(g) };
}

/** Cell sizes in metres of a lat/lon grid: one east-west width per row (at the row's centre latitude), one height. */
export function latLonCellSizes(g: LatLonGrid): { x: Float64Array; y: number } {
  const x = new Float64Array(g.height);
  for (let r = 0; r < g.height; r++) {
    const lat = g.north - (r + 0.5) * g.cellLatDeg;
    x[r] = ((g.cellLonDeg * Math.PI) / 180) * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180);
  }
  return { x, y: ((g.cellLatDeg * Math.PI) / 180) * EARTH_RADIUS_M };
}

/**
 * A friction surface given as a raster (the Malaria Atlas Project's GeoTIFF, read by src/import/frictionTiff.ts):
 * its minutes per metre as they are, NaN = barrier, on its own lat/lon grid, instead of one built from roads.
 */
export function frictionFromRaster(raster: { grid: LatLonGrid; minutesPerMetre: Float32Array }): FrictionSurface {
  const { grid: g, minutesPerMetre: f } = raster;
  if (f.length !== g.width * g.height) throw new RangeError(`friction raster holds ${f.length} cells, its grid ${g.width} x ${g.height}`);
  return { minutesPerMetre: f, cellSizeM: latLonCellSizes(g) };
}

/**
 * Block every cell whose centre lies outside the polygons (a country's outline: AccessMod masks its rasters the same
 * way), in place; returns how many cells it blocked.
 */
export function maskOutside(g: LatLonGrid, f: Float32Array, areas: (Polygon | MultiPolygon)[]): number {
  const inside = new Uint8Array(g.width * g.height);
  for (const a of areas) fillPolygons(g, a.type === 'Polygon' ? [a.coordinates] : a.coordinates, (cell) => { inside[cell] = 1; });
  let blocked = 0;
  for (let i = 0; i < f.length; i++) {
    if (inside[i] || Number.isNaN(f[i])) continue;
    f[i] = NaN;
    blocked++;
  }
  return blocked;
}

function lines(geom: LineString | MultiLineString): Position[][] {
  return geom.type === 'LineString' ? [geom.coordinates] : geom.coordinates;
}

/**
 * Every cell a polyline passes through, segment by segment (Amanatides & Woo 1987 grid traversal): consecutive cells
 * share an edge, never only a corner. A segment exactly through a corner steps through one of the two side cells.
 */
function traverse(g: LatLonGrid, line: Position[], visit: (cell: number) => void): void {
  const toGrid = (p: Position): [number, number] => [(p[0] - g.west) / g.cellLonDeg, (g.north - p[1]) / g.cellLatDeg];
  if (line.length === 1) line = [line[0], line[0]];
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = toGrid(line[i]);
    const [x1, y1] = toGrid(line[i + 1]);
    let cx = Math.floor(x0);
    let cy = Math.floor(y0);
    const ex = Math.floor(x1);
    const ey = Math.floor(y1);
    const dx = x1 - x0;
    const dy = y1 - y0;
    const sx = Math.sign(dx);
    const sy = Math.sign(dy);
    // Distance along the segment (0..1) to the next vertical / horizontal grid line, and between two of them.
    const tdx = dx === 0 ? Infinity : Math.abs(1 / dx);
    const tdy = dy === 0 ? Infinity : Math.abs(1 / dy);
    let tx = dx === 0 ? Infinity : (sx > 0 ? cx + 1 - x0 : x0 - cx) * tdx;
    let ty = dy === 0 ? Infinity : (sy > 0 ? cy + 1 - y0 : y0 - cy) * tdy;
    const steps = Math.abs(ex - cx) + Math.abs(ey - cy);
    for (let s = 0; ; s++) {
      if (cx >= 0 && cx < g.width && cy >= 0 && cy < g.height) visit(cy * g.width + cx);
      if (s >= steps) break;
      if (tx < ty) {
        cx += sx;
        tx += tdx;
      } else {
        cy += sy;
        ty += tdy;
      }
    }
  }
}

/** Cells whose centre is inside the polygons (even-odd over all rings, so holes stay out), row by row. */
function fillPolygons(g: LatLonGrid, polygons: Position[][][], visit: (cell: number) => void): void {
  const rings = polygons.flat();
  for (let r = 0; r < g.height; r++) {
    const lat = g.north - (r + 0.5) * g.cellLatDeg;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat)) xs.push(xi + ((lat - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // Columns whose centre lon lies in [xs[k], xs[k + 1]).
      const c0 = Math.max(0, Math.ceil((xs[k] - g.west) / g.cellLonDeg - 0.5));
      const c1 = Math.min(g.width - 1, Math.ceil((xs[k + 1] - g.west) / g.cellLonDeg - 0.5) - 1);
      for (let c = c0; c <= c1; c++) visit(r * g.width + c);
    }
  }
}
