/**
 * `npm run import -- <files or folders...> --out DIR [--mapping FILE]`: turn the files people have (facility
 * CSV/XLSX/GeoJSON, boundary shapefile zips or GeoJSON/TopoJSON, a census table, a population GeoTIFF) into
 * the data contract's Parquet files plus boundaries.geojson and mapping.json. Same code as the page's Import.
 * Exit 0 when everything mapped, 1 when something could not be mapped (listed; the guessed mapping is
 * written for you to edit and pass back with --mapping), 2 for wrong usage.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromFile } from 'geotiff';
import * as parquet from 'parquet-wasm';
import { importDataset, type ImportResult, type InputFile } from '../src/import/importDataset';
import { importTravelFiles } from '../src/import/travelFiles';
import { DEFAULT_MAPPING, parseMapping } from '../src/import/importMapping';
import { writeTables, type ParquetWriter } from '../src/import/writeTables';
import { runCli } from './runCli';

const USAGE = `Usage: npm run import -- <file | folder> ... --out DIR [--mapping FILE] [--grid-km N]

Reads: CSV/TSV, XLSX, GeoJSON, TopoJSON, zipped or loose shapefiles (.shp .dbf .prj .cpg),
GeoTIFF population rasters and Parquet. A folder stands for the files directly in it.
GeoPackage (.gpkg) is not read: export the layer as GeoJSON or a shapefile first.
Tables by area are a census (population), or coverage / socio-economic indicators
(HDX/DHS long format with an indicator and a value column, or one column per indicator).
Writes into DIR: regions.parquet, facilities.parquet, population.parquet, coverage.parquet,
socioeconomic.parquet, indicator_catalog.parquet (those it can make),
boundaries.geojson, mapping.json (every choice made: edit it and pass it back with --mapping),
and copies any Parquet given.

Options:
  --out DIR        output folder (created if absent)
  --mapping FILE   a mapping.json from an earlier run (column choices, categories, region names)
  --grid-km N      population grid cell size in km (default 1, or the mapping's gridKm)
  -h, --help       show this help

Exit code: 0 everything mapped, 1 something could not be mapped (listed), 2 wrong usage.`;

class UsageError extends Error {}

interface Args { paths: string[]; out: string | null; mapping: string | null; gridKm: number | null; help: boolean }

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], out: null, mapping: null, gridKm: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--out') args.out = value();
    else if (a === '--mapping') args.mapping = value();
    else if (a === '--grid-km') {
      args.gridKm = Number(value());
      if (!(args.gridKm > 0)) throw new UsageError('--grid-km must be a number above 0');
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (!args.help && args.paths.length === 0) throw new UsageError('no file or folder given');
  if (!args.help && !args.out) throw new UsageError('--out DIR is required');
  return args;
}

async function collect(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new UsageError(`no such file or folder: ${p}`);
    const names = info.isDirectory() ? (await readdir(p, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(p, e.name)).sort() : [p];
    for (const name of names) {
      // A GeoTIFF is read piece by piece from disk (a 100 m national raster is GBs once decoded): never whole.
      if (/\.tiff?$/i.test(name)) files.push({ name, bytes: new Uint8Array(0), openTiff: () => fromFile(name) });
      else files.push({ name, bytes: new Uint8Array(await readFile(name)) });
    }
  }
  return files;
}

export function formatResult(r: ImportResult, out: string): string {
  const lines = r.notes.map((n) => `note     ${n}`);
  if (r.raster) lines.push(`note     raster total ${r.raster.total} = points total ${r.raster.pointsTotal} (difference ${(r.raster.pointsTotal - r.raster.total).toExponential(2)})`);
  for (const u of r.unmapped) {
    lines.push(`unmapped ${u.file ? `${u.file}: ` : ''}${u.what}${u.rows ? ` (${u.rows} rows)` : ''}${u.values.length ? `: ${u.values.join('; ')}` : ''}`);
    lines.push(`         what to do: ${u.fix}`);
  }
  const count = (c?: Record<string, unknown[]>) => (c ? Object.values(c)[0]?.length ?? 0 : 0);
  lines.push(`wrote ${out}: ${count(r.tables.regions)} regions, ${count(r.tables.facilities)} facilities, ${count(r.tables.population)} population points, ${count(r.tables.coverage)} coverage rows, ${count(r.tables.socioeconomic)} socio-economic rows, ${count(r.tables.indicator_catalog)} indicators, ${r.boundaries.features.length} boundary shapes, mapping.json`);
  lines.push(r.unmapped.length ? `${r.unmapped.length} thing${r.unmapped.length === 1 ? '' : 's'} could not be mapped: edit ${path.join(out, 'mapping.json')} and run again with --mapping` : 'everything mapped; check it with: npm run validate -- ' + out);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  let files: InputFile[];
  let mapping = DEFAULT_MAPPING;
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    files = await collect(args.paths);
    if (args.mapping) mapping = parseMapping(await readFile(args.mapping, 'utf8').catch(() => { throw new UsageError(`no such mapping file: ${args.mapping}`); }), args.mapping);
    if (args.gridKm) mapping = { ...mapping, gridKm: args.gridKm };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`import: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  // Roads, water and friction rasters (issue 17) become roads.geojson, barriers.geojson and the friction files.
  const travel = await importTravelFiles(files);
  const result = await importDataset(travel.rest, mapping);
  result.notes.push(...travel.notes);
  const out = args.out!;
  await mkdir(out, { recursive: true });
  for (const f of travel.outputs) await writeFile(path.join(out, f.name), f.bytes);
  for (const f of writeTables(parquet as unknown as ParquetWriter, result.tables)) await writeFile(path.join(out, f.name), f.bytes);
  for (const f of result.parquet) await writeFile(path.join(out, path.basename(f.name)), f.bytes);
  await writeFile(path.join(out, 'boundaries.geojson'), JSON.stringify(result.boundaries));
  await writeFile(path.join(out, 'mapping.json'), `${JSON.stringify(result.mapping, null, 2)}\n`);
  console.log(formatResult(result, out));
  return result.unmapped.length ? 1 : 0;
}

runCli('import', main);
