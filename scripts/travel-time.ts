/**
 * `npm run travel-time -- (--friction FILE | --roads FILE [--barriers FILE] [--landcover FILE]) --facilities FILE --out DIR [--cell 100]
 *   [--boundaries FILE] [--mode walking|motorised] [--knights]`
 *
 * A national travel-time surface at 100 m with the app's own engine (costDistance), in Node, for grids too large for a
 * browser tab (AccessMod's national runs). Writes, for the browser and for GIS tools:
 *  - travel_time_minutes.tif: Float32 GeoTIFF, EPSG:4326, minutes to the nearest facility; nodata -9999 = a barrier or
 *    a cell no facility reaches (the page's loader reads it as a precomputed surface);
 *  - nearest_facility.tif: UInt16 GeoTIFF (Int32 past 65,534 facilities) on the same grid, the 1-based row in travel_time.json's `facilityIds` of the
 *    nearest facility by time; 0 = none;
 *  - travel_time.json: the grid, inputs, facility ids in order, and how long it took and how much memory it used.
 * Exit 0 written, 1 an input is invalid (one line naming the file and rule), 2 wrong usage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { parseBarriers } from '../src/data/travelLayers';
import { readFrictionTiff } from '../src/import/frictionTiff';
import { readGeoJson, readShapefileZip } from '../src/import/readGeo';
import { readLandCover, readRoads } from '../src/import/travelFiles';
import { frictionFromRaster, frictionSurface, maskOutside, type FrictionSurface, type LatLonGrid } from '../src/metrics/frictionSurface';
import { facilityCells, speedsFor, type TravelMode } from '../src/metrics/reachByTime';
import { costDistance } from '../src/metrics/travelTime';
import { runCli } from './runCli';
import { writeGeoTiff } from './writeGeoTiff';

const USAGE = `Usage: npm run travel-time -- (--friction FILE.tif | --roads FILE.geojson [--barriers FILE.geojson] [--landcover FILE.geojson])
         --facilities FILE --out DIR [--cell 100] [--boundaries FILE] [--mode walking|motorised] [--knights]

Computes the travel time from every cell to the nearest facility with the dashboard's engine (GRASS r.cost's rules).
  --friction     a friction GeoTIFF in minutes per metre (Malaria Atlas Project format); its own grid is used
  --roads        roads GeoJSON (class or OpenStreetMap highway); with --barriers (water), a surface is built on a
                 lat/lon grid of --cell metres (default 100) over the boundaries, else the roads and facilities;
                 with --landcover (polygons with a land-cover class or OSM natural/landuse tag), walking off the
                 roads takes AccessMod's speed for the ground (dense vegetation 2 km/h ... built-up 5)
  --facilities   facilities.parquet (the contract's: facility_id, lat, lon) or point GeoJSON
  --boundaries   GeoJSON or zipped shapefile: cells outside it are barriers (the country's outline), and its box the extent
  --mode         road speeds: walking (5 km/h everywhere; roads only bridge water) or motorised (AccessMod's; default)
  --knights      16 neighbours (r.cost -k)
Writes travel_time_minutes.tif, nearest_facility.tif and travel_time.json in DIR.`;

class UsageError extends Error {}
interface Args { friction?: string; roads?: string; barriers?: string; landcover?: string; facilities?: string; boundaries?: string; out?: string; cell: number; mode: TravelMode; knights: boolean }

function parseArgs(argv: readonly string[]): Args | 'help' {
  const a: Args = { cell: 100, mode: 'motorised', knights: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${k} needs a value`);
      return v;
    };
    if (k === '-h' || k === '--help') return 'help';
    else if (k === '--friction') a.friction = value();
    else if (k === '--roads') a.roads = value();
    else if (k === '--barriers') a.barriers = value();
    else if (k === '--landcover') a.landcover = value();
    else if (k === '--facilities') a.facilities = value();
    else if (k === '--boundaries') a.boundaries = value();
    else if (k === '--out') a.out = value();
    else if (k === '--cell') a.cell = Number(value());
    else if (k === '--mode') a.mode = value() as TravelMode;
    else if (k === '--knights') a.knights = true;
    else throw new UsageError(`unknown option ${k}`);
  }
  if (!a.facilities || !a.out) throw new UsageError('--facilities and --out are required');
  if (!a.friction === !a.roads) throw new UsageError('give either --friction or --roads');
  if (!(a.cell >= 10 && a.cell <= 10_000)) throw new UsageError('--cell must be a number of metres from 10 to 10000');
  if (a.mode !== 'walking' && a.mode !== 'motorised') throw new UsageError('--mode must be walking or motorised');
  return a;
}

class InputError extends Error {}

async function readFacilities(file: string): Promise<{ ids: string[]; lons: number[]; lats: number[] }> {
  const bytes = await readFile(file);
  if (/\.parquet$/i.test(file)) {
    const rows = tableFromIPC(readParquet(bytes).intoIPCStream()).toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const ok = rows.filter((r) => Number.isFinite(Number(r.lat)) && Number.isFinite(Number(r.lon)) && r.lat !== null && r.lon !== null);
    if (!ok.length) throw new InputError(`${file}: no facility with lat and lon (rule: facilities need coordinates)`);
    return { ids: ok.map((r, i) => String(r.facility_id ?? `F${i + 1}`)), lons: ok.map((r) => Number(r.lon)), lats: ok.map((r) => Number(r.lat)) };
  }
  const layer = readGeoJson(bytes.toString('utf8'), file);
  const points = layer.features.filter((f) => f.geometry?.type === 'Point');
  if (!points.length) throw new InputError(`${file}: no point features (rule: facilities are points)`);
  const xy = points.map((f) => (f.geometry as GeoJSON.Point).coordinates);
  return { ids: points.map((f, i) => String(f.properties?.facility_id ?? f.id ?? `F${i + 1}`)), lons: xy.map((p) => p[0]), lats: xy.map((p) => p[1]) };
}

async function readAreas(file: string): Promise<(GeoJSON.Polygon | GeoJSON.MultiPolygon)[]> {
  const bytes = await readFile(file);
  const layers = /\.zip$/i.test(file) ? await readShapefileZip(bytes, file) : [readGeoJson(bytes.toString('utf8'), file)];
  const areas = layers.flatMap((l) => l.features.map((f) => f.geometry)).filter((g): g is GeoJSON.Polygon | GeoJSON.MultiPolygon => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
  if (!areas.length) throw new InputError(`${file}: no polygons (rule: boundaries are polygons)`);
  return areas;
}

function bboxOf(coords: Iterable<number[]>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return [w, s, e, n];
}
function* positions(g: unknown): Generator<number[]> {
  if (!Array.isArray(g)) return;
  if (typeof g[0] === 'number') yield g as number[];
  else for (const x of g) yield* positions(x);
}

/** A lat/lon grid of `cellM` metres (north-south; east-west at the middle latitude) over a box, one cell of margin. */
function gridOver([w, s, e, n]: [number, number, number, number], cellM: number): LatLonGrid {
  const cellLatDeg = cellM / ((Math.PI / 180) * 6_371_000);
  const cellLonDeg = cellLatDeg / Math.cos((((s + n) / 2) * Math.PI) / 180);
  return { west: w - cellLonDeg, north: n + cellLatDeg, cellLonDeg, cellLatDeg, width: Math.ceil((e - w) / cellLonDeg) + 2, height: Math.ceil((n - s) / cellLatDeg) + 2 };
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main(argv: readonly string[]): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`travel-time: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const a = args;
  try {
    const t0 = performance.now();
    const fac = await readFacilities(a.facilities!);
    const areas = a.boundaries ? await readAreas(a.boundaries) : null;
    let grid: LatLonGrid;
    let surface: FrictionSurface;
    let source: string;
    if (a.friction) {
      const { raster, problems } = await readFrictionTiff(await readFile(a.friction), a.friction);
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems) console.error(`${p.severity.padEnd(8)} ${a.friction}: ${p.message} (rule: ${p.rule})`);
      if (!raster || errors.length) return 1;
      grid = raster.grid;
      surface = frictionFromRaster(raster);
      source = `friction raster ${path.basename(a.friction)}`;
    } else {
      const roadsJson = JSON.parse(await readFile(a.roads!, 'utf8'));
      const roads = readRoads(roadsJson, a.roads!);
      const barriers = a.barriers ? parseBarriers(JSON.parse(await readFile(a.barriers, 'utf8')), a.barriers) : [];
      const landCover = a.landcover ? readLandCover(JSON.parse(await readFile(a.landcover, 'utf8')), a.landcover).areas : [];
      const box = areas ? bboxOf(positions(areas.map((g) => g.coordinates))) : bboxOf([...positions(roads.roads.map((r) => r.geometry.coordinates)), ...fac.lons.map((x, i) => [x, fac.lats[i]])]);
      grid = gridOver(box, a.cell);
      surface = frictionSurface({ grid, roads: roads.roads, barriers, landCover, speedsKmh: speedsFor(a.mode) });
      source = `${a.mode} speeds over ${[a.roads!, a.barriers, a.landcover].filter(Boolean).map((f) => path.basename(f!)).join(', ')}, ${a.cell} m cells`;
    }
    const cells = grid.width * grid.height;
    const masked = areas ? maskOutside(grid, surface.minutesPerMetre, areas) : 0;
    const { cells: sources, index } = facilityCells(grid, surface.minutesPerMetre, fac.lons, fac.lats);
    if (!sources.length) throw new InputError(`${a.facilities}: no facility lies on a passable cell of the grid (rule: facilities inside the surface)`);
    const tPrep = performance.now();
    const cpu0 = process.cpuUsage();
    const r = costDistance({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources, knightsMove: a.knights });
    const tSearch = performance.now();
    // CPU time of the search alone: on a shared machine the wall time also counts the other jobs' turns.
    const searchCpu = process.cpuUsage(cpu0);
    const minutes = r.minutes.map((m) => (m === Infinity ? -9999 : m));
    // 1-based facility row; 16 bits while there are fewer than 65,535 facilities (half the file).
    const nearest = index.length < 65_535 ? new Uint16Array(cells) : new Int32Array(cells);
    for (let i = 0; i < cells; i++) nearest[i] = r.nearest[i] < 0 ? 0 : r.nearest[i] + 1;
    await mkdir(a.out!, { recursive: true });
    await writeFile(path.join(a.out!, 'travel_time_minutes.tif'), writeGeoTiff(minutes, grid, -9999));
    await writeFile(path.join(a.out!, 'nearest_facility.tif'), writeGeoTiff(nearest, grid, 0));
    let reached = 0, land = 0;
    for (let i = 0; i < cells; i++) { if (r.minutes[i] < Infinity) reached++; if (!Number.isNaN(surface.minutesPerMetre[i])) land++; }
    const tEnd = performance.now();
    // The process's own high-water mark (getrusage ru_maxrss, kB): a timer could not sample during the search.
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const meta = {
      generatedBy: 'scripts/travel-time.ts', source, mode: a.friction ? null : a.mode, knightsMove: a.knights,
      grid, cellSizeM: { northSouth: surface.cellSizeM.y, eastWestMiddleRow: surface.cellSizeM.x[Math.floor(grid.height / 2)] },
      cells, passableCells: land, maskedOutside: masked, reachedCells: reached,
      facilities: index.length, facilitiesOffGrid: fac.ids.length - index.length, facilityIds: Array.from(index, (k) => fac.ids[k]),
      files: { minutes: 'travel_time_minutes.tif', nearest: 'nearest_facility.tif' },
      timingsMs: { readAndBuild: Math.round(tPrep - t0), search: Math.round(tSearch - tPrep), searchCpu: Math.round((searchCpu.user + searchCpu.system) / 1000), write: Math.round(tEnd - tSearch), total: Math.round(tEnd - t0) },
      peakRssMb: mb(peakRss), node: process.version,
    };
    await writeFile(path.join(a.out!, 'travel_time.json'), `${JSON.stringify(meta, null, 1)}\n`);
    console.log(`${grid.width} x ${grid.height} = ${cells.toLocaleString('en')} cells (${land.toLocaleString('en')} passable, ${reached.toLocaleString('en')} reached) from ${index.length} facilities: ` +
      `read and build ${meta.timingsMs.readAndBuild} ms, search ${meta.timingsMs.search} ms (CPU ${meta.timingsMs.searchCpu} ms), write ${meta.timingsMs.write} ms; peak RSS ${meta.peakRssMb} MB -> ${a.out}`);
    return 0;
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && /^\S+: /.test(e.message))) throw e;
    console.error(`travel-time: ${e.message}`);
    return 1;
  }
}

runCli('travel-time', main);
