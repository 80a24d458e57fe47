/**
 * The user's travel-time files among the files dropped on the page: roads (lines with a `class` or OpenStreetMap
 * `highway` tag), barriers (water: polygons and lines with water tags, or a file named for water), land cover
 * (polygons with a land-cover `class` or an OpenStreetMap `natural` / `landuse` tag), and friction GeoTIFFs
 * (src/import/frictionTiff.ts). Everything else (boundaries, Parquet) is left to the other loaders.
 *
 * How a GeoJSON file is told apart, in this order:
 *  1. a feature with `region_id`, or a TopoJSON: boundaries;
 *  2. the file's name: `road` -> roads; `barrier`, `water`, `river`, `lake` -> barriers; `landcover`, `land_cover`,
 *     `vegetation` -> land cover;
 *  3. its features: lines with a road class or a `highway` tag -> roads; shapes with a water tag (`waterway`,
 *     `natural=water`, `water`) -> barriers; polygons with a land-cover class or tag -> land cover;
 *  4. lines with neither: refused with what to do (they could be roads or rivers; guessing would be worse);
 *     polygons with neither: left to the boundaries loader, which says a region_id is missing.
 */
import { FRICTION_FILE, frictionModeOf, readFrictionTiff, type FrictionRaster } from './frictionTiff';
import { LANDCOVER_CLASSES, parseBarriers, parseLandCover, ROAD_CLASSES, type BarrierShape, type LandCoverArea, type RoadLine } from '../data/travelLayers';

/**
 * OpenStreetMap `highway` values (wiki.openstreetmap.org/wiki/Key:highway) to AccessMod's speed classes. OSM's
 * motorway has no AccessMod class: it takes primary, the fastest (70 km/h). Service roads and living streets move like
 * residential streets; footways, cycleways, bridleways, steps and pedestrian ways like paths.
 */
export const OSM_HIGHWAY_CLASS: Readonly<Record<string, string>> = {
  motorway: 'primary', motorway_link: 'primary', trunk: 'trunk', trunk_link: 'trunk', primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary', tertiary: 'tertiary', tertiary_link: 'tertiary',
  residential: 'residential', living_street: 'residential', service: 'residential', unclassified: 'unclassified', road: 'unclassified',
  track: 'track', path: 'path', footway: 'path', bridleway: 'path', cycleway: 'path', steps: 'path', pedestrian: 'path',
};

/**
 * OpenStreetMap land tags (wiki.openstreetmap.org/wiki/Key:natural, Key:landuse) to the land-cover classes AccessMod's
 * walking speeds are given for: woods and forest are dense vegetation, scrub and heath medium, grass, meadows, fields
 * and wetlands low, towns built-up, rock and sand bare.
 */
export const OSM_LANDCOVER_CLASS: Readonly<Record<string, string>> = {
  'natural=wood': 'dense_vegetation', 'landuse=forest': 'dense_vegetation',
  'natural=scrub': 'medium_vegetation', 'natural=heath': 'medium_vegetation',
  'natural=grassland': 'low_vegetation', 'landuse=meadow': 'low_vegetation', 'landuse=grass': 'low_vegetation', 'landuse=farmland': 'low_vegetation',
  'natural=wetland': 'low_vegetation',
  'landuse=residential': 'built_up', 'landuse=commercial': 'built_up', 'landuse=industrial': 'built_up', 'landuse=retail': 'built_up',
  'natural=bare_rock': 'bare', 'natural=sand': 'bare', 'natural=scree': 'bare',
};
const landCoverClassOf = (p: GeoJSON.GeoJsonProperties): string | undefined => {
  if (!p) return undefined;
  if (LANDCOVER_CLASSES.includes(p.class)) return p.class;
  return OSM_LANDCOVER_CLASS[`natural=${p.natural}`] ?? OSM_LANDCOVER_CLASS[`landuse=${p.landuse}`];
};

export type TravelFileKind = 'roads' | 'barriers' | 'landcover' | 'friction' | 'surface';

/** A travel-time surface computed beforehand by `npm run travel-time` (travel_time_minutes.tif): minutes, Infinity = none. */
export interface PrecomputedSurface { file: string; grid: FrictionRaster['grid']; minutes: Float32Array; zeroCells: number }

export interface UserTravelLayers {
  roads: { file: string; roads: RoadLine[] } | null;
  barriers: { file: string; barriers: BarrierShape[] } | null;
  landCover: { file: string; areas: LandCoverArea[] } | null;
  /** Friction rasters by the mode their name says; `any` serves both. */
  friction: Partial<Record<'walking' | 'motorised' | 'any', FrictionRaster>>;
  /** When set, the page shows this surface as it is, instead of computing one. */
  surface?: PrecomputedSurface | null;
}

export interface TravelFileReport { file: string; kind: TravelFileKind; ok: boolean; count: number; message: string }

const WATER_NAME = /barrier|water|river|lake|hydro/i;
const ROAD_NAME = /road|highway|street/i;
const LANDCOVER_NAME = /land.?cover|vegetation/i;
const isLine = (g: GeoJSON.Geometry | null) => g?.type === 'LineString' || g?.type === 'MultiLineString';
const isArea = (g: GeoJSON.Geometry | null) => g?.type === 'Polygon' || g?.type === 'MultiPolygon';
const waterTagged = (p: GeoJSON.GeoJsonProperties) => Boolean(p && (p.waterway || p.natural === 'water' || p.water || p.natural === 'coastline'));
const roadTagged = (p: GeoJSON.GeoJsonProperties) => Boolean(p && (typeof p.highway === 'string' || ROAD_CLASSES.includes(p.class)));

/** Features a reader leaves out, counted by reason for its message ("skipped 3: highway=construction (2), ..."). */
function skipTally() {
  const skipped = new Map<string, number>();
  const list = () => [...skipped].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`).join(', ');
  return {
    skip: (why: string) => { skipped.set(why, (skipped.get(why) ?? 0) + 1); },
    list,
    suffix: () => (skipped.size ? `; skipped ${[...skipped.values()].reduce((a, b) => a + b, 0)}: ${list()}` : ''),
  };
}

/** "2 primary, 1 track": how many items of each class, in the classes' order, classes with none left out. */
const countByClass = (classes: readonly string[], items: readonly { class: string }[]) =>
  classes.map((c) => [c, items.filter((x) => x.class === c).length] as const).filter(([, n]) => n).map(([c, n]) => `${n} ${c}`).join(', ');

/** What a parsed GeoJSON/TopoJSON file is for: a travel layer, boundaries, or a refusal saying why. */
export function classifyGeoJson(json: unknown, file: string): { kind: 'roads' | 'barriers' | 'landcover' | 'boundaries' } | { kind: 'refused'; message: string } {
  const fc = json as GeoJSON.FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { kind: 'boundaries' };
  const features = fc.features.filter((f) => f && f.geometry);
  if (features.some((f) => f.properties && 'region_id' in f.properties)) return { kind: 'boundaries' };
  const base = file.split('/').pop() ?? file;
  if (LANDCOVER_NAME.test(base)) return { kind: 'landcover' };
  if (ROAD_NAME.test(base)) return { kind: 'roads' };
  if (WATER_NAME.test(base)) return { kind: 'barriers' };
  if (features.some((f) => isLine(f.geometry) && roadTagged(f.properties))) return { kind: 'roads' };
  if (features.some((f) => waterTagged(f.properties))) return { kind: 'barriers' };
  if (features.some((f) => isArea(f.geometry) && landCoverClassOf(f.properties))) return { kind: 'landcover' };
  if (features.length && features.every((f) => isLine(f.geometry))) {
    return { kind: 'refused', message: `${file}: lines with neither a road class (\`class\`: ${ROAD_CLASSES.join(', ')}; or an OpenStreetMap \`highway\` tag) nor a water tag (\`waterway\`, \`natural=water\`): add one, or name the file roads.geojson or barriers.geojson` };
  }
  return { kind: 'boundaries' };
}

/**
 * Roads from a GeoJSON: a feature's `class` when it is one of AccessMod's, else its OSM `highway` value mapped through
 * OSM_HIGHWAY_CLASS. Features that are not lines, or whose tag names no road that vehicles or walkers use
 * (`highway=construction`, `proposed`, `bus_stop`...), are skipped and counted in the message; none left is an error.
 */
export function readRoads(json: unknown, file: string): { roads: RoadLine[]; message: string } {
  const fc = json as GeoJSON.FeatureCollection;
  const roads: RoadLine[] = [];
  const { skip, list, suffix } = skipTally();
  fc.features.forEach((f, i) => {
    const g = f.geometry;
    if (!isLine(g)) return skip(g ? `${g.type} geometry` : 'no geometry');
    const p = f.properties ?? {};
    const cls = ROAD_CLASSES.includes(p.class) ? p.class : typeof p.highway === 'string' ? OSM_HIGHWAY_CLASS[p.highway] : undefined;
    if (!cls) return skip(typeof p.highway === 'string' ? `highway=${p.highway}` : p.class !== undefined ? `class=${p.class}` : 'no class or highway');
    const lines = g!.type === 'LineString' ? [(g as GeoJSON.LineString).coordinates] : (g as GeoJSON.MultiLineString).coordinates;
    const ok = lines.every((l) => Array.isArray(l) && l.length >= 2 && l.every((q) => Number.isFinite(q?.[0]) && Number.isFinite(q?.[1]) && Math.abs(q[0]) <= 180 && Math.abs(q[1]) <= 90));
    if (!ok) throw new Error(`${file}: feature ${i + 1}: every line needs at least 2 positions [lon, lat] with lon in -180..180 and lat in -90..90`);
    roads.push({ class: cls, geometry: g as RoadLine['geometry'] });
  });
  if (!roads.length) {
    throw new Error(`${file}: no road to use: ${list() || 'no features'}; roads are lines with a \`class\` (${ROAD_CLASSES.join(', ')}) or an OpenStreetMap \`highway\` tag (${Object.keys(OSM_HIGHWAY_CLASS).slice(0, 6).join(', ')}...)`);
  }
  return { roads, message: `${file}: ${roads.length} roads loaded for travel time (${countByClass(ROAD_CLASSES, roads)})${suffix()}` };
}

/** Barriers (water) from a GeoJSON: its lines and polygons; points and other shapes are skipped and counted. */
export function readBarriers(json: unknown, file: string): { barriers: BarrierShape[]; message: string } {
  const fc = json as GeoJSON.FeatureCollection;
  const kept = fc.features.filter((f) => isLine(f.geometry) || isArea(f.geometry));
  const skipped = fc.features.length - kept.length;
  if (!kept.length) throw new Error(`${file}: no line or polygon: barriers are water that cannot be crossed, rivers as lines and lakes as polygons`);
  const barriers = parseBarriers({ type: 'FeatureCollection', features: kept }, file);
  const lines = barriers.filter((b) => isLine(b)).length;
  return { barriers, message: `${file}: ${barriers.length} barriers loaded for travel time (${lines} lines, ${barriers.length - lines} polygons; crossed only where a road passes)${skipped ? `; skipped ${skipped} features that are not lines or polygons` : ''}` };
}

/**
 * Land cover from a GeoJSON: polygons with a land-cover `class` (LANDCOVER_CLASSES) or an OpenStreetMap tag mapped
 * through OSM_LANDCOVER_CLASS; other features are skipped and counted; none left is an error.
 */
export function readLandCover(json: unknown, file: string): { areas: LandCoverArea[]; message: string } {
  const fc = json as GeoJSON.FeatureCollection;
  const kept: GeoJSON.Feature[] = [];
  const { skip, list, suffix } = skipTally();
  for (const f of fc.features) {
    const cls = isArea(f.geometry) ? landCoverClassOf(f.properties) : undefined;
    if (cls) kept.push({ ...f, properties: { class: cls } });
    else skip(!isArea(f.geometry) ? `${f.geometry?.type ?? 'no'} geometry` : f.properties?.class !== undefined ? `class=${f.properties.class}` : 'no land-cover class or tag');
  }
  if (!kept.length) throw new Error(`${file}: no land cover to use: ${list() || 'no features'}; land cover is polygons with a \`class\` (${LANDCOVER_CLASSES.join(', ')}) or an OpenStreetMap \`natural\` / \`landuse\` tag (wood, forest, scrub, grassland...)`);
  const areas = parseLandCover({ type: 'FeatureCollection', features: kept }, file);
  return { areas, message: `${file}: ${areas.length} land-cover areas loaded for travel time (${countByClass(LANDCOVER_CLASSES, areas)}; walking speed off the roads)${suffix()}` };
}

/** The surface file `npm run travel-time` writes (or one named like it). */
export const SURFACE_FILE = /travel.?time.*\.tiff?$/i;

/**
 * Read a precomputed surface: one band of minutes in EPSG:4326, nodata (or NaN) = no time. The friction reader does the
 * georeferencing and checks (a surface is a raster of non-negative numbers too); no time becomes Infinity.
 */
export async function readSurfaceTiff(bytes: Uint8Array, file: string): Promise<{ surface: PrecomputedSurface | null; problems: string[] }> {
  const { raster, problems } = await readFrictionTiff(bytes, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!raster || errors.length) return { surface: null, problems: errors.map((p) => `${p.message} (rule: ${p.rule})`) };
  if (raster.reprojectedFrom !== null) return { surface: null, problems: [`is in EPSG:${raster.reprojectedFrom}: a travel-time surface must be in WGS84 degrees, as npm run travel-time writes it (rule: coordinate system)`] };
  const minutes = raster.minutesPerMetre;
  let zeroCells = 0;
  for (let i = 0; i < minutes.length; i++) {
    if (Number.isNaN(minutes[i])) minutes[i] = Infinity;
    else if (minutes[i] === 0) zeroCells++;
  }
  return { surface: { file, grid: raster.grid, minutes, zeroCells }, problems: [] };
}

const TIFF = /\.tiff?$/i;
const JSON_FILE = /\.(geo|topo)?json$/i;

/**
 * Take the travel-time files out of a batch. Returns their layers, one report per file, and the names of the files it
 * took (the rest go to the boundaries and Parquet loaders). A GeoTIFF not named for friction is refused here with what
 * to do (population rasters go through Import), or left for Import (`otherTiffs: 'leave'`).
 */
export async function readTravelFiles(files: readonly { name: string; bytes: Uint8Array }[], o: { otherTiffs: 'refuse' | 'leave' } = { otherTiffs: 'refuse' }): Promise<{ layers: UserTravelLayers; reports: TravelFileReport[]; taken: Set<string> }> {
  const layers: UserTravelLayers = { roads: null, barriers: null, landCover: null, friction: {} };
  const reports: TravelFileReport[] = [];
  const taken = new Set<string>();
  for (const f of files) {
    if (TIFF.test(f.name) && SURFACE_FILE.test(f.name)) {
      taken.add(f.name);
      const { surface, problems } = await readSurfaceTiff(f.bytes, f.name);
      if (!surface) reports.push({ file: f.name, kind: 'surface', ok: false, count: 0, message: `${f.name}: not loaded: ${problems.join('; ')}` });
      else {
        layers.surface = surface;
        const reached = surface.minutes.reduce((n, m) => n + (m < Infinity ? 1 : 0), 0);
        reports.push({ file: f.name, kind: 'surface', ok: true, count: reached, message: `${f.name}: travel-time surface loaded as computed (${surface.grid.width} x ${surface.grid.height} cells, ${reached} with a time); it is shown as it is, whatever the facilities, mode or service chosen` });
      }
      continue;
    }
    if (TIFF.test(f.name) && (FRICTION_FILE.test(f.name) || o.otherTiffs === 'refuse')) {
      taken.add(f.name);
      if (!FRICTION_FILE.test(f.name)) {
        reports.push({ file: f.name, kind: 'friction', ok: false, count: 0, message: `${f.name}: a GeoTIFF is read here only as a friction surface (its name says so: friction.tif) or a travel-time surface from npm run travel-time (travel_time_minutes.tif); a population raster goes through "Import files as you have them"` });
        continue;
      }
      const { raster, problems } = await readFrictionTiff(f.bytes, f.name);
      const errors = problems.filter((p) => p.severity === 'error');
      const notes = problems.map((p) => `${p.message} (rule: ${p.rule})`).join('; ');
      if (!raster || errors.length) {
        reports.push({ file: f.name, kind: 'friction', ok: false, count: 0, message: `${f.name}: not loaded: ${notes}` });
        continue;
      }
      const mode = frictionModeOf(f.name) ?? 'any';
      layers.friction[mode] = raster;
      const passable = raster.minutesPerMetre.length - raster.barrierCells;
      reports.push({ file: f.name, kind: 'friction', ok: true, count: passable, message: `${f.name}: friction surface loaded for travel time (${mode === 'any' ? 'walking and motorised' : mode}; ${raster.grid.width} x ${raster.grid.height} cells, ${raster.barrierCells} barriers)${notes ? `; ${notes}` : ''}` });
      continue;
    }
    if (!JSON_FILE.test(f.name)) continue;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(f.bytes));
    } catch {
      continue; // the boundaries loader says it is not JSON
    }
    const kind = classifyGeoJson(json, f.name);
    if (kind.kind === 'boundaries') continue;
    taken.add(f.name);
    if (kind.kind === 'refused') {
      reports.push({ file: f.name, kind: 'roads', ok: false, count: 0, message: kind.message });
      continue;
    }
    try {
      if (kind.kind === 'roads') {
        const r = readRoads(json, f.name);
        layers.roads = { file: f.name, roads: r.roads };
        reports.push({ file: f.name, kind: 'roads', ok: true, count: r.roads.length, message: r.message });
      } else if (kind.kind === 'landcover') {
        const l = readLandCover(json, f.name);
        layers.landCover = { file: f.name, areas: l.areas };
        reports.push({ file: f.name, kind: 'landcover', ok: true, count: l.areas.length, message: l.message });
      } else {
        const b = readBarriers(json, f.name);
        layers.barriers = { file: f.name, barriers: b.barriers };
        reports.push({ file: f.name, kind: 'barriers', ok: true, count: b.barriers.length, message: b.message });
      }
    } catch (e) {
      reports.push({ file: f.name, kind: kind.kind, ok: false, count: 0, message: `${(e as Error).message}; not loaded` });
    }
  }
  return { layers, reports, taken };
}

/**
 * For Import (the page's "Import files as you have them" and `npm run import`): the travel-time files of a folder
 * become the contract's files, roads.geojson (each road with its AccessMod `class`, OSM tags mapped), barriers.geojson,
 * landcover.geojson (each area with its `class`, OSM tags mapped) and the friction GeoTIFFs as given; the rest of the files go on to importDataset. A file that fails is reported in
 * `notes` and written nowhere.
 */
export async function importTravelFiles<F extends { name: string; bytes: Uint8Array }>(files: readonly F[]): Promise<{ outputs: { name: string; bytes: Uint8Array }[]; notes: string[]; rest: F[] }> {
  const base = (n: string) => n.split(/[\\/]/).pop() ?? n;
  const { layers, reports, taken } = await readTravelFiles(files.map((f) => ({ name: base(f.name), bytes: f.bytes })), { otherTiffs: 'leave' });
  const encode = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
  const outputs: { name: string; bytes: Uint8Array }[] = [];
  if (layers.roads) outputs.push({ name: 'roads.geojson', bytes: encode({ type: 'FeatureCollection', features: layers.roads.roads.map((r) => ({ type: 'Feature', properties: { class: r.class }, geometry: r.geometry })) }) });
  if (layers.barriers) outputs.push({ name: 'barriers.geojson', bytes: encode({ type: 'FeatureCollection', features: layers.barriers.barriers.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) }) });
  if (layers.landCover) outputs.push({ name: 'landcover.geojson', bytes: encode({ type: 'FeatureCollection', features: layers.landCover.areas.map((a) => ({ type: 'Feature', properties: { class: a.class }, geometry: a.geometry })) }) });
  for (const r of reports) if (r.ok && r.kind === 'friction') outputs.push({ name: r.file, bytes: files.find((f) => base(f.name) === r.file)!.bytes });
  return { outputs, notes: reports.map((r) => (r.ok ? r.message : `${r.message} (not written)`)), rest: files.filter((f) => !taken.has(base(f.name))) };
}
