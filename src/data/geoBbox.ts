/** [west, south, east, north] in degrees of every position of some geometries; null when there is none. */
export function geoBbox(geometries: Iterable<GeoJSON.Geometry | null>): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1] as number); n = Math.max(n, c[1] as number);
      return;
    }
    for (const inner of c) walk(inner);
  };
  for (const g of geometries) {
    if (!g) continue;
    if (g.type === 'GeometryCollection') {
      const b = geoBbox(g.geometries);
      if (b) walk([[b[0], b[1]], [b[2], b[3]]]);
    } else walk(g.coordinates);
  }
  return w <= e && s <= n ? [w, s, e, n] : null;
}
