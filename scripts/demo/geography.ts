import type { Rng } from './random';

/** A synthetic country on a jittered 8 x 6 grid of districts grouped into 7 provinces. */
export const COLS = 8;
export const ROWS = 6;
export const BBOX = { west: 30, east: 38, south: 10, north: 16 };
const EDGE_SEGMENTS = 5;

export type Ring = [number, number][]; // [lon, lat]

export interface District {
  index: number;
  col: number;
  row: number;
  province: number;
  ring: Ring;
  centroid: [number, number];
}

export interface Province {
  index: number;
  cols: [number, number];
  rows: [number, number];
  ring: Ring;
}

// Province blocks (inclusive column and row ranges); row 0 is the south.
const PROVINCE_BLOCKS: [[number, number], [number, number]][] = [
  [[0, 1], [0, 2]], [[2, 4], [0, 2]], [[2, 4], [3, 5]], [[0, 1], [3, 5]],
  [[5, 7], [4, 5]], [[5, 7], [2, 3]], [[5, 7], [0, 1]],
];

export interface Geography {
  districts: District[];
  provinces: Province[];
  /** District index containing the point, or -1. */
  locate(lon: number, lat: number): number;
}

export function buildGeography(rng: Rng): Geography {
  const cellW = (BBOX.east - BBOX.west) / COLS;
  const cellH = (BBOX.north - BBOX.south) / ROWS;
  // Grid vertices, jittered; outer vertices move less so the outline stays a country, not confetti.
  const vertex: [number, number][][] = [];
  for (let i = 0; i <= COLS; i++) {
    vertex.push([]);
    for (let j = 0; j <= ROWS; j++) {
      const edge = i === 0 || j === 0 || i === COLS || j === ROWS;
      const k = edge ? 0.12 : 0.3;
      vertex[i].push([BBOX.west + (i + rng.normal(0, k / 2)) * cellW, BBOX.south + (j + rng.normal(0, k / 2)) * cellH]);
    }
  }
  // Each grid edge becomes a wiggly polyline, generated once so neighbours share it exactly.
  const edges = new Map<string, Ring>();
  const edgeLine = (a: [number, number], b: [number, number]): Ring => {
    const key = (p: [number, number]) => `${p[0]},${p[1]}`;
    const fwd = `${key(a)}|${key(b)}`;
    const rev = `${key(b)}|${key(a)}`;
    if (edges.has(fwd)) return edges.get(fwd)!;
    if (edges.has(rev)) return [...edges.get(rev)!].reverse();
    const [ax, ay] = vertex[a[0]][a[1]];
    const [bx, by] = vertex[b[0]][b[1]];
    const line: Ring = [[ax, ay]];
    const nx = -(by - ay), ny = bx - ax;
    for (let s = 1; s < EDGE_SEGMENTS; s++) {
      const t = s / EDGE_SEGMENTS;
      const off = rng.normal(0, 0.05) * Math.sin(Math.PI * t);
      line.push([ax + (bx - ax) * t + nx * off, ay + (by - ay) * t + ny * off]);
    }
    line.push([bx, by]);
    edges.set(fwd, line);
    return line;
  };
  // Walk a rectangle of grid cells counter-clockwise: bottom, right, top, left.
  const blockRing = (c0: number, c1: number, r0: number, r1: number): Ring => {
    const corners: [number, number][] = [];
    for (let i = c0; i <= c1 + 1; i++) corners.push([i, r0]);
    for (let j = r0 + 1; j <= r1 + 1; j++) corners.push([c1 + 1, j]);
    for (let i = c1; i >= c0; i--) corners.push([i, r1 + 1]);
    for (let j = r1; j >= r0; j--) corners.push([c0, j]);
    const ring: Ring = [];
    for (let k = 0; k < corners.length - 1; k++) ring.push(...edgeLine(corners[k], corners[k + 1]).slice(0, -1));
    ring.push(ring[0]);
    return ring;
  };

  const provinceOf = (col: number, row: number) =>
    PROVINCE_BLOCKS.findIndex(([[c0, c1], [r0, r1]]) => col >= c0 && col <= c1 && row >= r0 && row <= r1);

  const districts: District[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      const ring = blockRing(col, col, row, row);
      districts.push({ index: districts.length, col, row, province: provinceOf(col, row), ring, centroid: ringCentroid(ring) });
    }
  }
  const provinces: Province[] = PROVINCE_BLOCKS.map(([cols, rows], index) => ({
    index, cols, rows, ring: blockRing(cols[0], cols[1], rows[0], rows[1]),
  }));

  const locate = (lon: number, lat: number) => {
    const col = Math.floor((lon - BBOX.west) / cellW);
    const row = Math.floor((lat - BBOX.south) / cellH);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const c = col + dc, r = row + dr;
        if (c < 0 || r < 0 || c >= COLS || r >= ROWS) continue;
        const d = districts[r * COLS + c];
        if (pointInRing(lon, lat, d.ring)) return d.index;
      }
    }
    return -1;
  };
  return { districts, provinces, locate };
}

export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringCentroid(ring: Ring): [number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Area of a lon/lat ring in km² (equirectangular at the ring's latitude; fine at district size). */
export function ringAreaKm2(ring: Ring): number {
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110.57;
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * kx * ring[i + 1][1] * ky - ring[i + 1][0] * kx * ring[i][1] * ky;
  return Math.abs(a) / 2;
}

/** Great-circle distance in km (haversine, R = 6371 km), for the generator's own use. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A closed ring of `n` points round `centre`, an ellipse of radii rx, ry whose radius wobbles by a factor drawn in
 * [r0, r0 + spread) at each point: a lake or a patch of forest. Draws n numbers from `rng`, in order.
 */
export function noisyOval(centre: [number, number], rx: number, ry: number, n: number, r0: number, spread: number, rng: Rng): Ring {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (i / n) * 2 * Math.PI, r = r0 + spread * rng();
    return [centre[0] + rx * r * Math.cos(a), centre[1] + ry * r * Math.sin(a)] as [number, number];
  });
  return [...pts, pts[0]];
}
