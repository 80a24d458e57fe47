import { topologyFeatures } from './boundaries';
import type { Topology } from 'topojson-specification';

/** One problem with a boundaries file, in the validator's terms (rule, rows concerned, examples). */
export interface BoundaryProblem {
  rule: string;
  severity: 'error' | 'warning';
  rows: number | null;
  message: string;
  examples: string[];
}

export interface BoundaryReport {
  features: number;
  problems: BoundaryProblem[];
}

/**
 * Check a boundaries GeoJSON/TopoJSON as the maps read it: polygons with a `region_id` property, each
 * resolving in the regions table when one is known (`regionIds`), and every district of the deepest level
 * drawn. Points are facilities, not boundaries: say so and point to Import.
 */
export function validateBoundaries(text: string, regionIds: ReadonlySet<string> | null, leafIds: ReadonlySet<string> | null = null): BoundaryReport {
  let json: { type?: string; objects?: unknown; features?: unknown };
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { features: 0, problems: [{ rule: 'readable', severity: 'error', rows: null, message: `not valid JSON (${(e as Error).message})`, examples: [] }] };
  }
  let features: GeoJSON.Feature[];
  if (json?.type === 'Topology' && json.objects) {
    features = topologyFeatures(json as unknown as Topology);
  } else if (json?.type === 'FeatureCollection' && Array.isArray(json.features)) {
    features = json.features as GeoJSON.Feature[];
  } else {
    return { features: 0, problems: [{ rule: 'format', severity: 'error', rows: null, message: 'not a GeoJSON FeatureCollection or a TopoJSON Topology', examples: [] }] };
  }
  const problems: BoundaryProblem[] = [];
  const add = (rule: string, severity: 'error' | 'warning', items: string[], message: string) => {
    if (items.length) problems.push({ rule, severity, rows: items.length, message, examples: items.slice(0, 5) });
  };
  const points = features.filter((f) => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint');
  if (points.length && points.length === features.length) {
    problems.push({ rule: 'geometry type', severity: 'error', rows: points.length, message: 'this GeoJSON holds points: facilities, not boundaries; use Import (npm run import) to make facilities.parquet from it', examples: [] });
    return { features: features.length, problems };
  }
  const label = (f: GeoJSON.Feature, i: number) => String(f.properties?.region_id ?? f.properties?.name ?? `feature ${i + 1}`);
  add('geometry type', 'error', features.map((f, i) => (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon' ? '' : `${label(f, i)} (${f.geometry?.type ?? 'no geometry'})`)).filter(Boolean), 'features that are not Polygon or MultiPolygon');
  const ids = features.map((f) => f.properties?.region_id);
  const keyless = features.find((f) => typeof f.properties?.region_id !== 'string' || f.properties.region_id === '');
  add('region_id present', 'error', features.map((_, i) => (typeof ids[i] === 'string' && ids[i] !== '' ? '' : `feature ${i + 1}`)).filter(Boolean),
    `features without a region_id property${keyless?.properties ? ` (properties: ${Object.keys(keyless.properties).slice(0, 6).join(', ')}); use Import to key them by region` : ''}`);
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const id of ids) if (typeof id === 'string') (seen.has(id) ? dups : seen).add(id);
  add('region_id unique', 'error', [...dups], 'region_id values drawn twice');
  if (regionIds) {
    add('key resolves', 'error', [...seen].filter((id) => !regionIds.has(id)), 'region_id values not in the regions table');
    if (leafIds) add('every district drawn', 'warning', [...leafIds].filter((id) => !seen.has(id)), 'districts of the regions table with no shape (they will be missing from the maps)');
  }
  return { features: features.length, problems };
}
