/**
 * Writes src/import/fixtures/real/sierra-leone/sle_population_2015_synthetic_0p02deg.tif: no real population
 * raster small enough to commit was found in a public repository, so this one is built from the real files
 * beside it. Each district's 2015 census total (sle_census_2015_population_by_district.csv) is spread over
 * the 0.02° cells (about 2.2 km) whose centre lies in the district (OCHA ADM2 boundaries), weighted by
 * 1 + the number of health facilities within 0.05° (CDC facility list), so that people gather where the
 * clinics are. Cells outside every district are nodata (-99999, as WorldPop writes). Float32, EPSG:4326.
 * Run: npx tsx scripts/make-raster-fixture.ts (deterministic: same bytes each time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { writeArrayBuffer } from 'geotiff';
import { readShapefileZip } from '../src/import/readGeo';
import { PolygonIndex } from '../src/import/polygonIndex';
import { readDelimited } from '../src/import/readTable';
import { parseNumber } from '../src/import/parseNumber';
import { nameKey } from '../src/import/detectColumns';

const DIR = 'src/import/fixtures/real/sierra-leone';
const STEP = 0.02;
const NODATA = -99999;

const [adm2] = await readShapefileZip(readFileSync(`${DIR}/sle_admbnda_adm2_1m_gov_ocha.zip`), 'adm2.zip');
const census = readDelimited(readFileSync(`${DIR}/sle_census_2015_population_by_district.csv`, 'utf8'), 'census.csv');
const facilities = JSON.parse(readFileSync(`${DIR}/sle_health_facilities_cdc.geojson`, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point>;

const totals = new Map<string, number>();
for (const row of census.rows) totals.set(nameKey(row.DISTRICT), parseNumber(row['ALL RESIDEnCE']) ?? NaN);
totals.set(nameKey('Bo'), totals.get(nameKey('BO-SOUTH'))!); // the census table's own spelling of Bo district

const districts = adm2.features.map((f) => ({ id: String(f.properties!.admin2Name), geometry: f.geometry as GeoJSON.Polygon }));
const index = new PolygonIndex(districts);
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
for (const d of districts) for (const ring of (d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : (d.geometry as unknown as GeoJSON.MultiPolygon).coordinates).map((p) => p[0])) for (const [x, y] of ring) {
  minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
}
const originX = Math.floor(minX / STEP) * STEP;
const originY = Math.ceil(maxY / STEP) * STEP;
const width = Math.ceil((maxX - originX) / STEP);
const height = Math.ceil((originY - minY) / STEP);

const cellDistrict = new Int32Array(width * height).fill(-1);
const weight = new Float64Array(width * height);
const points = facilities.features.map((f) => f.geometry.coordinates);
for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
  const lon = originX + (x + 0.5) * STEP, lat = originY - (y + 0.5) * STEP;
  const d = index.locate(lon, lat);
  if (d < 0) continue;
  cellDistrict[y * width + x] = d;
  let near = 0;
  for (const [px, py] of points) if (Math.abs(px - lon) < 0.05 && Math.abs(py - lat) < 0.05) near++;
  weight[y * width + x] = 1 + near;
}
const sumWeight = new Float64Array(districts.length);
cellDistrict.forEach((d, i) => d >= 0 && (sumWeight[d] += weight[i]));
const values = new Float32Array(width * height).fill(NODATA);
cellDistrict.forEach((d, i) => {
  if (d < 0) return;
  const total = totals.get(nameKey(districts[d].id));
  if (total === undefined || Number.isNaN(total)) throw new Error(`no census total for ${districts[d].id}`);
  values[i] = (total * weight[i]) / sumWeight[d];
});

const tiff = writeArrayBuffer(values, {
  width, height, ModelPixelScale: [STEP, STEP, 0], ModelTiepoint: [0, 0, 0, originX, originY, 0],
  GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeogCitationGeoKey: 'WGS 84', GDAL_NODATA: String(NODATA),
});
writeFileSync(`${DIR}/sle_population_2015_synthetic_0p02deg.tif`, new Uint8Array(tiff));
console.log(`${width} x ${height} cells, origin ${originX}, ${originY}`);
