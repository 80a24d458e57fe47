/**
 * Inputs of `npm run bench -- --only import-page`: the committed real Sierra Leone files, except that the small
 * synthetic 0.02° population raster is replaced by the same people on a grid 7 times finer each way (1,071 x 1,078 =
 * 1.15 M cells of about 320 m): the size of a 1 km national raster of a larger country, over Sierra Leone's extent.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPopulationTiff, type RasterGrid } from '../../src/import/rasterToPoints';
import { writeGeoTiff, type GeoTiffGrid } from '../writeGeoTiff';

export const SIERRA_LEONE_DIR = 'src/import/fixtures/real/sierra-leone';
const SMALL_RASTER = 'sle_population_2015_synthetic_0p02deg.tif';
/** Each 0.02° cell becomes FINER x FINER cells. */
export const FINER = 7;
const NODATA = -99999;

/**
 * Each cell split into k x k cells holding value / k² each (nodata, NaN and negative cells stay nodata), so the
 * total is the same up to Float32 rounding of the parts. Pure; deterministic.
 */
export function subdivideRaster(r: RasterGrid, k: number, nodata = NODATA): { values: Float32Array; grid: GeoTiffGrid } {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`subdivision must be a whole number >= 1, got ${k}`);
  const width = r.width * k, height = r.height * k;
  const values = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / k) * r.width;
    for (let x = 0; x < width; x++) {
      const v = r.values[src + Math.floor(x / k)];
      values[y * width + x] = v === r.nodata || !(v >= 0) ? nodata : v / (k * k);
    }
  }
  return { values, grid: { west: r.originX, north: r.originY, cellLonDeg: r.pixelX / k, cellLatDeg: r.pixelY / k, width, height } };
}

export interface ImportPageInput {
  /** The files a person chooses, in the temp folder. */
  files: string[];
  /** The saved mapping they give first (the fixture's, with the 1 km default grid instead of its 5 km). */
  mappingFile: string;
  rasterCells: number;
  rasterTotal: number;
}

/** Write the inputs into `dir` (an empty temp folder). */
export async function prepareImportPageInput(root: string, dir: string): Promise<ImportPageInput> {
  const from = (f: string) => path.join(root, SIERRA_LEONE_DIR, f);
  const small = await readPopulationTiff(readFileSync(from(SMALL_RASTER)), SMALL_RASTER);
  const { values, grid } = subdivideRaster(small, FINER);
  const tif = path.join(dir, `sle_population_2015_synthetic_${grid.width}x${grid.height}.tif`);
  writeFileSync(tif, writeGeoTiff(values, grid, NODATA));
  const files = [tif];
  for (const f of ['sle_health_facilities_cdc.geojson', 'sle_admbnda_adm1_1m_gov_ocha.zip', 'sle_admbnda_adm2_1m_gov_ocha.zip', 'sle_census_2015_population_by_district.csv']) {
    copyFileSync(from(f), path.join(dir, f));
    files.push(path.join(dir, f));
  }
  const mappingFile = path.join(dir, 'mapping.json');
  writeFileSync(mappingFile, JSON.stringify({ ...JSON.parse(readFileSync(from('mapping.json'), 'utf8')), gridKm: 1 }, null, 2));
  let rasterTotal = 0;
  for (const v of values) if (v !== NODATA) rasterTotal += v;
  return { files, mappingFile, rasterCells: values.length, rasterTotal };
}
