/**
 * What to do when a file is not what the validator reads: the validator only refuses, Import converts.
 * Self-contained (no import from src/import) so that the data layer stays below it.
 */

/** Names people give the contract's columns, by contract column. Lower-cased, non-letters removed. */
const LOOKALIKES: Record<string, readonly string[]> = {
  lat: ['latitude', 'y', 'latdd', 'gpslatitude', 'gpslat', 'ycoord', 'pointy'],
  lon: ['long', 'lng', 'longitude', 'x', 'londd', 'gpslongitude', 'gpslong', 'xcoord', 'pointx'],
  name: ['facilityn', 'facilityname', 'nom', 'nombre', 'hfname', 'sitename'],
  region_id: ['pcode', 'adm2pcode', 'admin2pcod', 'districtcode', 'regioncode'],
  population: ['pop', 'total', 'ttl', 'totalpopulation'],
  type: ['facilityt', 'facilitytype', 'category'],
  ownership: ['owner', 'managingauthority', 'authority'],
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `column \`Latitude\` looks like \`lat\`: use Import, or rename it`, for each lookalike of a column the file lacks. */
export function lookalikeHints(columns: readonly string[], wanted: readonly string[]): { column: string; target: string; message: string }[] {
  const present = new Set(columns);
  const out: { column: string; target: string; message: string }[] = [];
  for (const target of wanted) {
    if (present.has(target) || !LOOKALIKES[target]) continue;
    const col = columns.find((c) => LOOKALIKES[target].includes(key(c)) || (key(c) === key(target) && c !== target));
    if (col) out.push({ column: col, target, message: `column \`${col}\` looks like \`${target}\`: use Import (npm run import), or rename it` });
  }
  return out;
}

/** A file that is not Parquet but that Import reads: say what it is and what to do. Null when it may be Parquet. */
export function notParquetHint(file: string, bytes: Uint8Array): string | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return null; // PAR1
  const ext = /\.([^.]+)$/.exec(file)?.[1].toLowerCase() ?? '';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === 'xlsx' || ext === 'xls') return 'a spreadsheet is not Parquet: use Import (npm run import, or Import in the page) to turn it into the contract\'s tables';
  if (ext === 'zip' || zip) return 'a zip (a shapefile?) is not Parquet: use Import (npm run import) to read shapefiles';
  if (ext === 'tif' || ext === 'tiff' || (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) return 'a GeoTIFF raster is not Parquet: use Import (npm run import) to turn a population raster into population points';
  if (['geojson', 'topojson', 'json'].includes(ext) || /^\s*\{/.test(head)) {
    if (/"type"\s*:\s*"(Multi)?Point"/.test(head)) return 'this GeoJSON holds points: facilities, not boundaries; use Import (npm run import) to make facilities.parquet from it';
    if (/"type"\s*:\s*"(Multi)?Polygon"|"Topology"/.test(head)) return 'this GeoJSON/TopoJSON holds boundaries, not a table: load it as boundaries, or give it to npm run validate as a .geojson file';
    return 'JSON is not Parquet: use Import (npm run import)';
  }
  if (['csv', 'tsv', 'txt'].includes(ext) || /^[^\0]*[,;\t][^\0]*\n/.test(head)) return `${ext === 'tsv' ? 'TSV' : 'CSV'} is not Parquet: use Import (npm run import, or Import in the page)`;
  return null;
}
