/**
 * The optional travel-time part of the data contract, beside boundaries.geojson:
 *  - roads.geojson: LineString / MultiLineString features with a `class` property (one of ROAD_CLASSES);
 *  - barriers.geojson: water the walker cannot cross, Polygon / MultiPolygon (lakes) or LineString / MultiLineString
 *    (rivers). A road drawn across a barrier is a bridge;
 *  - landcover.geojson: Polygon / MultiPolygon features with a `class` property (one of LANDCOVER_CLASSES): the ground
 *    people walk over off the roads (dense vegetation is slow going); outside every polygon the default walking speed.
 * Each problem names the file, the feature (1-based) and the rule broken.
 */
/** The classes frictionSurface has a default speed for (AccessMod's; the test keeps the two lists equal). */
export const ROAD_CLASSES: readonly string[] = ['primary', 'trunk', 'secondary', 'tertiary', 'residential', 'unclassified', 'track', 'path'];

/** The land-cover classes frictionSurface has a default walking speed for (AccessMod's table; the test keeps the two lists equal). */
export const LANDCOVER_CLASSES: readonly string[] = ['built_up', 'bare', 'low_vegetation', 'medium_vegetation', 'dense_vegetation'];

export type RoadLine = { class: string; geometry: GeoJSON.LineString | GeoJSON.MultiLineString };
export type LandCoverArea = { class: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon };
export type BarrierShape = GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.LineString | GeoJSON.MultiLineString;

function features(json: unknown, file: string): GeoJSON.Feature[] {
  const fc = json as GeoJSON.FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  return fc.features;
}

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

function checkLines(lines: unknown, file: string, i: number): void {
  if (!Array.isArray(lines) || !lines.every((l) => Array.isArray(l) && l.length >= 2 && l.every(isPosition))) {
    throw new Error(`${file}: feature ${i + 1}: every line needs at least 2 positions [lon, lat] with lon in -180..180 and lat in -90..90`);
  }
}

export function parseRoads(json: unknown, file = 'roads.geojson'): RoadLine[] {
  return features(json, file).map((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) throw new Error(`${file}: feature ${i + 1} is a ${g?.type ?? 'null geometry'}; roads must be LineString or MultiLineString`);
    checkLines(g.type === 'LineString' ? [g.coordinates] : g.coordinates, file, i);
    const cls = (f.properties ?? {}).class;
    if (typeof cls !== 'string' || !ROAD_CLASSES.includes(cls)) throw new Error(`${file}: feature ${i + 1} has class ${JSON.stringify(cls ?? null)}; known classes are ${ROAD_CLASSES.join(', ')}`);
    return { class: cls, geometry: g };
  });
}

function checkRings(g: GeoJSON.Polygon | GeoJSON.MultiPolygon, file: string, i: number): void {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  if (!rings.every((r) => Array.isArray(r) && r.length >= 4 && r.every(isPosition))) throw new Error(`${file}: feature ${i + 1}: every polygon ring needs at least 4 positions [lon, lat] (closed)`);
}

export function parseBarriers(json: unknown, file = 'barriers.geojson'): BarrierShape[] {
  return features(json, file).map((f, i) => {
    const g = f.geometry;
    if (!g) throw new Error(`${file}: feature ${i + 1} has no geometry`);
    if (g.type === 'LineString' || g.type === 'MultiLineString') checkLines(g.type === 'LineString' ? [g.coordinates] : g.coordinates, file, i);
    else if (g.type === 'Polygon' || g.type === 'MultiPolygon') checkRings(g, file, i);
    else throw new Error(`${file}: feature ${i + 1} is a ${g.type}; barriers must be Polygon, MultiPolygon (lakes), LineString or MultiLineString (rivers)`);
    return g;
  });
}

export function parseLandCover(json: unknown, file = 'landcover.geojson'): LandCoverArea[] {
  return features(json, file).map((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`${file}: feature ${i + 1} is a ${g?.type ?? 'null geometry'}; land cover must be Polygon or MultiPolygon`);
    checkRings(g, file, i);
    const cls = (f.properties ?? {}).class;
    if (typeof cls !== 'string' || !LANDCOVER_CLASSES.includes(cls)) throw new Error(`${file}: feature ${i + 1} has class ${JSON.stringify(cls ?? null)}; known land-cover classes are ${LANDCOVER_CLASSES.join(', ')}`);
    return { class: cls, geometry: g };
  });
}
