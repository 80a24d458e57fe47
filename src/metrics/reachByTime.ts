/**
 * Reach by travel time: the glue between points (people, facilities) and a travel-time surface, and the shares of
 * people within 30 / 60 / 120 minutes (AccessMod's zonal statistics at several thresholds; the 2-hour one is the
 * Lancet Commission on Global Surgery's target). Pure functions over typed arrays, tested in Node.
 */
import { ACCESSMOD_SPEEDS_KMH, WALKING_SPEED_KMH, type LatLonGrid } from './frictionSurface';
import { haversineKm } from './access';

export const REACH_THRESHOLDS_MIN = [30, 60, 120] as const;
export type TravelMode = 'walking' | 'motorised';

/**
 * Road speeds per mode. Walking: 5 km/h on and off roads (roads only matter as bridges over rivers); motorised:
 * AccessMod's class speeds on roads, walking off-road to reach one (as AccessMod's default "motorized" scenario).
 */
export function speedsFor(mode: TravelMode): Record<string, number> {
  if (mode === 'motorised') return { ...ACCESSMOD_SPEEDS_KMH };
  return Object.fromEntries(Object.keys(ACCESSMOD_SPEEDS_KMH).map((k) => [k, WALKING_SPEED_KMH]));
}

/** A lat/lon grid of ~cellKm cells covering the points' bounding box plus one cell all round. */
export function gridAround(lons: ArrayLike<number>, lats: ArrayLike<number>, cellKm = 1): LatLonGrid {
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < lons.length; i++) {
    w = Math.min(w, lons[i]); e = Math.max(e, lons[i]); s = Math.min(s, lats[i]); n = Math.max(n, lats[i]);
  }
  if (!(w <= e && s <= n)) throw new RangeError('gridAround: no points');
  const cellLatDeg = cellKm / ((Math.PI / 180) * 6371);
  const cellLonDeg = cellLatDeg / Math.cos((((s + n) / 2) * Math.PI) / 180);
  return {
    west: w - cellLonDeg, north: n + cellLatDeg, cellLonDeg, cellLatDeg,
    width: Math.ceil((e - w) / cellLonDeg) + 2, height: Math.ceil((n - s) / cellLatDeg) + 2,
  };
}

/** Cell index of a point, or -1 outside the grid. */
export function cellOf(g: LatLonGrid, lon: number, lat: number): number {
  const c = Math.floor((lon - g.west) / g.cellLonDeg);
  const r = Math.floor((g.north - lat) / g.cellLatDeg);
  return c >= 0 && c < g.width && r >= 0 && r < g.height ? r * g.width + c : -1;
}

/** The cell itself when passable, else its passable 8-neighbour with the lowest value (-1 if none). */
function landCell(g: LatLonGrid, friction: Float32Array, cell: number, value?: Float32Array): number {
  if (cell < 0 || !Number.isNaN(friction[cell])) return cell;
  const r = Math.floor(cell / g.width), c = cell % g.width;
  let best = -1;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const rr = r + dr, cc = c + dc;
      if (rr < 0 || rr >= g.height || cc < 0 || cc >= g.width) continue;
      const k = rr * g.width + cc;
      if (Number.isNaN(friction[k])) continue;
      if (best < 0 || (value && value[k] < value[best])) best = k;
    }
  }
  return best;
}

/**
 * Start cells of the facilities. A facility on a water cell (a 1 km cell a river crosses is mostly land) starts from a
 * dry neighbour; one outside the grid or surrounded by water is left out. Returns the cells and which facility each is.
 */
export function facilityCells(g: LatLonGrid, friction: Float32Array, lons: ArrayLike<number>, lats: ArrayLike<number>): { cells: Int32Array; index: Int32Array } {
  const cells: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < lons.length; i++) {
    const k = landCell(g, friction, cellOf(g, lons[i], lats[i]));
    if (k >= 0) { cells.push(k); index.push(i); }
  }
  return { cells: Int32Array.from(cells), index: Int32Array.from(index) };
}

/** Each point's cell, as sampleMinutes picks it (a water cell gives way to its quickest dry neighbour); -1 = none. */
export function pointCells(g: LatLonGrid, friction: Float32Array, minutes: Float32Array, lons: ArrayLike<number>, lats: ArrayLike<number>): Int32Array {
  const out = new Int32Array(lons.length);
  for (let i = 0; i < lons.length; i++) out[i] = landCell(g, friction, cellOf(g, lons[i], lats[i]), minutes);
  return out;
}

/** Minutes at each point's cell; on a water cell, the quickest dry neighbour (people live on the bank). */
export function sampleMinutes(g: LatLonGrid, friction: Float32Array, minutes: Float32Array, lons: ArrayLike<number>, lats: ArrayLike<number>): Float32Array {
  const out = new Float32Array(lons.length);
  for (let i = 0; i < lons.length; i++) {
    const k = landCell(g, friction, cellOf(g, lons[i], lats[i]), minutes);
    out[i] = k < 0 ? Infinity : minutes[k];
  }
  return out;
}

/**
 * Straight-line km from each point to its nearest facility (haversine, R = 6371 km), or Infinity with no facility.
 * Facilities are bucketed on a 0.05-degree grid (flat arrays, no object per bucket) and rings of buckets searched
 * outwards until no facility outside them can be closer, so it is exact without the full cross product.
 */
export function nearestKm(points: { lons: ArrayLike<number>; lats: ArrayLike<number> }, facilities: { lons: ArrayLike<number>; lats: ArrayLike<number> }): Float64Array {
  const out = new Float64Array(points.lons.length).fill(Infinity);
  const m = facilities.lons.length;
  if (!m) return out;
  const B = 0.05;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let j = 0; j < m; j++) {
    x0 = Math.min(x0, Math.floor(facilities.lons[j] / B)); x1 = Math.max(x1, Math.floor(facilities.lons[j] / B));
    y0 = Math.min(y0, Math.floor(facilities.lats[j] / B)); y1 = Math.max(y1, Math.floor(facilities.lats[j] / B));
  }
  const nx = x1 - x0 + 1, ny = y1 - y0 + 1;
  const bucketOf = (j: number) => (Math.floor(facilities.lats[j] / B) - y0) * nx + Math.floor(facilities.lons[j] / B) - x0;
  // Compressed rows: facilities of bucket b are order[start[b] .. start[b + 1]).
  const start = new Int32Array(nx * ny + 1);
  for (let j = 0; j < m; j++) start[bucketOf(j) + 1]++;
  for (let b = 0; b < nx * ny; b++) start[b + 1] += start[b];
  const fill = start.slice(0, nx * ny);
  const order = new Int32Array(m);
  for (let j = 0; j < m; j++) order[fill[bucketOf(j)]++] = j;
  // A facility outside ring k differs from the point by at least k buckets in latitude or in longitude; a degree of
  // longitude is at least cos(|lat| + 5 degrees) of a degree of latitude for any facility within 5 degrees (farther
  // ones are more than 555 km away, past any bound used here).
  const kmPerBucket = B * ((Math.PI / 180) * 6371);
  const maxRing = Math.max(nx, ny) + 1;
  for (let i = 0; i < points.lons.length; i++) {
    const [lon, lat] = [points.lons[i], points.lats[i]];
    const bx = Math.floor(lon / B) - x0, by = Math.floor(lat / B) - y0;
    const cosLat = Math.cos((Math.min(89, Math.abs(lat) + 5) * Math.PI) / 180);
    let best = Infinity;
    for (let k = 0; k <= maxRing + Math.max(Math.abs(bx), Math.abs(by)); k++) {
      for (let dy = -k; dy <= k; dy++) {
        const y = by + dy;
        if (y < 0 || y >= ny) continue;
        const step = Math.abs(dy) === k ? 1 : 2 * k;
        for (let dx = -k; dx <= k; dx += step) {
          const x = bx + dx;
          if (x < 0 || x >= nx) continue;
          const b = y * nx + x;
          for (let q = start[b]; q < start[b + 1]; q++) {
            const j = order[q];
            best = Math.min(best, haversineKm(lat, lon, facilities.lats[j], facilities.lons[j]));
          }
        }
      }
      if (best <= k * kmPerBucket * cosLat) break;
    }
    out[i] = best;
  }
  return out;
}

/** The straight-line estimate the rest of the Access view uses: km x circuity / speed (access.ts travelMinutes). */
export function straightLineMinutes(km: Float64Array, speedKmh: number, circuity: number): Float32Array {
  return Float32Array.from(km, (d) => (d * circuity * 60) / speedKmh);
}

export interface ReachRow {
  region_id: string;
  population: number;
  /** Population within each of `thresholds` minutes (inclusive). */
  within: number[];
}

/** Population within each threshold per district and nationally (region_id ''), by the minutes of each point. */
export function reachShares(regionIds: readonly string[], population: ArrayLike<number>, minutes: Float32Array, thresholds: readonly number[] = REACH_THRESHOLDS_MIN): { districts: ReachRow[]; national: ReachRow } {
  const by = new Map<string, ReachRow>();
  const national: ReachRow = { region_id: '', population: 0, within: thresholds.map(() => 0) };
  for (let i = 0; i < regionIds.length; i++) {
    let row = by.get(regionIds[i]);
    if (!row) by.set(regionIds[i], (row = { region_id: regionIds[i], population: 0, within: thresholds.map(() => 0) }));
    const p = population[i];
    row.population += p;
    national.population += p;
    thresholds.forEach((t, k) => {
      if (minutes[i] <= t) { row!.within[k] += p; national.within[k] += p; }
    });
  }
  return { districts: [...by.values()].sort((a, b) => (a.region_id < b.region_id ? -1 : 1)), national };
}
