/**
 * `npm run validate -- <files or folders>`: check Parquet files against the data contract with the same
 * engine and rules as the dashboard. Exit 0 when every file is valid (warnings allowed), 1 when any file is
 * invalid, 2 for wrong usage. Bad data never produces a stack trace: every failure is one line of the report.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as parquet from 'parquet-wasm';
import { createNodeDb } from '../src/db/nodeDb';
import { parseBoundaries, type BoundaryFeature } from '../src/data/boundaries';
import { parseBarriers, parseLandCover, parseRoads } from '../src/data/travelLayers';
import { runPlausibility, type PlausibilityReport } from '../src/data/plausibility';
import { validateFiles, type FileReport, type FileSource, type Problem, type ValidationReport } from '../src/data/validateFiles';
import { validateBoundaries } from '../src/data/validateBoundaries';
import { geoBbox } from '../src/data/geoBbox';
import { FRICTION_FILE, frictionExtentProblems, readFrictionTiff, type Bbox } from '../src/import/frictionTiff';
import type { SqlRunner } from '../src/db/sqlRunner';
import { runCli } from './runCli';

const USAGE = `Usage: npm run validate -- [--json] <file.parquet | boundaries.geojson | friction.tif | folder> ...

Checks Parquet files against the dashboard's data contract (src/data/contract.ts), boundaries
(.geojson/.topojson: polygons with a region_id that resolves in regions), the optional travel-time layers
(roads.geojson, barriers.geojson, landcover.geojson, and a friction GeoTIFF whose name contains "friction": minutes per metre >= 0,
WGS84 or a UTM zone, nodata = barrier, extent over the boundaries), then runs the plausibility checks
(warnings). Other formats (CSV, XLSX, shapefiles, population GeoTIFF): use npm run import first.
A folder stands for its own *.parquet, *.geojson, *.topojson and *friction*.tif files (not its subfolders'); a
boundary file may also be given by name. Each file is matched to a
table by its name (facilities.parquet, my_facilities_2024.parquet) or else by its columns, and
tables are checked in dependency order (regions first) so that keys can resolve.

Options:
  --json       print the report as JSON instead of text
  -h, --help   show this help

Then plausibility checks (warnings, never errors): facilities outside every boundary or
outside their district (needs boundaries), swapped lat/lon, duplicate facilities, district
population points against regions.population, coverage and CIs outside the indicator's scale.

Exit code: 0 every file is valid (warnings allowed), 1 a file is invalid, 2 wrong usage.`;

class UsageError extends Error {}

interface Args { json: boolean; paths: string[]; help: boolean }

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, paths: [], help: false };
  let onlyPaths = false;
  for (const a of argv) {
    if (onlyPaths || !a.startsWith('-') || a === '-') args.paths.push(a);
    else if (a === '--') onlyPaths = true;
    else if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new UsageError(`unknown option ${a}`);
  }
  if (!args.help && args.paths.length === 0) throw new UsageError('no file or folder given');
  return args;
}

/**
 * Files given by name are checked whatever their extension. A folder is one dataset: its own *.parquet files,
 * not its subfolders' (data/ holds the demo, data/scale-10/ a bigger copy of it; mixing them would check two
 * datasets as one).
 */
const BOUNDARY_FILE = /\.(geo|topo)json$|^boundaries\.json$/i;
/** The optional travel-time layers (src/data/travelLayers.ts): GeoJSON, but lines and water, not boundaries. */
const TRAVEL_LAYER = /^(roads|barriers|landcover)\.geojson$/i;

async function collectSources(paths: readonly string[]): Promise<{ sources: FileSource[]; boundaries: string[]; layers: string[]; frictions: string[] }> {
  const files: { file: string; size: number }[] = [];
  const boundaries: string[] = [];
  const layers: string[] = [];
  const frictions: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new UsageError(`no such file or folder: ${p}`);
    if (info.isFile()) {
      if (FRICTION_FILE.test(path.basename(p))) frictions.push(p);
      else if (TRAVEL_LAYER.test(path.basename(p))) layers.push(p);
      else if (BOUNDARY_FILE.test(path.basename(p))) boundaries.push(p);
      else files.push({ file: p, size: info.size });
      continue;
    }
    if (!info.isDirectory()) throw new UsageError(`not a file or folder: ${p}`);
    const entries = await readdir(p, { withFileTypes: true });
    const geo = entries.filter((e) => e.isFile() && BOUNDARY_FILE.test(e.name)).map((e) => e.name).sort();
    layers.push(...geo.filter((n) => TRAVEL_LAYER.test(n)).map((n) => path.join(p, n)));
    boundaries.push(...geo.filter((n) => !TRAVEL_LAYER.test(n)).map((n) => path.join(p, n)));
    frictions.push(...entries.filter((e) => e.isFile() && FRICTION_FILE.test(e.name)).map((e) => path.join(p, e.name)).sort());
    const found = entries.filter((e) => e.isFile() && /\.parquet$/i.test(e.name)).map((e) => e.name).sort();
    if (found.length === 0) {
      const sub = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
      const hint = sub.length ? ` (subfolders are not searched; give them by name: ${sub.slice(0, 3).map((d) => path.join(p, d)).join(', ')}${sub.length > 3 ? ', ...' : ''})` : '';
      throw new UsageError(`no .parquet files in folder ${p}${hint}`);
    }
    for (const name of found) {
      const file = path.join(p, name);
      files.push({ file, size: (await stat(file)).size });
    }
  }
  return { sources: files.map(({ file, size }) => ({ file, size, read: () => readFile(file) })), boundaries, layers, frictions };
}

/** The boundary files' features for the plausibility checks; a file that does not parse is reported by checkBoundaries. */
async function readBoundaries(files: readonly string[]): Promise<BoundaryFeature[] | null> {
  let features: BoundaryFeature[] | null = null;
  for (const file of files) {
    try {
      features = [...(features ?? []), ...parseBoundaries(JSON.parse(await readFile(file, 'utf8')), file)];
    } catch {
      // reported with the file's checks
    }
  }
  return features;
}

function plausibilityLines(p: PlausibilityReport): string[] {
  const lines = p.findings.filter((f) => f.count > 0).map((f) =>
    `${'warning'.padEnd(8)} plausibility: ${f.count} found: ${f.rule}; e.g. ${f.examples.join('; ')} (check: ${f.id})`);
  for (const s of p.skipped) lines.push(`${'note'.padEnd(8)} plausibility: ${s.id} not checked: ${s.reason}`);
  const found = p.findings.filter((f) => f.count > 0).length;
  lines.push(`plausibility: ${p.findings.length} check${p.findings.length === 1 ? '' : 's'} run, ${found} with findings, ${p.skipped.length} not run`);
  return lines;
}

function problemLine(p: Problem): string {
  const where = p.column ? `${p.table ? `${p.table}.` : ''}${p.column}: ` : '';
  const examples = p.examples.length ? `; e.g. ${p.examples.join(', ')}` : '';
  const facts = [`rule: ${p.rule}`];
  if (p.rows !== null) facts.push(`rows: ${p.rows}`);
  if (p.detail) facts.push(`reader: ${p.detail}`);
  return `${p.severity.padEnd(8)} ${p.file}: ${where}${p.message}${examples} (${facts.join('; ')})`;
}

function okLine(f: FileReport): string {
  const how = f.matchedBy === 'columns' ? ' (matched by its columns)' : '';
  const layer = (f as FileReport & { layer?: string }).layer;
  if (layer === 'friction') return `${'ok'.padEnd(8)} ${f.file}: friction surface (travel time), ${f.rows ?? 0} passable cells`;
  if (layer) return `${'ok'.padEnd(8)} ${f.file}: ${layer} (travel time), ${f.rows ?? 0} feature${f.rows === 1 ? '' : 's'}`;
  if ((f as FileReport & { boundaries?: boolean }).boundaries) return `${'ok'.padEnd(8)} ${f.file}: boundaries, ${f.rows ?? 0} shape${f.rows === 1 ? '' : 's'}`;
  return `${'ok'.padEnd(8)} ${f.file}: ${f.table}${how}, ${f.rows ?? 0} row${f.rows === 1 ? '' : 's'}`;
}

function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.valid) lines.push(okLine(f));
    for (const p of f.problems) lines.push(problemLine(p));
  }
  const invalid = report.files.filter((f) => !f.valid).length;
  const n = report.files.length;
  lines.push(
    `${n} file${n === 1 ? '' : 's'} checked: ${n - invalid} valid, ${invalid} invalid; ` +
      `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  let sources: FileSource[];
  let boundaryFiles: string[];
  let layerFiles: string[];
  let frictionFiles: string[];
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    ({ sources, boundaries: boundaryFiles, layers: layerFiles, frictions: frictionFiles } = await collectSources(args.paths));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`validate: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  const db = await createNodeDb();
  try {
    const report = await validateFiles(db, parquet, sources);
    await checkBoundaries(db, boundaryFiles.map((file) => ({ file, size: 0, read: () => readFile(file) })), report);
    await checkTravelLayers(layerFiles, report);
    const boundaries = await readBoundaries(boundaryFiles);
    await checkFriction(db, frictionFiles, report, boundaries);
    const plausibility = await runPlausibility(db, { loaded: new Set(report.loaded), boundaries });
    if (args.json) console.log(JSON.stringify({ ...report, plausibility }, null, 2));
    else {
      const text = formatReport(report).split('\n');
      // The file summary stays the last line; the plausibility warnings come just before it.
      console.log([...text.slice(0, -1), ...plausibilityLines(plausibility), text.at(-1)].join('\n'));
    }
    return report.valid ? 0 : 1;
  } finally {
    await db.close();
  }
}

/** Boundaries are checked against the regions just validated (when valid), and reported like any file. */
async function checkBoundaries(db: SqlRunner, files: readonly FileSource[], report: ValidationReport): Promise<void> {
  if (!files.length) return;
  let ids: Set<string> | null = null;
  let leaves: Set<string> | null = null;
  if (report.loaded.includes('regions')) {
    const rows = await db.rows<{ region_id: string; leaf: boolean }>('SELECT region_id, level = (SELECT max(level) FROM regions) AS leaf FROM regions');
    ids = new Set(rows.map((r) => r.region_id));
    leaves = new Set(rows.filter((r) => r.leaf).map((r) => r.region_id));
  }
  for (const f of files) {
    const bytes = 'bytes' in f ? f.bytes : await f.read();
    const b = validateBoundaries(new TextDecoder().decode(bytes), ids, leaves);
    const problems: Problem[] = b.problems.map((p) => ({ file: f.file, table: null, column: p.rule === 'key resolves' || p.rule.startsWith('region_id') ? 'region_id' : null, ...p }));
    if (!ids && !problems.some((p) => p.severity === 'error')) problems.push({ file: f.file, table: null, column: 'region_id', rule: 'key resolves', severity: 'warning', rows: null, message: 'not checked: no valid regions table is loaded', examples: [] });
    const valid = !problems.some((p) => p.severity === 'error');
    report.files.push({ file: f.file, table: null, rows: b.features, valid, loaded: false, problems, boundaries: true } as FileReport);
    report.errors += problems.filter((p) => p.severity === 'error').length;
    report.warnings += problems.filter((p) => p.severity === 'warning').length;
    report.valid &&= valid;
  }
}

const PARSE_LAYER = { roads: parseRoads, barriers: parseBarriers, landcover: parseLandCover } as const;

/** roads.geojson, barriers.geojson and landcover.geojson (the optional travel-time part), reported like any file. */
async function checkTravelLayers(files: readonly string[], report: ValidationReport): Promise<void> {
  for (const file of files) {
    // collectSources passes only names TRAVEL_LAYER matches: its group is the layer.
    const layer = TRAVEL_LAYER.exec(path.basename(file))![1].toLowerCase() as keyof typeof PARSE_LAYER;
    const problems: Problem[] = [];
    let rows = 0;
    try {
      const json: unknown = JSON.parse(await readFile(file, 'utf8'));
      rows = PARSE_LAYER[layer](json, file).length;
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).replace(`${file}: `, '');
      problems.push({ file, table: null, column: null, rule: `${layer} layer`, severity: 'error', rows: null, message, examples: [] });
    }
    report.files.push({ file, table: null, rows, valid: !problems.length, loaded: false, problems, layer } as FileReport);
    report.errors += problems.length;
    report.valid &&= !problems.length;
  }
}

/**
 * A friction GeoTIFF (src/import/frictionTiff.ts), its extent checked against the boundaries given, else the population
 * just validated; reported like any file, each problem naming its rule.
 */
async function checkFriction(db: SqlRunner, files: readonly string[], report: ValidationReport, boundaries: BoundaryFeature[] | null): Promise<void> {
  if (!files.length) return;
  let area: { box: Bbox; what: string } | null = null;
  const box = boundaries ? geoBbox(boundaries.map((b) => b.geometry)) : null;
  if (box) area = { box, what: 'boundaries' };
  else if (report.loaded.includes('population')) {
    const [r] = await db.rows<{ w: number; s: number; e: number; n: number }>('SELECT min(lon) AS w, min(lat) AS s, max(lon) AS e, max(lat) AS n FROM population');
    if (r && r.w !== null) area = { box: [r.w, r.s, r.e, r.n], what: 'population points' };
  }
  for (const file of files) {
    const { raster, problems: found } = await readFrictionTiff(await readFile(file), file);
    const problems: Problem[] = found.map((p) => ({ file, table: null, column: null, rule: p.rule, severity: p.severity, rows: p.cells, message: p.message, examples: p.examples }));
    if (raster && area) {
      for (const p of frictionExtentProblems(raster.grid, area.box, area.what)) problems.push({ file, table: null, column: null, rule: p.rule, severity: p.severity, rows: null, message: p.message, examples: [] });
    } else if (raster) {
      problems.push({ file, table: null, column: null, rule: 'extent overlaps the boundaries', severity: 'warning', rows: null, message: 'not checked: no boundaries and no valid population table given', examples: [] });
    }
    const valid = !problems.some((p) => p.severity === 'error');
    const passable = raster ? raster.minutesPerMetre.length - raster.barrierCells : 0;
    report.files.push({ file, table: null, rows: passable, valid, loaded: false, problems, layer: 'friction' } as FileReport);
    report.errors += problems.filter((p) => p.severity === 'error').length;
    report.warnings += problems.filter((p) => p.severity === 'warning').length;
    report.valid &&= valid;
  }
}

runCli('validate', main);
