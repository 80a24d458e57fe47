import { fromArrayBuffer, type GeoTIFF } from 'geotiff';
import { projFromEpsg } from './reproject';

/** Population demand points made from a raster: one per grid cell that holds people. */
export interface GridPoints {
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  /** Sum of every valid raster cell, in raster order (the total the points must conserve). */
  rasterTotal: number;
  /** Cells read, cells that were nodata or negative, and the output grid size in degrees. */
  cells: number;
  nodataCells: number;
  cellDegrees: { lon: number; lat: number };
}

/** Where a raster lies and what its nodata value is. */
export interface RasterHeader {
  width: number;
  height: number;
  /** Top-left corner and pixel size, in degrees (WGS84). */
  originX: number;
  originY: number;
  pixelX: number;
  pixelY: number;
  nodata: number | null;
}

export interface RasterGrid extends RasterHeader {
  values: ArrayLike<number>;
}

/** A raster read a strip of full-width rows at a time: a 100 m national raster never has to be in memory whole. */
export interface RasterSource extends RasterHeader {
  /** Rows y0 to y1 - 1, full width, row after row. */
  readRows(y0: number, y1: number): Promise<ArrayLike<number>>;
  /** Rows per read: whole strips or tile rows of the file, about 4 M cells. */
  stripRows: number;
}

/** Read a single-band GeoTIFF (WorldPop-style people per pixel, EPSG:4326) whole. */
export async function readPopulationTiff(bytes: Uint8Array, file: string): Promise<RasterGrid> {
  const source = await openPopulationTiff(await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer), file);
  return { ...source, values: await source.readRows(0, source.height) };
}

/** A GeoTIFF (from bytes, or from a file read piece by piece: geotiff's `fromFile`) as a source of row strips. */
export async function openPopulationTiff(tiff: GeoTIFF, file: string): Promise<RasterSource> {
  const image = await tiff.getImage();
  const keys = (image.getGeoKeys?.() ?? {}) as Record<string, number>;
  const epsg = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey ?? 4326;
  if (projFromEpsg(epsg) !== null) throw new Error(`${file}: the raster is in EPSG:${epsg}; population rasters must be in WGS84 degrees (EPSG:4326), as WorldPop publishes them`);
  const [originX, originY] = image.getOrigin();
  const [pixelX, pixelY] = image.getResolution();
  const width = image.getWidth();
  const height = image.getHeight();
  // Whole strips (or tile rows), so that no strip or tile is decoded twice.
  const unit = Math.max(1, image.getTileHeight());
  const stripRows = unit * Math.max(1, Math.floor(4_000_000 / (width * unit)));
  return {
    width, height, originX, originY, pixelX, pixelY: Math.abs(pixelY), nodata: image.getGDALNoData() ?? null, stripRows,
    readRows: async (y0, y1) => ((await image.readRasters({ samples: [0], window: [0, y0, width, y1] })) as unknown as ArrayLike<number>[])[0],
  };
}

/**
 * Aggregate raster cells onto a grid of `cellKm` (1 km by default). Each output point sits at the
 * population-weighted centre of the cells it gathers, and holds their summed population: the total is
 * conserved (up to float rounding of the additions, tested to 1e-9 relative). Nodata, NaN and negative
 * cells are skipped and counted. The grid's longitude step is set at the raster's middle latitude.
 */
export function rasterToPoints(r: RasterGrid, cellKm = 1): GridPoints {
  const grid = new GridAccumulator(r, cellKm);
  grid.addRows(r.values, 0, r.height);
  return grid.finish();
}

/**
 * The same, reading `source` a strip at a time (the CLI's path for 100 m national rasters of 100 M+ cells: memory
 * holds one strip and the output grid). Strips are whole rows in raster order, so every sum is made of the same
 * additions in the same order as rasterToPoints: the result is identical, not just close.
 */
export async function rasterToPointsStreamed(source: RasterSource, cellKm = 1, onStrip?: (rowsDone: number) => void): Promise<GridPoints> {
  const grid = new GridAccumulator(source, cellKm);
  for (let y0 = 0; y0 < source.height; y0 += source.stripRows) {
    const y1 = Math.min(source.height, y0 + source.stripRows);
    grid.addRows(await source.readRows(y0, y1), y0, y1 - y0);
    onStrip?.(y1);
  }
  return grid.finish();
}

/** Up to this many output cells the sums are dense arrays (24 bytes a cell); past it, a map of the cells with people. */
const DENSE_CELLS = 8_000_000;

class GridAccumulator {
  private readonly dLat: number;
  private readonly dLon: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly dense: { p: Float64Array; x: Float64Array; y: Float64Array } | null;
  private readonly sparse = new Map<number, [number, number, number]>();
  private total = 0;
  private nodataCells = 0;

  constructor(private readonly r: RasterHeader, cellKm: number) {
    if (!(cellKm > 0)) throw new Error(`grid cell size must be above 0 km, got ${cellKm}`);
    const midLat = r.originY - (r.height * r.pixelY) / 2;
    this.dLat = cellKm / 111.32;
    this.dLon = this.dLat / Math.cos((midLat * Math.PI) / 180);
    this.cols = Math.max(1, Math.ceil((r.width * r.pixelX) / this.dLon));
    this.rows = Math.max(1, Math.ceil((r.height * r.pixelY) / this.dLat));
    const n = this.cols * this.rows;
    this.dense = n <= DENSE_CELLS ? { p: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n) } : null;
  }

  /** `count` full-width rows starting at raster row `y0`. */
  addRows(values: ArrayLike<number>, y0: number, count: number): void {
    const { r, dLat, dLon, cols, rows, dense, sparse } = this;
    const nodata = r.nodata;
    // Output column of each raster column, once per strip.
    const gxOf = new Int32Array(r.width);
    for (let x = 0; x < r.width; x++) gxOf[x] = Math.min(cols - 1, Math.floor((r.originX + (x + 0.5) * r.pixelX - r.originX) / dLon));
    let total = this.total;
    let nodataCells = this.nodataCells;
    for (let j = 0; j < count; j++) {
      const y = y0 + j;
      const lat = r.originY - (y + 0.5) * r.pixelY;
      const gy = Math.min(rows - 1, Math.floor((r.originY - lat) / dLat));
      const rowBase = j * r.width;
      for (let x = 0; x < r.width; x++) {
        const v = values[rowBase + x];
        if (v === nodata || !(v >= 0)) {
          nodataCells++;
          continue;
        }
        if (v === 0) continue;
        total += v;
        const lon = r.originX + (x + 0.5) * r.pixelX;
        const key = gy * cols + gxOf[x];
        if (dense) {
          dense.p[key] += v;
          dense.x[key] += v * lon;
          dense.y[key] += v * lat;
        } else {
          const acc = sparse.get(key);
          if (acc) {
            acc[0] += v;
            acc[1] += v * lon;
            acc[2] += v * lat;
          } else sparse.set(key, [v, v * lon, v * lat]);
        }
      }
    }
    this.total = total;
    this.nodataCells = nodataCells;
  }

  finish(): GridPoints {
    const { dense, sparse } = this;
    let keys: number[];
    if (dense) {
      keys = [];
      for (let k = 0; k < dense.p.length; k++) if (dense.p[k] > 0) keys.push(k);
    } else keys = [...sparse.keys()].sort((a, b) => a - b);
    const out = { lon: new Float64Array(keys.length), lat: new Float64Array(keys.length), population: new Float64Array(keys.length) };
    keys.forEach((k, i) => {
      const [p, sx, sy] = dense ? [dense.p[k], dense.x[k], dense.y[k]] : sparse.get(k)!;
      out.population[i] = p;
      out.lon[i] = sx / p;
      out.lat[i] = sy / p;
    });
    return { ...out, rasterTotal: this.total, cells: this.r.width * this.r.height, nodataCells: this.nodataCells, cellDegrees: { lon: this.dLon, lat: this.dLat } };
  }
}
