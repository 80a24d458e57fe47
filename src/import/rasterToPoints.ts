import { fromArrayBuffer } from 'geotiff';
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

export interface RasterGrid {
  width: number;
  height: number;
  /** Top-left corner and pixel size, in degrees (WGS84). */
  originX: number;
  originY: number;
  pixelX: number;
  pixelY: number;
  values: ArrayLike<number>;
  nodata: number | null;
}

/** Read a single-band GeoTIFF (WorldPop-style people per pixel, EPSG:4326). */
export async function readPopulationTiff(bytes: Uint8Array, file: string): Promise<RasterGrid> {
  const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const image = await tiff.getImage();
  const keys = (image.getGeoKeys?.() ?? {}) as Record<string, number>;
  const epsg = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey ?? 4326;
  if (projFromEpsg(epsg) !== null) throw new Error(`${file}: the raster is in EPSG:${epsg}; population rasters must be in WGS84 degrees (EPSG:4326), as WorldPop publishes them`);
  const [originX, originY] = image.getOrigin();
  const [pixelX, pixelY] = image.getResolution();
  const raw = image.getGDALNoData();
  const [band] = (await image.readRasters({ samples: [0] })) as unknown as ArrayLike<number>[];
  return { width: image.getWidth(), height: image.getHeight(), originX, originY, pixelX, pixelY: Math.abs(pixelY), values: band, nodata: raw ?? null };
}

/**
 * Aggregate raster cells onto a grid of `cellKm` (1 km by default). Each output point sits at the
 * population-weighted centre of the cells it gathers, and holds their summed population: the total is
 * conserved (up to float rounding of the additions, tested to 1e-9 relative). Nodata, NaN and negative
 * cells are skipped and counted. The grid's longitude step is set at the raster's middle latitude.
 */
export function rasterToPoints(r: RasterGrid, cellKm = 1): GridPoints {
  if (!(cellKm > 0)) throw new Error(`grid cell size must be above 0 km, got ${cellKm}`);
  const midLat = r.originY - (r.height * r.pixelY) / 2;
  const dLat = cellKm / 111.32;
  const dLon = dLat / Math.cos((midLat * Math.PI) / 180);
  const cols = Math.max(1, Math.ceil((r.width * r.pixelX) / dLon));
  const rows = Math.max(1, Math.ceil((r.height * r.pixelY) / dLat));
  // Sparse accumulation: a 100 m national raster is mostly empty at 1 km.
  const sums = new Map<number, [number, number, number]>();
  let total = 0;
  let nodataCells = 0;
  for (let y = 0; y < r.height; y++) {
    const lat = r.originY - (y + 0.5) * r.pixelY;
    const gy = Math.min(rows - 1, Math.floor((r.originY - lat) / dLat));
    for (let x = 0; x < r.width; x++) {
      const v = r.values[y * r.width + x];
      if (v === r.nodata || !(v >= 0)) {
        nodataCells++;
        continue;
      }
      if (v === 0) continue;
      total += v;
      const lon = r.originX + (x + 0.5) * r.pixelX;
      const gx = Math.min(cols - 1, Math.floor((lon - r.originX) / dLon));
      const key = gy * cols + gx;
      const acc = sums.get(key);
      if (acc) {
        acc[0] += v;
        acc[1] += v * lon;
        acc[2] += v * lat;
      } else sums.set(key, [v, v * lon, v * lat]);
    }
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  const out = { lon: new Float64Array(keys.length), lat: new Float64Array(keys.length), population: new Float64Array(keys.length) };
  keys.forEach((k, i) => {
    const [p, sx, sy] = sums.get(k)!;
    out.population[i] = p;
    out.lon[i] = sx / p;
    out.lat[i] = sy / p;
  });
  return { ...out, rasterTotal: total, cells: r.width * r.height, nodataCells, cellDegrees: { lon: dLon, lat: dLat } };
}
