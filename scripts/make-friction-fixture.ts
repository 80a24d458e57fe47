/**
 * Writes src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif: a 100 x 100 cell (about 92 x 92 km)
 * window of the Malaria Atlas Project's 2015 global friction surface (Weiss et al. 2018, Nature 553:333-336; minutes per
 * metre, 30 arc-seconds), around Toamasina on Madagascar's east coast: sea (nodata), rivers, towns and roads. Source:
 * the Madagascar clip the MadaAccess study committed (github.com/mrajeev08/MadaAccess,
 * data-raw/out/rasters/friction_mada_masked.tif, made with malariaAtlas::getRaster), read with the same geotiff
 * library, cells copied unchanged, the file's nodata (-3.4e+38) kept. Deterministic.
 * Run: npx tsx scripts/make-friction-fixture.ts PATH/friction_mada_masked.tif
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromArrayBuffer, writeArrayBuffer } from 'geotiff';

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: npx tsx scripts/make-friction-fixture.ts PATH/friction_mada_masked.tif');
const OUT = 'src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif';
const COL0 = 672;
const ROW0 = 690;
const SIZE = 100;

const b = readFileSync(source);
const image = await (await fromArrayBuffer(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer)).getImage();
const [band] = (await image.readRasters({ samples: [0] })) as unknown as Float32Array[];
const [ox, oy] = image.getOrigin();
const [px, py] = image.getResolution();
const width = image.getWidth();
const values = new Float32Array(SIZE * SIZE);
for (let r = 0; r < SIZE; r++) for (let c = 0; c < SIZE; c++) values[r * SIZE + c] = band[(ROW0 + r) * width + COL0 + c];
const originX = ox + COL0 * px;
const originY = oy + ROW0 * py;
const tiff = writeArrayBuffer(values, {
  width: SIZE, height: SIZE, ModelPixelScale: [px, -py, 0], ModelTiepoint: [0, 0, 0, originX, originY, 0],
  GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeogCitationGeoKey: 'WGS 84', GDAL_NODATA: '-3.4e+38',
});
writeFileSync(OUT, new Uint8Array(tiff));
console.log(`${OUT}: ${SIZE} x ${SIZE} cells, origin ${originX}, ${originY}, cell ${px} x ${-py} degrees`);
