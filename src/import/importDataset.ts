import { FACILITY_TYPES, OWNERSHIPS } from '../data/contract';
import { guessFacilityType, guessOwnership, mapCategories, type CategoryCount } from './categories';
import { detectColumns, nameKey, type Role } from './detectColumns';
import { buildHierarchy, type Hierarchy, type Region } from './hierarchy';
import { catalogColumns, emptyIndicatorOutput, guessIndicatorRole, importIndicators, looksLikeIndicators, type IndicatorCount } from './importIndicators';
import { DEFAULT_MAPPING, type FileMapping, type FileRole, type ImportMapping } from './importMapping';
import { numberReader, parseNumber } from './parseNumber';
import { PolygonIndex } from './polygonIndex';
import { fromArrayBuffer, type GeoTIFF } from 'geotiff';
import { openPopulationTiff, rasterToPointsStreamed, type GridPoints } from './rasterToPoints';
import { readGeoJson, readShapefileParts, readShapefileZip, type GeoLayer } from './readGeo';
import { readDelimited, readXlsx, type RawTable } from './readTable';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** A GeoTIFF too large to hold in memory (the CLI's 100 m national rasters): opened to be read a strip at a time. */
  openTiff?: () => Promise<GeoTIFF>;
}

/** Something import could not map: what, in which file, how many rows, and what to do. */
export interface Unmapped {
  file: string;
  what: string;
  rows: number;
  values: string[];
  fix: string;
}

export type Columns = Record<string, unknown[]>;

export interface ImportResult {
  tables: { regions: Columns; facilities?: Columns; population?: Columns; coverage?: Columns; socioeconomic?: Columns; indicator_catalog?: Columns };
  boundaries: GeoJSON.FeatureCollection;
  /** The mapping used: saved choices plus this run's guesses. Save it, edit it, reuse it. */
  mapping: ImportMapping;
  /** Category values with counts, for the editable table. */
  categories: { facilityType: CategoryCount[]; ownership: CategoryCount[]; indicators?: IndicatorCount[] };
  notes: string[];
  unmapped: Unmapped[];
  /** Parquet files given as they are (checked by the validator, not converted). */
  parquet: InputFile[];
  /** Raster total and points total, to show that raster-to-points conserved people. */
  raster?: { file: string; total: number; pointsTotal: number; points: number; cellKm: number };
}

type Source =
  | { kind: 'geo'; file: string; layer: GeoLayer }
  | { kind: 'table'; file: string; table: RawTable }
  | { kind: 'raster'; file: string; bytes: Uint8Array; openTiff?: () => Promise<GeoTIFF> };

const base = (name: string) => name.split(/[\\/]/).pop() ?? name;
const ext = (name: string) => /\.([^.]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const decoder = new TextDecoder();

/**
 * Turn the files people have (facility lists, boundary layers, census tables, population rasters) into the
 * data contract's regions, facilities and population tables plus boundaries keyed by region_id. Pure: bytes
 * in, columns out; the CLI and the page's worker write them. Never drops a row silently: every row or value
 * left out is in `unmapped` with what to do about it.
 */
export async function importDataset(files: readonly InputFile[], saved: ImportMapping = DEFAULT_MAPPING): Promise<ImportResult> {
  const mapping: ImportMapping = structuredClone({ ...DEFAULT_MAPPING, ...saved });
  const notes: string[] = [];
  const unmapped: Unmapped[] = [];
  const parquet: InputFile[] = [];
  const sources = await readSources(files, mapping, parquet, notes);

  // Which source is what: saved role first, then by content.
  const roleOf = (s: Source): FileRole => mapping.files[s.file]?.role ?? guessRole(s);
  const saidIgnore = new Set(Object.entries(saved.files ?? {}).filter(([, f]) => f.role === 'ignore').map(([name]) => name));
  const boundaryLayers: GeoLayer[] = [];
  const facilitySources: Source[] = [];
  const censusSources: { file: string; table: RawTable }[] = [];
  const indicatorSources: { file: string; table: RawTable; role: 'coverage' | 'socioeconomic' }[] = [];
  const rasters: { file: string; bytes: Uint8Array; openTiff?: () => Promise<GeoTIFF> }[] = [];
  for (const s of sources) {
    const role = roleOf(s);
    // A guessed "ignore" is not written to the mapping: only the person's own "ignore" silences a file.
    if (role !== 'ignore' || saidIgnore.has(s.file)) mapping.files[s.file] = { ...mapping.files[s.file], role };
    if (role === 'boundaries' && s.kind === 'geo') boundaryLayers.push(s.layer);
    else if (role === 'facilities' && s.kind !== 'raster') facilitySources.push(s);
    else if (role === 'census' && s.kind === 'table') censusSources.push({ file: s.file, table: s.table });
    else if ((role === 'coverage' || role === 'socioeconomic') && s.kind === 'table') indicatorSources.push({ file: s.file, table: s.table, role });
    else if (role === 'population_raster' && s.kind === 'raster') rasters.push({ file: s.file, bytes: s.bytes, openTiff: s.openTiff });
    else if (!saidIgnore.has(s.file)) {
      unmapped.push({
        file: s.file, rows: 0,
        what: role === 'ignore' ? 'could not tell what this file holds (no coordinates, no polygons, no area and population columns)' : `not readable as ${role}`,
        values: s.kind === 'table' ? s.table.columns.slice(0, 15) : s.kind === 'geo' ? s.layer.columns.slice(0, 15) : [],
        fix: 'set its "role" in mapping.json (boundaries, facilities, census, coverage, socioeconomic, population_raster or ignore) and its "columns"',
      });
    }
  }
  if (boundaryLayers.length === 0) throw new Error('no boundary layer among the files: import needs the administrative boundaries (a shapefile zip, GeoJSON or TopoJSON of polygons) to place facilities and people in districts');

  const levels = Object.fromEntries(boundaryLayers.filter((l) => mapping.files[l.file]?.level !== undefined).map((l) => [l.file, mapping.files[l.file].level!]));
  const hierarchy = buildHierarchy(boundaryLayers, { levels, countryName: mapping.countryName });
  for (const l of hierarchy.levels) {
    mapping.files[l.file] = { ...mapping.files[l.file], role: 'boundaries', level: l.level };
    notes.push(`${l.file}: level ${l.level}, ${l.features} areas, id column ${l.idColumn ?? '(none: numbered)'}, name column ${l.nameColumn ?? '(none)'}; parent by ${l.parentMethod}${l.parentColumn ? ` (${l.parentColumn})` : ''}`);
    if (l.orphans.length) unmapped.push({ file: l.file, what: 'areas with no parent area', rows: l.orphans.length, values: l.orphans.slice(0, 10), fix: 'check that the two boundary levels cover each other, or give the parent code column in the file' });
  }
  const leaves = leafRegions(hierarchy);
  const index = new PolygonIndex(leaves.map((r) => ({ id: r.region_id, geometry: r.geometry! })));
  const resolver = regionResolver(hierarchy.regions, mapping.regionNames);

  const placeOf = (lon: number, lat: number): { id: string | null; km: number } => {
    const i = index.locate(lon, lat);
    if (i >= 0) return { id: index.ids[i], km: 0 };
    const n = mapping.nearestKm > 0 ? index.nearest(lon, lat, mapping.nearestKm) : null;
    return n ? { id: index.ids[n.index], km: n.km } : { id: null, km: Infinity };
  };

  // Facilities.
  let facilities: Columns | undefined;
  let categories: ImportResult['categories'] = { facilityType: [], ownership: [] };
  if (facilitySources.length > 1) unmapped.push({ file: facilitySources.slice(1).map((s) => s.file).join(', '), what: 'more than one facility list; only the first is imported', rows: 0, values: [], fix: 'merge the lists, or set the others\' role to "ignore"' });
  if (facilitySources[0]) {
    const r = importFacilities(facilitySources[0], mapping, placeOf, resolver, notes, unmapped);
    facilities = r.columns;
    categories = r.categories;
  }

  // Population points from a raster.
  let population: Columns | undefined;
  let raster: ImportResult['raster'];
  if (rasters.length > 1) unmapped.push({ file: rasters.slice(1).map((r) => r.file).join(', '), what: 'more than one population raster; only the first is imported', rows: 0, values: [], fix: 'give one raster (the year you want)' });
  let pointsByRegion = new Map<string, number>();
  if (rasters[0]) {
    const t0 = Date.now();
    const { file, bytes, openTiff } = rasters[0];
    // Strips of rows, whether the bytes are in memory (the page) or read from disk as needed (the CLI).
    const tiff = openTiff ? await openTiff() : await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const grid = await rasterToPointsStreamed(await openPopulationTiff(tiff, file), mapping.gridKm);
    const t1 = Date.now();
    const placed = placePoints(grid, placeOf);
    notes.push(`${rasters[0].file}: raster read and gridded in ${t1 - t0} ms; ${grid.population.length} points placed by point-in-polygon in ${Date.now() - t1} ms`);
    population = placed.columns;
    pointsByRegion = placed.byRegion;
    const pointsTotal = grid.population.reduce((a, b) => a + b, 0);
    raster = { file: rasters[0].file, total: grid.rasterTotal, pointsTotal, points: grid.population.length, cellKm: mapping.gridKm };
    notes.push(`${rasters[0].file}: ${grid.cells} cells (${grid.nodataCells} nodata) -> ${grid.population.length} points on a ${mapping.gridKm} km grid; ${Math.round(grid.rasterTotal)} people in the raster, ${Math.round(pointsTotal)} in the points`);
    if (placed.nearest) notes.push(`${rasters[0].file}: ${placed.nearest} points outside every district placed in the nearest one (within ${mapping.nearestKm} km)`);
    if (placed.outside.rows) unmapped.push({ file: rasters[0].file, what: `population points farther than ${mapping.nearestKm} km from every district (left out)`, rows: placed.outside.rows, values: [`${Math.round(placed.outside.people)} people`], fix: 'raise nearestKm in mapping.json, or clip the raster to the country' });
  }

  // Region populations: census where it names the area, else the raster's points.
  const censusPop = new Map<string, number>();
  for (const c of censusSources) importCensus(c, mapping, resolver, censusPop, notes, unmapped);
  const pop = new Map<string, number | null>();
  for (const r of leaves) pop.set(r.region_id, censusPop.get(r.region_id) ?? (population ? pointsByRegion.get(r.region_id) ?? 0 : null));
  const missing = leaves.filter((r) => !censusPop.has(r.region_id));
  if (censusSources.length && missing.length) {
    unmapped.push({
      file: censusSources.map((c) => c.file).join(', '), what: `districts with no census row${population ? ' (population taken from the raster instead)' : ''}`,
      rows: missing.length, values: missing.slice(0, 20).map((r) => `${r.name} (${r.region_id})`),
      fix: 'add the census spelling to "regionNames" in mapping.json, e.g. "BO-SOUTH": "<region_id>"',
    });
  }
  if (!censusSources.length && !population) unmapped.push({ file: '', what: 'no census table and no population raster: regions have no population', rows: leaves.length, values: [], fix: 'add a census CSV/XLSX by district or a population GeoTIFF' });
  rollUp(hierarchy.regions, pop, censusPop);

  const regions: Columns = { region_id: [], name: [], level: [], parent_id: [], population: [], area_km2: [] };
  for (const r of hierarchy.regions) {
    regions.region_id.push(r.region_id);
    regions.name.push(r.name);
    regions.level.push(r.level);
    regions.parent_id.push(r.parent_id);
    regions.population.push(pop.get(r.region_id) ?? null);
    regions.area_km2.push(r.area_km2);
  }
  const noPop = hierarchy.regions.filter((r) => pop.get(r.region_id) == null);
  if (noPop.length && (censusSources.length || population)) unmapped.push({ file: '', what: 'regions with no population', rows: noPop.length, values: noPop.slice(0, 10).map((r) => r.region_id), fix: 'give them a census row or a raster that covers them' });

  // Coverage and socio-economic tables by area, once the areas' populations are known (coverage subgroups are weighted by them).
  const indicators = emptyIndicatorOutput();
  const indicatorCounts: IndicatorCount[] = [];
  for (const t of indicatorSources) indicatorCounts.push(...importIndicators(t.file, t.table, t.role, mapping, resolver, hierarchy.regions.find((r) => r.parent_id === null) ?? null, pop, indicators, notes, unmapped));
  const has = (c: Columns) => (Object.values(c)[0]?.length ?? 0) > 0;
  const indicatorTables = {
    ...(has(indicators.coverage) ? { coverage: indicators.coverage } : {}),
    ...(has(indicators.socioeconomic) ? { socioeconomic: withYear(indicators.socioeconomic) } : {}),
    ...(indicators.catalog.size ? { indicator_catalog: catalogColumns(indicators.catalog) } : {}),
  };
  if (indicatorTables.coverage) indicatorTables.coverage = withYear(indicatorTables.coverage);
  categories.indicators = indicatorCounts;

  const boundaries: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: hierarchy.regions.filter((r) => r.geometry && r.level > 0).map((r) => ({
      type: 'Feature', geometry: r.geometry!, properties: { region_id: r.region_id, name: r.name, level: r.level, parent_id: r.parent_id },
    })),
  };
  return { tables: { regions, facilities, population, ...indicatorTables }, boundaries, mapping, categories, notes, unmapped, parquet, raster };
}

async function readSources(files: readonly InputFile[], mapping: ImportMapping, parquet: InputFile[], notes: string[]): Promise<Source[]> {
  const out: Source[] = [];
  // Loose shapefile parts travel together by base name.
  const parts = new Map<string, Record<string, Uint8Array>>();
  for (const f of files) {
    const e = ext(f.name);
    const name = base(f.name);
    if (['shp', 'dbf', 'prj', 'cpg', 'shx'].includes(e)) {
      const key = name.slice(0, -(e.length + 1));
      const p = parts.get(key) ?? {};
      p[e] = f.bytes;
      parts.set(key, p);
    } else if (e === 'zip') {
      for (const layer of await readShapefileZip(f.bytes, name)) out.push({ kind: 'geo', file: layer.file, layer });
    } else if (['geojson', 'json', 'topojson'].includes(e)) {
      const text = decoder.decode(f.bytes);
      // A mapping.json (or other JSON) lying in the folder is not data.
      if (e === 'json' && !/"type"\s*:\s*"(FeatureCollection|Topology|Feature)"/.test(text.slice(0, 5000))) {
        notes.push(`${name}: skipped (JSON but not GeoJSON or TopoJSON${name === 'mapping.json' ? '; pass a mapping with --mapping' : ''})`);
        continue;
      }
      out.push({ kind: 'geo', file: name, layer: readGeoJson(text, name) });
    } else if (['csv', 'tsv', 'txt'].includes(e)) {
      out.push({ kind: 'table', file: name, table: readDelimited(decoder.decode(f.bytes), name) });
    } else if (e === 'xlsx') {
      out.push({ kind: 'table', file: name, table: await readXlsx(f.bytes, name, mapping.files[name]?.sheet) });
    } else if (e === 'tif' || e === 'tiff') {
      out.push({ kind: 'raster', file: name, bytes: f.bytes, openTiff: f.openTiff });
    } else if (e === 'parquet') {
      parquet.push({ name, bytes: f.bytes });
    } else if (e === 'gpkg') {
      throw new Error(`${name}: GeoPackage is not read: export the layer as GeoJSON or a zipped shapefile (QGIS "Export > Save Features As", or ogr2ogr -f GeoJSON out.geojson ${name}) and import that`);
    } else if (e === 'xls') {
      throw new Error(`${name}: old Excel .xls files are not read: save it as .xlsx or .csv`);
    } else {
      notes.push(`${name}: skipped (not a format import reads: csv, tsv, xlsx, geojson, topojson, zip, shp, tif, parquet)`);
    }
  }
  for (const [key, p] of parts) {
    if (!p.shp) {
      notes.push(`${key}: .dbf/.prj without a .shp: skipped`);
      continue;
    }
    const layer = await readShapefileParts(p as { shp: Uint8Array }, `${key}.shp`);
    out.push({ kind: 'geo', file: layer.file, layer });
  }
  return out;
}

function guessRole(s: Source): FileRole {
  if (s.kind === 'raster') return 'population_raster';
  if (s.kind === 'geo') return s.layer.kind === 'points' ? 'facilities' : s.layer.kind === 'polygons' ? 'boundaries' : 'ignore';
  const cols = detectColumns(s.table.columns, s.table.rows);
  if (cols.lat && cols.lon) return 'facilities';
  if ((cols.region || cols.pcode || cols.name) && cols.population) return 'census';
  if (looksLikeIndicators(s.table)) return guessIndicatorRole(s.table);
  return 'ignore';
}

/** A table whose rows all lack a year leaves the column out: the contract then dates it the load year, and says so. */
function withYear(c: Columns): Columns {
  if (c.year.every((y) => y === null)) {
    const { year: _year, ...rest } = c;
    return rest;
  }
  return c;
}

function leafRegions(h: Hierarchy): Region[] {
  const deepest = Math.max(...h.regions.filter((r) => r.geometry).map((r) => r.level));
  return h.regions.filter((r) => r.level === deepest && r.geometry);
}

/** Region codes (any spelling), then the user's aliases, then names (only when one area has that name). */
function regionResolver(regions: readonly Region[], aliases: Record<string, string>): (v: unknown) => Region | null {
  const byCode = new Map<string, Region>();
  const byName = new Map<string, Region | 'ambiguous'>();
  const byId = new Map(regions.map((r) => [r.region_id, r]));
  for (const r of regions) {
    for (const c of r.codes) byCode.set(c.toUpperCase(), r);
    const k = nameKey(r.name);
    byName.set(k, byName.has(k) && byName.get(k) !== r ? 'ambiguous' : r);
  }
  return (v) => {
    const s = String(v ?? '').trim();
    if (!s) return null;
    if (s in aliases) return byId.get(aliases[s]) ?? null;
    const code = byCode.get(s.toUpperCase());
    if (code) return code;
    const n = byName.get(nameKey(s));
    return n && n !== 'ambiguous' ? n : null;
  };
}

function importFacilities(
  s: Source, mapping: ImportMapping, placeOf: (lon: number, lat: number) => { id: string | null; km: number },
  resolve: (v: unknown) => Region | null, notes: string[], unmapped: Unmapped[],
): { columns: Columns; categories: ImportResult['categories'] } {
  const rows: { props: Record<string, unknown>; lon: number | null; lat: number | null; featureId?: string }[] =
    s.kind === 'geo'
      ? s.layer.features.map((f) => {
          const g = f.geometry;
          const c = g?.type === 'Point' ? g.coordinates : g?.type === 'MultiPoint' ? g.coordinates[0] : null;
          return { props: f.properties ?? {}, lon: c ? c[0] : null, lat: c ? c[1] : null, featureId: f.id === undefined ? undefined : String(f.id) };
        })
      : s.kind === 'table' ? s.table.rows.map((r) => ({ props: r, lon: null, lat: null })) : [];
  const columnNames = s.kind === 'geo' ? s.layer.columns : s.kind === 'table' ? s.table.columns : [];
  const saved = mapping.files[s.file]?.columns ?? {};
  const detected = detectColumns(columnNames, rows.map((r) => r.props));
  const cols: Partial<Record<Role, string>> = { ...detected, ...saved };
  const fm: FileMapping = mapping.files[s.file];
  fm.columns = Object.fromEntries(Object.entries(cols).filter(([role]) => ['lat', 'lon', 'name', 'id', 'type', 'ownership', 'region', 'pcode', 'beds', 'doctors', 'nurses', 'midwives'].includes(role)));
  const useGeometry = s.kind === 'geo' && rows.some((r) => r.lon !== null);
  notes.push(`${s.file}: facilities; ${useGeometry ? 'point geometry' : `columns ${cols.lat ?? '?'} / ${cols.lon ?? '?'}`} for location; ${Object.entries(fm.columns).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
  if (!useGeometry && (!cols.lat || !cols.lon)) {
    unmapped.push({ file: s.file, what: 'no latitude/longitude columns found', rows: rows.length, values: columnNames.slice(0, 15), fix: 'set "lat" and "lon" under this file\'s "columns" in mapping.json' });
    return { columns: {}, categories: { facilityType: [], ownership: [] } };
  }
  if (!cols.type) unmapped.push({ file: s.file, what: 'no facility type column found', rows: rows.length, values: columnNames.slice(0, 15), fix: 'set "type" under this file\'s "columns" in mapping.json' });

  const typeCounts = cols.type ? mapCategories(rows.map((r) => r.props[cols.type!]), mapping.facilityType, guessFacilityType, FACILITY_TYPES) : [];
  const ownCounts = cols.ownership ? mapCategories(rows.map((r) => r.props[cols.ownership!]), mapping.ownership, guessOwnership, OWNERSHIPS) : [];
  for (const c of typeCounts) mapping.facilityType[c.value] = c.mapsTo;
  for (const c of ownCounts) mapping.ownership[c.value] = c.mapsTo;
  const typeMap = new Map(typeCounts.map((c) => [c.value, c.mapsTo]));
  const ownMap = new Map(ownCounts.map((c) => [c.value, c.mapsTo]));
  const badType = typeCounts.filter((c) => c.mapsTo === null);
  if (badType.length) unmapped.push({ file: s.file, what: `facility type values with no category (those facilities are left out; type is required)`, rows: badType.reduce((a, c) => a + c.rows, 0), values: badType.map((c) => `${c.value || '(blank)'} x${c.rows}`), fix: `map each under "facilityType" in mapping.json to one of ${FACILITY_TYPES.join(', ')}` });
  const badOwn = ownCounts.filter((c) => c.mapsTo === null && c.by !== 'mapping' && c.value !== '');
  if (badOwn.length) unmapped.push({ file: s.file, what: 'ownership values with no category (left empty)', rows: badOwn.reduce((a, c) => a + c.rows, 0), values: badOwn.map((c) => `${c.value} x${c.rows}`), fix: `map each under "ownership" in mapping.json to one of ${OWNERSHIPS.join(', ')}, or null to accept empty` });

  const out: Columns = { facility_id: [], name: [], region_id: [], stated_region_id: [], lat: [], lon: [], type: [], ownership: [], beds: [], doctors: [], nurses: [], midwives: [] };
  const readLat = numberReader(cols.lat ? rows.map((r) => r.props[cols.lat!]) : []);
  const readLon = numberReader(cols.lon ? rows.map((r) => r.props[cols.lon!]) : []);
  const ids = new Set<string>();
  let generated = 0, nearest = 0, duplicateIds = 0, disagree = 0;
  // The list's own district (P-code, else name): kept as stated_region_id for the plausibility check, while
  // region_id is where the point lies. A value that names no area is listed, and the facility kept without it.
  const statedCol = cols.pcode ?? cols.region;
  const unstated = new Map<string, number>();
  const noPlace: string[] = [];
  const noCoords: string[] = [];
  rows.forEach((r, i) => {
    const label = String((cols.name && r.props[cols.name]) ?? `row ${i + 1}`);
    const lat = useGeometry ? r.lat : readLat(r.props[cols.lat!]);
    const lon = useGeometry ? r.lon : readLon(r.props[cols.lon!]);
    if (lat === null || lon === null || Number.isNaN(lat) || Number.isNaN(lon) || (lat === 0 && lon === 0) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      noCoords.push(label);
      return;
    }
    const type = cols.type ? typeMap.get(String(r.props[cols.type] ?? '').trim()) ?? null : null;
    if (!type) return;
    const place = placeOf(lon, lat);
    if (!place.id) {
      noPlace.push(label);
      return;
    }
    if (place.km > 0) nearest++;
    // No id column: a GeoJSON feature's own id, else one is generated.
    let id = cols.id ? String(r.props[cols.id] ?? '').trim() : r.featureId ?? '';
    if (!id || ids.has(id)) {
      if (id) duplicateIds++;
      id = `F${String(i + 1).padStart(5, '0')}`;
      generated++;
    }
    ids.add(id);
    out.facility_id.push(id);
    out.name.push(cols.name ? String(r.props[cols.name] ?? '').trim() || label : label);
    out.region_id.push(place.id);
    const statedValue = statedCol ? String(r.props[statedCol] ?? '').trim() : '';
    const stated = statedValue ? resolve(statedValue) : null;
    if (statedValue && !stated) unstated.set(statedValue, (unstated.get(statedValue) ?? 0) + 1);
    if (stated && place.km === 0 && stated.region_id !== place.id) disagree++;
    out.stated_region_id.push(stated?.region_id ?? null);
    out.lat.push(lat);
    out.lon.push(lon);
    out.type.push(type);
    out.ownership.push(cols.ownership ? ownMap.get(String(r.props[cols.ownership] ?? '').trim()) ?? null : null);
    for (const k of ['beds', 'doctors', 'nurses', 'midwives'] as const) {
      const v = cols[k] ? parseNumber(r.props[cols[k]!]) : null;
      out[k].push(v === null || Number.isNaN(v) || v < 0 ? null : Math.round(v));
    }
  });
  if (generated) notes.push(`${s.file}: ${generated} facility ids generated (F + row number)${duplicateIds ? `, ${duplicateIds} of them for repeated ids` : ''}`);
  notes.push(`${s.file}: region by point-in-polygon against the districts${nearest ? `; ${nearest} facilities just outside every district placed in the nearest one` : ''}`);
  if (statedCol) notes.push(`${s.file}: ${statedCol} kept as the stated district (stated_region_id); ${disagree} facilities lie inside another area than it states (the plausibility check lists those more than 3 km out)`);
  if (unstated.size) unmapped.push({ file: s.file, what: `${statedCol} values that name no area (stated district left empty)`, rows: [...unstated.values()].reduce((a, b) => a + b, 0), values: [...unstated].map(([v, n]) => `${v} x${n}`), fix: 'add each spelling to "regionNames" in mapping.json, e.g. "Western Rural": "<region_id>"' });
  if (noCoords.length) unmapped.push({ file: s.file, what: 'facilities without usable coordinates (left out)', rows: noCoords.length, values: noCoords.slice(0, 10), fix: 'fill their latitude/longitude in the source file' });
  if (noPlace.length && mapping.facilitiesOutside === 'leave_out') notes.push(`${s.file}: ${noPlace.length} facilities farther than ${mapping.nearestKm} km from every district left out, as the mapping says (${noPlace.slice(0, 5).join('; ')}...)`);
  else if (noPlace.length) unmapped.push({ file: s.file, what: `facilities farther than ${mapping.nearestKm} km from every district (left out)`, rows: noPlace.length, values: noPlace.slice(0, 10), fix: 'check their coordinates (swapped lat/lon? in the sea?), raise nearestKm, or set "facilitiesOutside": "leave_out" in mapping.json' });
  for (const k of Object.keys(out)) if (out[k].every((v) => v === null)) delete out[k];
  return { columns: out, categories: { facilityType: typeCounts, ownership: ownCounts } };
}

function placePoints(grid: GridPoints, placeOf: (lon: number, lat: number) => { id: string | null; km: number }) {
  const columns: Columns = { cell_id: [], region_id: [], lat: [], lon: [], population: [] };
  const byRegion = new Map<string, number>();
  let nearest = 0;
  const outside = { rows: 0, people: 0 };
  for (let i = 0; i < grid.population.length; i++) {
    const place = placeOf(grid.lon[i], grid.lat[i]);
    if (!place.id) {
      outside.rows++;
      outside.people += grid.population[i];
      continue;
    }
    if (place.km > 0) nearest++;
    columns.cell_id.push(columns.cell_id.length);
    columns.region_id.push(place.id);
    columns.lat.push(grid.lat[i]);
    columns.lon.push(grid.lon[i]);
    columns.population.push(grid.population[i]);
    byRegion.set(place.id, (byRegion.get(place.id) ?? 0) + grid.population[i]);
  }
  return { columns, byRegion, nearest, outside };
}

/** A census table: each row whose code or name resolves to an area gives that area's population. */
function importCensus(
  c: { file: string; table: RawTable }, mapping: ImportMapping, resolve: (v: unknown) => Region | null,
  out: Map<string, number>, notes: string[], unmapped: Unmapped[],
): void {
  const { table, file } = c;
  const saved = mapping.files[file]?.columns ?? {};
  const detected = detectColumns(table.columns, table.rows);
  const popCol = saved.population ?? detected.population;
  // Every code-like and name-like column is tried; the deepest area found in a row wins (an ADM2 row also names its ADM1).
  const keyCols = saved.pcode || saved.region ? [saved.pcode, saved.region].filter((x): x is string => !!x)
    : table.columns.filter((col) => /pcode|p_code|adm\d|admin|district|region|province|county|name|nom/i.test(col.replace(/[^a-z0-9_]/gi, '_')) || col === detected.region || col === detected.name);
  mapping.files[file].columns = { ...(popCol ? { population: popCol } : {}), ...(saved.pcode ? { pcode: saved.pcode } : {}), ...(saved.region ? { region: saved.region } : {}) };
  if (!popCol || keyCols.length === 0) {
    unmapped.push({ file, what: 'no population column or no area column found', rows: table.rows.length, values: table.columns.slice(0, 15), fix: 'set "population" and "pcode" (or "region") under this file\'s "columns" in mapping.json' });
    return;
  }
  let matched = 0, notNumber = 0;
  const unmatched: string[] = [];
  const readPop = numberReader(table.rows.map((r) => r[popCol]));
  for (const row of table.rows) {
    const v = readPop(row[popCol]);
    let best: Region | null = null;
    for (const col of keyCols) {
      const r = resolve(row[col]);
      if (r && (!best || r.level > best.level)) best = r;
    }
    if (!best) {
      const label = keyCols.map((k) => row[k]).find((x) => x !== null && x !== undefined && String(x).trim() !== '');
      if (label !== undefined && v !== null && !Number.isNaN(v)) unmatched.push(String(label));
      continue;
    }
    if (v === null || Number.isNaN(v)) {
      notNumber++;
      continue;
    }
    if (out.has(best.region_id)) throw new Error(`${file}: two rows give the population of ${best.name} (${best.region_id}); keep one row per area`);
    out.set(best.region_id, v);
    matched++;
  }
  notes.push(`${file}: census; population column ${popCol}; ${matched} rows matched to areas by code or name${unmatched.length ? `, ${unmatched.length} rows name no area at the imported levels (e.g. ${unmatched.slice(0, 5).join(', ')})` : ''}${notNumber ? `, ${notNumber} matched rows without a number` : ''}`);
}

/** Areas without their own figure get the sum of their children (absent stays absent: a child without data makes the sum absent). */
function rollUp(regions: readonly Region[], pop: Map<string, number | null>, census: Map<string, number>): void {
  const maxLevel = Math.max(...regions.map((r) => r.level));
  for (let level = maxLevel - 1; level >= 0; level--) {
    for (const r of regions.filter((x) => x.level === level)) {
      if (census.has(r.region_id)) {
        pop.set(r.region_id, census.get(r.region_id)!);
        continue;
      }
      const children = regions.filter((x) => x.parent_id === r.region_id);
      if (!children.length) continue;
      const values = children.map((x) => pop.get(x.region_id));
      pop.set(r.region_id, values.some((v) => v == null) ? null : (values as number[]).reduce((a, b) => a + b, 0));
    }
  }
}
