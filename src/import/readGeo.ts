import { getShapefile } from 'shpjs';
import { unzipSync } from 'fflate';
import { topologyFeatures } from '../data/boundaries';
import type { Topology } from 'topojson-specification';
import { reprojectGeometry, reprojectorFromCrsName, reprojectorFromPrj } from './reproject';

export type GeoKind = 'points' | 'polygons' | 'mixed' | 'empty';

/** A vector layer in WGS84 longitude/latitude, whatever it came from. */
export interface GeoLayer {
  file: string;
  kind: GeoKind;
  features: GeoJSON.Feature[];
  /** Property names, in first-seen order. */
  columns: string[];
  /** How the coordinates were brought to WGS84 ("none" when they already were). */
  reprojected: string;
}

const decoder = new TextDecoder();

/** GeoJSON or TopoJSON text. */
export function readGeoJson(text: string, file: string): GeoLayer {
  let json: { type?: string; objects?: unknown; features?: unknown; crs?: { properties?: { name?: string; code?: string } } };
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  let features: GeoJSON.Feature[];
  if (json?.type === 'Topology' && json.objects) {
    features = topologyFeatures(json as unknown as Topology);
  } else if (json?.type === 'FeatureCollection' && Array.isArray(json.features)) {
    features = json.features as GeoJSON.Feature[];
  } else if (json?.type === 'Feature') {
    features = [json as unknown as GeoJSON.Feature];
  } else {
    throw new Error(`${file}: not a GeoJSON FeatureCollection or a TopoJSON Topology`);
  }
  const crs = json.crs?.properties?.name ?? (json.crs?.properties?.code ? `EPSG:${json.crs.properties.code}` : undefined);
  const f = reprojectorFromCrsName(crs);
  for (const x of features) reprojectGeometry(x.geometry, f);
  return finish(file, features, f ? `from ${crs}` : 'none');
}

/** Loose shapefile parts: .shp with .dbf, .prj and .cpg when present (the .dbf code page comes from .cpg). */
export async function readShapefileParts(
  parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array },
  file: string,
): Promise<GeoLayer> {
  const prj = parts.prj ? decoder.decode(parts.prj) : undefined;
  const f = prj ? reprojectorFromPrj(prj) : null;
  // shpjs would reproject too, but silently keeps projected metres when proj4 cannot read the .prj: do it here.
  const fc = await getShapefile({ shp: parts.shp, dbf: parts.dbf, cpg: parts.cpg ? decoder.decode(parts.cpg).trim() : undefined });
  for (const x of fc.features) reprojectGeometry(x.geometry, f);
  return finish(file, fc.features, f ? 'from the .prj' : 'none');
}

/** A zipped shapefile: every layer in the archive (OCHA and geoBoundaries ship one per zip). */
export async function readShapefileZip(bytes: Uint8Array, file: string): Promise<GeoLayer[]> {
  const entries = unzipSync(bytes);
  const byBase = new Map<string, Record<string, Uint8Array>>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.includes('__MACOSX')) continue;
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(name);
    if (!m) continue;
    const parts = byBase.get(m[1]) ?? {};
    parts[m[2].toLowerCase()] = data;
    byBase.set(m[1], parts);
  }
  const layers: GeoLayer[] = [];
  for (const [base, parts] of byBase) {
    if (!parts.shp) continue;
    const name = `${file}:${base.split('/').pop()}.shp`;
    layers.push(await readShapefileParts(parts as { shp: Uint8Array }, name));
  }
  if (layers.length === 0) throw new Error(`${file}: no .shp inside the zip`);
  return layers;
}

function finish(file: string, features: GeoJSON.Feature[], reprojected: string): GeoLayer {
  let points = 0;
  let polygons = 0;
  const columns = new Set<string>();
  for (const f of features) {
    const t = f.geometry?.type;
    if (t === 'Point' || t === 'MultiPoint') points++;
    else if (t === 'Polygon' || t === 'MultiPolygon') polygons++;
    for (const k of Object.keys(f.properties ?? {})) columns.add(k);
  }
  checkDegrees(features, file);
  const kind: GeoKind = features.length === 0 ? 'empty' : points && polygons ? 'mixed' : points ? 'points' : polygons ? 'polygons' : 'mixed';
  return { file, kind, features, columns: [...columns], reprojected };
}

/** Projected metres left as they are would put the country in the ocean or off the globe: say so. */
function checkDegrees(features: GeoJSON.Feature[], file: string): void {
  for (const f of features) {
    const first = firstPosition(f.geometry);
    if (first && (Math.abs(first[0]) > 180 || Math.abs(first[1]) > 90)) {
      throw new Error(`${file}: coordinates such as ${first[0].toFixed(0)}, ${first[1].toFixed(0)} are not longitude/latitude: include the .prj file (or save the layer in WGS84)`);
    }
  }
}

function firstPosition(g: GeoJSON.Geometry | null): number[] | null {
  if (!g) return null;
  if (g.type === 'GeometryCollection') return g.geometries.length ? firstPosition(g.geometries[0]) : null;
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? (c as number[]) : null;
}
