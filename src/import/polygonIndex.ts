import Flatbush from 'flatbush';

type Ring = number[][];
type Rings = Ring[];

/**
 * A ring prepared for fast even-odd tests: its edges bucketed into horizontal strips, so that a test looks only
 * at the edges crossing the point's strip (real district outlines have thousands of vertices).
 */
interface StripRing {
  xy: Float64Array;
  minY: number;
  stripHeight: number;
  /** Edge indices of strip k are edges[offsets[k] .. offsets[k + 1]). */
  offsets: Int32Array;
  edges: Int32Array;
}

function prepareRing(ring: Ring): StripRing {
  const n = ring.length;
  const xy = new Float64Array(n * 2);
  let minY = Infinity, maxY = -Infinity;
  ring.forEach(([x, y], i) => {
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  const strips = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(n))));
  const stripHeight = (maxY - minY) / strips || 1;
  const stripOf = (y: number) => Math.min(strips - 1, Math.max(0, Math.floor((y - minY) / stripHeight)));
  const counts = new Int32Array(strips + 1);
  for (let i = 0; i < n - 1; i++) {
    const a = stripOf(Math.min(xy[2 * i + 1], xy[2 * i + 3])), b = stripOf(Math.max(xy[2 * i + 1], xy[2 * i + 3]));
    for (let k = a; k <= b; k++) counts[k + 1]++;
  }
  for (let k = 0; k < strips; k++) counts[k + 1] += counts[k];
  const edges = new Int32Array(counts[strips]);
  const fill = counts.slice(0, strips);
  for (let i = 0; i < n - 1; i++) {
    const a = stripOf(Math.min(xy[2 * i + 1], xy[2 * i + 3])), b = stripOf(Math.max(xy[2 * i + 1], xy[2 * i + 3]));
    for (let k = a; k <= b; k++) edges[fill[k]++] = i;
  }
  return { xy, minY, stripHeight, offsets: counts, edges };
}

/** Even-odd ray casting over the edges of the point's strip (edge i joins vertex i and i + 1; rings are closed). */
function insideStripRing(r: StripRing, x: number, y: number): boolean {
  const strips = r.offsets.length - 1;
  const k = Math.floor((y - r.minY) / r.stripHeight);
  if (k < 0 || k > strips || (k === strips && y > r.minY + strips * r.stripHeight)) return false;
  const s = Math.min(strips - 1, k);
  let inside = false;
  const xy = r.xy;
  for (let e = r.offsets[s]; e < r.offsets[s + 1]; e++) {
    const i = r.edges[e];
    const xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * i + 2], yj = xy[2 * i + 3];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Cell states of the answer grid: not looked at yet, or crossed by an edge (points there take the exact test). */
const UNKNOWN = -2;
const BORDER = -3;

/**
 * Point-in-polygon against many polygons: a Flatbush R-tree of the polygons' bounding boxes picks the few
 * candidates, then an even-odd ray-casting test (holes included) decides. Planar lon/lat, which is what GIS
 * tools do for boundaries drawn in WGS84. A point on a shared border goes to the first polygon that holds it.
 *
 * In front of that, a grid of answers: a cell that no edge touches lies wholly inside one polygon (or in none), so
 * the first point in it is tested exactly and every later one reads the answer. Cells an edge's bounding box
 * touches are marked border and always take the exact test, so the grid never changes an answer; on national
 * boundaries most points fall in the interior cells (1 M points on the Sierra Leone districts: see the bench).
 */
export class PolygonIndex {
  private readonly index: Flatbush;
  private readonly polygons: Rings[][];
  private readonly prepared: StripRing[][][];
  readonly ids: string[];
  private readonly grid: { x0: number; y0: number; cell: number; cols: number; rows: number; answer: Int32Array } | null;

  constructor(items: readonly { id: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[], o: { grid?: boolean } = {}) {
    this.ids = items.map((x) => x.id);
    this.polygons = items.map((x) => (x.geometry.type === 'Polygon' ? [x.geometry.coordinates] : x.geometry.coordinates));
    this.prepared = this.polygons.map((parts) => parts.map((rings) => rings.map(prepareRing)));
    this.index = new Flatbush(Math.max(1, items.length));
    for (const parts of this.polygons) {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const rings of parts) for (const [x, y] of rings[0] ?? []) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
      this.index.add(minX, minY, maxX, maxY);
    }
    if (items.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.grid = o.grid === false || items.length === 0 ? null : this.buildGrid();
  }

  /** About 4 cells per ring vertex, at most 1024 x 1024 (4 MB), square cells over the polygons' extent. */
  private buildGrid() {
    const { minX, minY, maxX, maxY } = this.index;
    const vertices = this.prepared.flat(2).reduce((a, r) => a + r.xy.length / 2, 0);
    const side = Math.max(64, Math.min(1024, Math.ceil(2 * Math.sqrt(vertices))));
    const cell = Math.max(maxX - minX, maxY - minY) / side;
    if (!(cell > 0)) return null;
    const cols = Math.ceil((maxX - minX) / cell) + 1, rows = Math.ceil((maxY - minY) / cell) + 1;
    const answer = new Int32Array(cols * rows).fill(UNKNOWN);
    const cx = (x: number) => Math.floor((x - minX) / cell), cy = (y: number) => Math.floor((y - minY) / cell);
    for (const r of this.prepared.flat(2)) {
      const xy = r.xy;
      for (let i = 0; i + 3 < xy.length; i += 2) {
        const a = cx(Math.min(xy[i], xy[i + 2])), b = cx(Math.max(xy[i], xy[i + 2]));
        const c = cy(Math.min(xy[i + 1], xy[i + 3])), d = cy(Math.max(xy[i + 1], xy[i + 3]));
        for (let y = c; y <= d; y++) for (let x = a; x <= b; x++) answer[y * cols + x] = BORDER;
      }
    }
    return { x0: minX, y0: minY, cell, cols, rows, answer };
  }

  /** Index of the polygon holding (lon, lat), or -1. */
  locate(lon: number, lat: number): number {
    const g = this.grid;
    if (g) {
      const x = Math.floor((lon - g.x0) / g.cell), y = Math.floor((lat - g.y0) / g.cell);
      if (x < 0 || y < 0 || x >= g.cols || y >= g.rows) return -1;
      const k = y * g.cols + x;
      const a = g.answer[k];
      if (a >= -1) return a;
      if (a === UNKNOWN) return (g.answer[k] = this.locateExact(lon, lat));
    }
    return this.locateExact(lon, lat);
  }

  /** The exact test: bounding-box candidates in order, then even-odd ray casting over the strip's edges. */
  private locateExact(lon: number, lat: number): number {
    if (this.ids.length === 0) return -1;
    const candidates = this.index.search(lon, lat, lon, lat);
    candidates.sort((a, b) => a - b);
    for (const i of candidates) if (this.contains(i, lon, lat)) return i;
    return -1;
  }

  contains(i: number, lon: number, lat: number): boolean {
    for (const rings of this.prepared[i]) {
      if (!insideStripRing(rings[0], lon, lat)) continue;
      let inHole = false;
      for (let h = 1; h < rings.length; h++) if (insideStripRing(rings[h], lon, lat)) inHole = true;
      if (!inHole) return true;
    }
    return false;
  }

  /**
   * The polygon nearest to a point that falls in none (a clinic on the coast, a raster cell over a lagoon),
   * if its edge is within maxKm. Distances on an equirectangular approximation, fine at this range.
   */
  nearest(lon: number, lat: number, maxKm: number): { index: number; km: number } | null {
    const degLat = maxKm / 111.32;
    const degLon = degLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    const candidates = this.index.search(lon - degLon, lat - degLat, lon + degLon, lat + degLat);
    let best: { index: number; km: number } | null = null;
    const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
    for (const i of candidates) {
      for (const rings of this.polygons[i]) for (const ring of rings) {
        for (let j = 0; j < ring.length - 1; j++) {
          const km = segmentKm(lon, lat, ring[j], ring[j + 1], kx);
          if (km <= maxKm && (!best || km < best.km)) best = { index: i, km };
        }
      }
    }
    return best;
  }
}


function segmentKm(x: number, y: number, a: number[], b: number[], kx: number): number {
  const ax = (a[0] - x) * kx, ay = (a[1] - y) * 111.32, bx = (b[0] - x) * kx, by = (b[1] - y) * 111.32;
  const dx = bx - ax, dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
