import Flatbush from 'flatbush';

type Ring = number[][];
type Rings = Ring[];

/**
 * Point-in-polygon against many polygons: a Flatbush R-tree of the polygons' bounding boxes picks the few
 * candidates, then an even-odd ray-casting test (holes included) decides. Planar lon/lat, which is what GIS
 * tools do for boundaries drawn in WGS84. A point on a shared border goes to the first polygon that holds it.
 */
export class PolygonIndex {
  private readonly index: Flatbush;
  private readonly polygons: Rings[][];
  readonly ids: string[];

  constructor(items: readonly { id: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[]) {
    this.ids = items.map((x) => x.id);
    this.polygons = items.map((x) => (x.geometry.type === 'Polygon' ? [x.geometry.coordinates] : x.geometry.coordinates));
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
  }

  /** Index of the polygon holding (lon, lat), or -1. */
  locate(lon: number, lat: number): number {
    if (this.ids.length === 0) return -1;
    const candidates = this.index.search(lon, lat, lon, lat);
    candidates.sort((a, b) => a - b);
    for (const i of candidates) if (this.contains(i, lon, lat)) return i;
    return -1;
  }

  contains(i: number, lon: number, lat: number): boolean {
    for (const rings of this.polygons[i]) {
      if (!insideRing(rings[0], lon, lat)) continue;
      let inHole = false;
      for (let h = 1; h < rings.length; h++) if (insideRing(rings[h], lon, lat)) inHole = true;
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

function insideRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentKm(x: number, y: number, a: number[], b: number[], kx: number): number {
  const ax = (a[0] - x) * kx, ay = (a[1] - y) * 111.32, bx = (b[0] - x) * kx, by = (b[1] - y) * 111.32;
  const dx = bx - ax, dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
