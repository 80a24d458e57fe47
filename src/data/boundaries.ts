import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/** Boundaries: GeoJSON (or TopoJSON) polygons keyed by region_id, normalised for d3-geo (which Observable Plot uses). */
export type BoundaryProperties = { region_id: string; level: number; parent_id: string | null; name: string };
export type BoundaryFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, BoundaryProperties>;

/** Signed planar area of a lon/lat ring: > 0 when counter-clockwise. */
function signedArea(ring: GeoJSON.Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/**
 * d3-geo reads spherical polygons with the exterior ring clockwise; RFC 7946 GeoJSON (and most writers) use
 * counter-clockwise. Read as-is, an RFC polygon covers the whole globe minus the district. Rewind: exterior
 * clockwise, holes counter-clockwise.
 */
export function rewindForD3<G extends GeoJSON.Polygon | GeoJSON.MultiPolygon>(geometry: G): G {
  const fix = (rings: GeoJSON.Position[][]) =>
    rings.map((ring, i) => ((i === 0) === signedArea(ring) > 0 ? [...ring].reverse() : ring));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: fix(geometry.coordinates) };
  return { ...geometry, coordinates: (geometry as GeoJSON.MultiPolygon).coordinates.map(fix) };
}

/** TopoJSON -> the features of all its objects (topojson-client does the arc decoding). */
export function topologyFeatures(topology: Topology): GeoJSON.Feature[] {
  return Object.values(topology.objects).flatMap((obj) => {
    const f = feature(topology, obj) as GeoJSON.FeatureCollection | GeoJSON.Feature;
    return f.type === 'FeatureCollection' ? f.features : [f];
  });
}

function fromTopology(topology: Topology): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: topologyFeatures(topology) };
}

/** Parse GeoJSON or TopoJSON polygons with a `region_id` property; say clearly what is wrong otherwise. */
export function parseBoundaries(json: unknown, file: string): BoundaryFeature[] {
  const input = json as { type?: string; objects?: unknown };
  const fc = (input && input.type === 'Topology' && input.objects ? fromTopology(json as Topology) : json) as GeoJSON.FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection or a TopoJSON Topology`);
  return fc.features.map((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`${file}: feature ${i + 1} is not a Polygon or MultiPolygon`);
    const p = (f.properties ?? {}) as Partial<BoundaryProperties>;
    if (typeof p.region_id !== 'string' || p.region_id === '') throw new Error(`${file}: feature ${i + 1} has no region_id property`);
    return {
      type: 'Feature',
      geometry: rewindForD3(g),
      properties: { region_id: p.region_id, level: Number(p.level ?? 2), parent_id: p.parent_id ?? null, name: String(p.name ?? p.region_id) },
    };
  });
}
