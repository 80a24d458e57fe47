/**
 * A friction GeoTIFF, the optional travel-time part of the contract in the Malaria Atlas Project's format: one band of
 * minutes per metre (float32; Weiss et al. 2018 and 2020, "friction surface"), nodata = a cell nobody crosses (sea,
 * lake, no data). Read with the geotiff library as the population raster is (rasterToPoints.ts).
 *
 * Rules, each problem naming the file and the rule:
 *  - readable: a GeoTIFF with at least one band (more: the first is used, a warning);
 *  - coordinate system: WGS84 degrees (EPSG:4326) as MAP publishes; a UTM zone or Web Mercator (as AccessMod rasters
 *    are) is resampled onto a lat/lon grid of about the same cell size, nearest cell, with a warning; others refused;
 *  - minutes per metre >= 0: a negative value is an error (count and first cells);
 *  - nodata, NaN and +-Infinity are barriers. GDAL_NODATA is compared after rounding to float32: MAP's -3.4e+38 is
 *    -3.3999999521e+38 once stored, and an exact comparison would read the whole sea as passable;
 *  - at least one passable cell;
 *  - plausible unit: a median above 1 minute per metre (slower than 60 m per hour) is a warning: seconds per metre,
 *    a speed in km/h or a land-cover class were probably given instead;
 *  - extent: checked against the boundaries (or the population) by frictionExtentProblems.
 */
import { fromArrayBuffer } from 'geotiff';
import proj4 from 'proj4';
import type { LatLonGrid } from '../metrics/frictionSurface';
import { projFromEpsg } from './reproject';

/** Outer edges and cell size in degrees, rows from the north: the grid travel time is computed on. */
export type FrictionGrid = LatLonGrid;

export interface FrictionRaster {
  file: string;
  grid: FrictionGrid;
  /** Minutes per metre, row-major from the north-west cell; NaN = barrier. */
  minutesPerMetre: Float32Array;
  barrierCells: number;
  /** EPSG code of the file when it was resampled to WGS84, else null. */
  reprojectedFrom: number | null;
}

export interface FrictionProblem {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** Cells concerned, when counted. */
  cells: number | null;
  examples: string[];
}

export type FrictionRead = { raster: FrictionRaster | null; problems: FrictionProblem[] };

const problem = (rule: string, severity: FrictionProblem['severity'], message: string, cells: number | null = null, examples: string[] = []): FrictionProblem =>
  ({ rule, severity, message, cells, examples });

/** A file name that says friction (friction.tif, 202001_Global_Motorized_Friction_Surface_SLE.tiff). */
export const FRICTION_FILE = /friction.*\.tiff?$/i;

/** Which travel mode a friction file's name is for: MAP publishes a walking-only and a motorised surface. */
export function frictionModeOf(name: string): 'walking' | 'motorised' | null {
  if (/walk|foot/i.test(name)) return 'walking';
  if (/motori[sz]|driv|vehic|car/i.test(name)) return 'motorised';
  return null;
}

export async function readFrictionTiff(bytes: Uint8Array, file: string): Promise<FrictionRead> {
  const problems: FrictionProblem[] = [];
  let image;
  try {
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    image = await tiff.getImage();
  } catch (e) {
    return { raster: null, problems: [problem('readable', 'error', `not a readable GeoTIFF (${e instanceof Error ? e.message : String(e)})`)] };
  }
  const width = image.getWidth();
  const height = image.getHeight();
  if (image.getSamplesPerPixel() > 1) problems.push(problem('one band', 'warning', `has ${image.getSamplesPerPixel()} bands; the first is read as minutes per metre`));
  const keys = (image.getGeoKeys?.() ?? {}) as Record<string, number>;
  const epsg = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey ?? null;
  let def: string | null;
  try {
    def = epsg === null ? null : projFromEpsg(epsg);
  } catch (e) {
    return { raster: null, problems: [...problems, problem('coordinate system', 'error', `${(e as Error).message} (as the Malaria Atlas Project publishes it), or a UTM zone`)] };
  }
  let origin: number[], resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    return { raster: null, problems: [...problems, problem('georeferenced', 'error', 'has no georeferencing (no pixel scale and tie point): save it as a GeoTIFF in WGS84 (EPSG:4326)')] };
  }
  if (epsg === null) {
    const inDegrees = Math.abs(origin[0]) <= 180 && Math.abs(origin[1]) <= 90 && Math.abs(resolution[0]) < 1;
    if (!inDegrees) return { raster: null, problems: [...problems, problem('coordinate system', 'error', 'names no coordinate system and its coordinates are not degrees: save it in WGS84 (EPSG:4326)')] };
    problems.push(problem('coordinate system', 'warning', 'names no coordinate system; read as WGS84 degrees (EPSG:4326)'));
  }
  const [band] = (await image.readRasters({ samples: [0] })) as unknown as ArrayLike<number>[];
  const raw = image.getGDALNoData();
  const nodata = raw === null || raw === undefined ? null : Math.fround(raw);

  // Values first, on the file's own grid: negative cells are reported where the user can find them.
  const values = new Float32Array(width * height);
  let negative = 0;
  const negExamples: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = band[i];
    if (!Number.isFinite(v) || (nodata !== null && (v === nodata || Math.fround(v) === nodata))) {
      values[i] = NaN;
      continue;
    }
    if (v < 0) {
      if (negExamples.length < 3) negExamples.push(`row ${Math.floor(i / width) + 1}, column ${(i % width) + 1}: ${v}`);
      negative++;
      values[i] = NaN;
      continue;
    }
    values[i] = v;
  }
  if (negative) {
    const hint = nodata === null ? '; if this is the nodata value, set it in the file (GDAL_NODATA)' : '';
    problems.push(problem('minutes per metre >= 0', 'error', `${negative} cell(s) hold a negative friction (nodata is ${nodata ?? 'not set'})${hint}`, negative, negExamples));
  }

  let grid: FrictionGrid;
  let minutesPerMetre: Float32Array = values;
  if (def === null) {
    grid = { west: origin[0], north: origin[1], cellLonDeg: Math.abs(resolution[0]), cellLatDeg: Math.abs(resolution[1]), width, height };
  } else {
    ({ grid, values: minutesPerMetre } = toLatLon(values, { width, height, originX: origin[0], originY: origin[1], pixelX: Math.abs(resolution[0]), pixelY: Math.abs(resolution[1]) }, def));
    problems.push(problem('coordinate system', 'warning', `is in EPSG:${epsg}; resampled to WGS84 degrees (${grid.width} x ${grid.height} cells, nearest cell)`));
  }

  let barrierCells = 0;
  const passable: number[] = [];
  for (let i = 0; i < minutesPerMetre.length; i++) {
    if (Number.isNaN(minutesPerMetre[i])) barrierCells++;
    else if (i % Math.max(1, Math.floor(minutesPerMetre.length / 100_000)) === 0) passable.push(minutesPerMetre[i]);
  }
  if (barrierCells === minutesPerMetre.length) {
    problems.push(problem('passable cells', 'error', `every cell is nodata or a barrier (nodata ${nodata ?? 'not set'}): nothing can be crossed`, barrierCells));
  } else {
    passable.sort((a, b) => a - b);
    const median = passable[Math.floor(passable.length / 2)];
    if (median > 1) {
      problems.push(problem('unit: minutes per metre', 'warning', `median friction is ${median} minutes per metre (slower than 60 m per hour): the Malaria Atlas Project's values are around 0.001-0.1; was a speed, seconds per metre or a land-cover class given instead?`));
    }
  }
  return { raster: { file, grid, minutesPerMetre, barrierCells, reprojectedFrom: def === null ? null : epsg }, problems };
}

interface ProjectedGrid { width: number; height: number; originX: number; originY: number; pixelX: number; pixelY: number }

/**
 * Resample a projected raster (metres) onto a lat/lon grid covering it, with cells of about the same size at its centre:
 * each lat/lon cell takes the value of the projected cell under its centre (nearest cell), NaN outside.
 */
function toLatLon(values: Float32Array, p: ProjectedGrid, def: string): { grid: FrictionGrid; values: Float32Array } {
  const toWgs = proj4(def, 'EPSG:4326');
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    for (const [fx, fy] of [[i / steps, 0], [i / steps, 1], [0, i / steps], [1, i / steps]]) {
      const [lon, lat] = toWgs.forward([p.originX + fx * p.width * p.pixelX, p.originY - fy * p.height * p.pixelY]);
      w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat);
    }
  }
  const midLat = (s + n) / 2;
  const cellLatDeg = p.pixelY / ((Math.PI / 180) * 6_371_000);
  const cellLonDeg = p.pixelX / ((Math.PI / 180) * 6_371_000 * Math.cos((midLat * Math.PI) / 180));
  const grid = { west: w, north: n, cellLonDeg, cellLatDeg, width: Math.ceil((e - w) / cellLonDeg), height: Math.ceil((n - s) / cellLatDeg) };
  const out = new Float32Array(grid.width * grid.height).fill(NaN);
  for (let r = 0; r < grid.height; r++) {
    const lat = n - (r + 0.5) * cellLatDeg;
    for (let c = 0; c < grid.width; c++) {
      const [x, y] = toWgs.inverse([w + (c + 0.5) * cellLonDeg, lat]);
      const col = Math.floor((x - p.originX) / p.pixelX);
      const row = Math.floor((p.originY - y) / p.pixelY);
      if (col >= 0 && col < p.width && row >= 0 && row < p.height) out[r * grid.width + c] = values[row * p.width + col];
    }
  }
  return { grid, values: out };
}

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/**
 * The raster against the area the dashboard works on (the boundaries' or the population's bounding box): no overlap
 * is an error (a raster of another country, or lat/lon swapped); a part of the area outside it is a warning with its
 * share, since people there get no travel time.
 */
export function frictionExtentProblems(g: FrictionGrid, area: Bbox, what: string): FrictionProblem[] {
  const [w, s, e, n] = area;
  const east = g.west + g.width * g.cellLonDeg;
  const south = g.north - g.height * g.cellLatDeg;
  const ow = Math.max(0, Math.min(e, east) - Math.max(w, g.west));
  const oh = Math.max(0, Math.min(n, g.north) - Math.max(s, south));
  const fmt = (x: number) => x.toFixed(3);
  const rasterBox = `lon ${fmt(g.west)} to ${fmt(east)}, lat ${fmt(south)} to ${fmt(g.north)}`;
  if (ow * oh === 0) return [problem('extent overlaps the ' + what, 'error', `covers ${rasterBox}, which does not overlap the ${what} (lon ${fmt(w)} to ${fmt(e)}, lat ${fmt(s)} to ${fmt(n)})`)];
  const outside = 1 - (ow * oh) / Math.max(1e-12, (e - w) * (n - s));
  if (outside > 0.01) return [problem('extent covers the ' + what, 'warning', `covers ${rasterBox}: ${(100 * outside).toFixed(0)}% of the bounding box of the ${what} is outside it, and people there get no travel time`)];
  return [];
}
