/**
 * `npm run bench -- [--quick] [--out FILE] [--scales 1,10,100] [--site DIR] [--only travel-time | travel-analyses | import-raster [--grid-km N] | import-pip | import-page]`
 *
 * Builds the site (production, into a temp folder, with the bench-only entry and hook of scripts/bench/vite.bench.config.ts),
 * serves it on loopback and drives Debian's headless Chromium. In one run: cold start against the engine floor, loading,
 * filter-change latency, the overview's queries and E2SFCA on DuckDB-WASM, memory; then the same queries on native DuckDB
 * (the limit) and Arquero over hyparquet (the JavaScript peer); travel time over a friction surface against GRASS r.cost
 * (scripts/bench/travelTime.ts). Markdown to stdout, JSON to --out. `--only travel-time` runs that part alone;
 * `--only travel-analyses` (opt-in, not in the full run) times coverage, referral and E2SFCA by time in Node and Chromium.
 * `--only import-page` (opt-in) imports the real Sierra Leone files with a 1.15 M-cell raster in the page and opens every view.
 * Ratios within one run are the result; absolute times depend on the machine and its load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from '../src/e2e/browser';
import { kpiOf } from '../src/metrics/kpi';
import { districtDensityQuery } from '../src/queries/overviewSql';
import { BENCH_E2SFCA, isHeavy, QUERY_SET, queriesFor, type QueryKind } from './bench/benchQueries';
import { launch, measureColdStart, measureScale, type ColdStart, type ScaleResult } from './bench/browserRun';
import { buildBenchSite } from './bench/build';
import { fmt, markdownTable, times } from './bench/markdown';
import { estimatePairs, openNative, type NativeLoad } from './bench/nativeEngine';
import { nativeCatchmentPlan } from './bench/nativeCatchmentPlan';
import { NEAREST_SEARCH_KM } from '../src/queries/accessSql';
import { CATCHMENT_PAIR_BUDGET, type CatchmentPlan } from '../src/queries/catchmentPlan';
import { loadPeerTable, peerDistrictDensity, type PeerLoad } from './bench/peerEngine';
import { serveBench } from './bench/server';
import { ensureFirstPage } from './first-page';
import { FIRST_PAGE_FILE } from './firstPageCurrent.ts';
import { median, ratio, throughput } from './bench/stats';
import { benchImportPip, importPipMarkdown } from './bench/importPip';
import { benchImportRaster, importRasterMarkdown } from './bench/importRaster';
import { benchTravelAnalyses, travelAnalysesMarkdown } from './bench/travelAnalyses';
import { benchImportPage, importPageMarkdown } from './bench/importPage';
import { benchTravelTime, travelTimeMarkdown, type TravelTimeRow } from './bench/travelTime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    scales: { type: 'string' },
    site: { type: 'string' },
    changes: { type: 'string' },
    'e2sfca-max-pairs': { type: 'string' },
    only: { type: 'string' },
    'grid-km': { type: 'string' },
  },
});
const ONLY = ['travel-time', 'travel-analyses', 'import-raster', 'import-pip', 'import-page'];
if (values.only != null && !ONLY.includes(values.only)) throw new Error(`unknown --only: ${values.only} (known: ${ONLY.join(', ')})`);
const quick = values.quick!;
const scales = (values.scales ?? (quick ? '1' : '1,10,100')).split(',').map(Number);
if (scales.some((s) => !(s > 0))) throw new Error(`invalid --scales: ${values.scales}`);
const changes = Number(values.changes ?? (quick ? 20 : 30));
// One E2SFCA recomputation walks every (cell, facility) pair within the catchment. Past this many it is not an
// interactive recomputation on any engine here (the output gives the measured cost per pair): skip it and report the estimate.
// The app grids past CATCHMENT_PAIR_BUDGET (catchmentPlan.ts), so what runs is skipped only if even its grid is past this.
const e2sfcaMaxPairs = Number(values['e2sfca-max-pairs'] ?? 20e6);
const log = (s: string) => console.error(s);

if (values.only === 'import-raster') {
  // Opt-in, Node only (no browser): a 100 M-cell raster through the import CLI, time and peak memory.
  const start = performance.now();
  const r = benchImportRaster(root, { gridKm: Number(values['grid-km'] ?? 1), log });
  if (values.out) writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), mode: 'only import-raster', importRaster: r }, null, 2) + '\n');
  console.log(`### Import: a 100 m national raster through npm run import\n\n${importRasterMarkdown(r)}\n\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; run in ${fmt((performance.now() - start) / 1000)} s.`);
  process.exit(r.exitCode === 0 ? 0 : 1);
}

if (values.only === 'import-pip') {
  // Node only: import's point-in-polygon, exact test alone and with the grid of answers, in one run.
  const start = performance.now();
  const rows = await benchImportPip(root, { reps: quick ? 3 : 5, log });
  if (values.out) writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), mode: 'only import-pip', importPip: rows }, null, 2) + '\n');
  console.log(`### Import: point in polygon\n\n${importPipMarkdown(rows)}\n\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''}), Node ${process.version}; run in ${fmt((performance.now() - start) / 1000)} s.`);
  process.exit(0);
}

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`The benchmark needs Debian's Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`);
  process.exit(2);
}

if (values.only === 'import-page') {
  await importPageOnly();
  process.exit(0);
}
if (values.only === 'travel-analyses') {
  await travelAnalysesOnly();
  process.exit(0);
}
if (values.only === 'travel-time') {
  await travelTimeOnly();
  process.exit(0);
}

const dataDir = (scale: number) => path.join(root, scale === 1 ? 'data' : `data/scale-${scale}`);
for (const scale of scales) {
  if (existsSync(path.join(dataDir(scale), 'population.parquet'))) {
    // A folder without a current first-page.json gets one (a few seconds: regions and facilities only).
    if (await ensureFirstPage(dataDir(scale))) log(`scale ${scale}: wrote ${FIRST_PAGE_FILE}`);
    continue;
  }
  log(`data for scale ${scale} missing: generating it (npm run data -- --scale ${scale})`);
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/generate-demo.ts', '--scale', String(scale)], { cwd: root, stdio: 'inherit' });
}

const t0 = performance.now();
const pairEstimates = new Map<number, number>();
const plans = new Map<number, CatchmentPlan>();
for (const scale of scales) {
  const { pairs } = await estimatePairs(dataDir(scale), BENCH_E2SFCA.catchmentKm, scale >= 100 ? 0.002 : scale >= 10 ? 0.01 : 0.05);
  pairEstimates.set(scale, pairs);
  const plan = await nativeCatchmentPlan(dataDir(scale), BENCH_E2SFCA.catchmentKm);
  plans.set(scale, plan);
  log(`scale ${scale}: ~${(pairs / 1e6).toFixed(1)} M cell-facility pairs within ${BENCH_E2SFCA.catchmentKm} km (sampled); the app runs E2SFCA ` +
    `${plan.cellKm == null ? 'exact' : `on ${plan.cellKm} km cells (~${(plan.pairs / 1e6).toFixed(1)} M cell pairs)`}${plan.pairs > e2sfcaMaxPairs ? ': skipped' : ''}`);
}
log('building the site (production, bench entry points)…');
const site = values.site ?? buildBenchSite(root);
const server = await serveBench(site, dataDir(1));
let chromiumVersion: string;
let coldStart: ColdStart;
// The kinds not run at a scale, in the browser and natively. E2SFCA: when even the grid the app picks passes the pair
// budget. Distance: its search's first pass pairs every point with the facilities within 1 km, ~1/225 of the pairs
// within the 15 km catchment; past the same budget it is not run (measured at scale 100, ~170 M first-pass pairs:
// DuckDB-WASM runs out of memory at 3.1 GB).
const skipped = (scale: number): QueryKind[] => [
  ...(plans.get(scale)!.pairs > e2sfcaMaxPairs ? ['e2sfca' as const] : []),
  ...(pairEstimates.get(scale)! * (NEAREST_SEARCH_KM[0] / BENCH_E2SFCA.catchmentKm) ** 2 > e2sfcaMaxPairs ? ['distance' as const] : []),
];
const scaleResults: ScaleResult[] = [];
let travel: { rows: TravelTimeRow[]; grassVersion: string | null };
try {
  log(`serving ${site} at ${server.url}`);
  const { browser } = await launch();
  chromiumVersion = browser.version();
  try {
    log('cold start: app vs engine floor…');
    coldStart = await measureColdStart(browser, server.url, quick ? 2 : 7);
  } finally {
    await browser.close();
  }
  log(`  first chart ${coldStart.firstChartMs.toFixed(0)} ms, engine floor ${coldStart.engineFloorMs.toFixed(0)} ms, ratio ${coldStart.ratio.toFixed(2)}; ` +
    `first chart from the engine ${coldStart.engineChartMs.toFixed(0)} ms, ratio ${coldStart.engineChartRatio.toFixed(2)}`);
  for (const scale of scales) {
    log(`scale ${scale}: loading ${dataDir(scale)} in the app…`);
    server.setData(dataDir(scale));
    scaleResults.push(await measureScale(server.url, {
      scale, changes,
      queryReps: quick ? 21 : 41,
      heavyReps: quick ? 1 : 3,
      heavyWarmUp: !quick,
      skip: skipped(scale),
      e2sfcaCellKm: plans.get(scale)!.cellKm,
      isolated: ['facilities', 'population'],
      loadTimeoutMs: 30 * 60_000,
    }, log));
  }
  log('travel time: full surface and one new facility in Chromium, GRASS r.cost on the same raster…');
  travel = await benchTravelTime(server.url, { reps: quick ? 1 : 3, log });
} finally {
  await server.close();
  if (!values.site) rmSync(site, { recursive: true, force: true });
}

// The same queries on native DuckDB and on the JavaScript peer, per scale.
interface QueryRow { scale: number; name: string; wasmMs: number | null; nativeMs: number | null; peerMs: number | null; nativeThreads: number }
const queries: QueryRow[] = [];
const nativeLoads: (NativeLoad & { scale: number })[] = [];
const peerLoads: (PeerLoad & { scale: number })[] = [];
for (const r of scaleResults) {
  const dir = dataDir(r.scale);
  log(`scale ${r.scale}: native DuckDB and Arquero…`);
  const native = await openNative(dir, ['regions', 'facilities', 'population']);
  nativeLoads.push(...native.load.map((l) => ({ ...l, scale: r.scale })));
  const regions = await loadPeerTable(dir, 'regions');
  const facilities = await loadPeerTable(dir, 'facilities', ['region_id', 'beds', 'doctors', 'nurses', 'midwives']);
  peerLoads.push({ ...regions.load, scale: r.scale }, { ...facilities.load, scale: r.scale });
  // The peer must agree with DuckDB, district by district, before its time means anything.
  for (const province of [null, 'P3']) {
    const peerRows = peerDistrictDensity(regions.table, facilities.table, province) as Record<string, number>[];
    const nativeRows = (await native.rows(districtDensityQuery({ province }))) as Record<string, number>[];
    if (peerRows.length !== nativeRows.length) throw new Error(`peer and native DuckDB disagree on the districts at scale ${r.scale}: ${peerRows.length} vs ${nativeRows.length}`);
    nativeRows.forEach((n, i) => {
      for (const k of ['population', 'facilities', 'beds', 'workforce', 'workforce_per_10k']) {
        const p = peerRows[i][k];
        if (Math.abs(Number(n[k]) - p) > 1e-9 * Math.max(1, Math.abs(p))) throw new Error(`peer and native DuckDB disagree on ${k} of ${n.region_id} at scale ${r.scale}: ${p} vs ${n[k]}`);
      }
    });
  }
  const wasmRows = r.wasmQueries;
  const reps = quick ? 21 : 41;
  for (const q of QUERY_SET) {
    const qs = queriesFor(q.kind, q.province, plans.get(r.scale)!.cellKm);
    const heavy = isHeavy(q.kind);
    if (skipped(r.scale).includes(q.kind)) {
      queries.push({ scale: r.scale, name: q.name, wasmMs: null, nativeMs: null, peerMs: null, nativeThreads: native.threads });
      continue;
    }
    const n = heavy ? (quick ? 1 : 3) : reps;
    const warm = heavy && quick ? 0 : 1;
    const summarise = q.kind === 'kpi' ? kpiOf : undefined;
    const nativeMs = median((await native.time(qs, n + warm, summarise)).slice(warm));
    let peerMs: number | null = null;
    if (q.kind === 'kpi' || q.kind === 'districts') {
      const run = () => {
        const rows = peerDistrictDensity(regions.table, facilities.table, q.province);
        summarise?.(rows as never[]);
      };
      const samples: number[] = [];
      for (let i = 0; i <= reps; i++) {
        const s = performance.now();
        run();
        samples.push(performance.now() - s);
      }
      peerMs = median(samples.slice(1));
    }
    queries.push({ scale: r.scale, name: q.name, wasmMs: wasmRows.find((w) => w.name === q.name)?.ms ?? null, nativeMs, peerMs, nativeThreads: native.threads });
  }
  native.close();
}

// ---------------------------------------------------------------------------------------------------------------
// Results: JSON (the shape other tools read, plus details) and Markdown.

const top = scaleResults.reduce((a, b) => (b.populationPoints > a.populationPoints ? b : a));
const scale1 = scaleResults.find((r) => r.scale === 1);
const at10M = scaleResults.find((r) => r.populationPoints >= 10_000_000);
const e2sfca = scaleResults.map((r) => {
  const q = queries.find((x) => x.scale === r.scale && x.name.startsWith('e2sfca by region'))!;
  const planQ = queries.find((x) => x.scale === r.scale && x.name.startsWith('e2sfca plan'))!;
  const plan = plans.get(r.scale)!;
  return {
    scale: r.scale, populationPoints: r.populationPoints, facilities: r.facilities, pairsWithinCatchment: pairEstimates.get(r.scale)!, wasmMs: q.wasmMs, nativeMs: q.nativeMs, skipped: q.wasmMs == null,
    // What the app ran (wasmMs and nativeMs include its plan query): exact (cellKm null) or on cellKm grid cells.
    cellKm: plan.cellKm, plannedPairs: plan.pairs, planExactPairsEstimate: plan.exactPairs, planWasmMs: planQ.wasmMs, planNativeMs: planQ.nativeMs,
  };
});
// Cost per pair where the exact E2SFCA ran (without its plan query), to say what the exact computation would take elsewhere.
const perPair = e2sfca.filter((e) => e.wasmMs != null && e.cellKm == null && e.pairsWithinCatchment > 0).map((e) => (e.wasmMs! - (e.planWasmMs ?? 0)) / e.pairsWithinCatchment);
const wasmMsPerPair = perPair.length ? median(perPair) : Number.NaN;
const targets = [
  { target: 'cold start <= 1.3x engine floor', value: coldStart!.ratio, limit: 1.3, unit: 'x' },
  { target: 'cold start, chart from the engine (interactive) <= 1.3x engine floor', value: coldStart!.engineChartRatio, limit: 1.3, unit: 'x' },
  ...(scale1 ? [{ target: 'interaction p95 < 100 ms at scale 1', value: scale1.interaction.p95, limit: 100, unit: 'ms' }] : []),
  ...(at10M ? [
    { target: 'interaction p95 < 300 ms at 10M points', value: at10M.interaction.p95, limit: 300, unit: 'ms' },
    { target: 'peak memory < 1.5 GB at 10M points (renderer RSS)', value: at10M.memory.rendererPeakMb ?? Number.NaN, limit: 1500, unit: 'MB' },
  ] : []),
  { target: 'no main-thread task > 200 ms during an interaction', value: Math.max(...scaleResults.map((r) => r.interaction.longestTaskMs)), limit: 200, unit: 'ms' },
  { target: 'faster than the JS peer on every core query (max wasm/peer)', value: Math.max(...queries.filter((q) => q.peerMs != null).map((q) => ratio(q.wasmMs, q.peerMs) ?? Infinity)), limit: 1, unit: 'x' },
].map((t) => ({ ...t, met: t.value < t.limit || (t.unit === 'x' && t.limit === 1.3 && t.value <= t.limit) }));

const result = {
  generatedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version,
    chromium: chromiumVersion, platform: `${os.type()} ${os.release()}`,
  },
  engines: {
    wasm: 'DuckDB-WASM 1.32 (eh bundle, single-threaded) in headless Chromium, the app\'s own worker and connection',
    native: `@duckdb/node-api ${readPackageVersion('@duckdb/node-api')} in Node, in-memory tables loaded from the same Parquet, ${queries[0]?.nativeThreads ?? '?'} threads`,
    peer: `arquero ${readPackageVersion('arquero')} over hyparquet ${readPackageVersion('hyparquet')} (+ hyparquet-compressors for zstd) in Node, in-memory tables`,
  },
  coldStart: coldStart!,
  interactions: scaleResults.map((r) => ({
    scale: r.scale, populationPoints: r.populationPoints, facilities: r.facilities, p50Ms: r.interaction.p50, p95Ms: r.interaction.p95,
    maxMs: r.interaction.max, n: r.interaction.n, longestTaskMs: r.interaction.longestTaskMs, longTasksSeenInRun: r.longTasksSeen, samplesMs: r.interaction.samples.map((s) => s.ms),
  })),
  queries: queries.map((q) => ({ ...q, wasmVsNative: ratio(q.wasmMs, q.nativeMs), peerVsWasm: ratio(q.peerMs, q.wasmMs) })),
  e2sfca: e2sfca.map((e) => ({ ...e, estimatedWasmMsIfSkipped: e.skipped ? e.pairsWithinCatchment * wasmMsPerPair : null, estimatedExactWasmMs: e.pairsWithinCatchment * wasmMsPerPair })),
  e2sfcaConfig: { ...BENCH_E2SFCA, maxPairs: e2sfcaMaxPairs, gridPairBudget: CATCHMENT_PAIR_BUDGET },
  loading: scaleResults.flatMap((r) => r.loading.map((l) => ({ scale: r.scale, ...l }))),
  loadingNative: nativeLoads.map((l) => ({ ...l, ...throughput(l.bytes, l.rows, l.ms) })),
  loadingPeer: peerLoads.map((l) => ({ ...l, ...throughput(l.bytes, l.rows, l.ms) })),
  allTablesLoadedMs: scaleResults.map((r) => ({ scale: r.scale, ms: r.allTablesMs })),
  derivedTables: scaleResults.flatMap((r) => r.derived.map((d) => ({
    scale: r.scale, ...d, wasmMs: d.ms, nativeMs: nativeLoads.find((n) => n.scale === r.scale && n.table === d.table)?.ms ?? null,
  }))),
  memory: {
    peakMb: top.memory.rendererPeakMb ?? top.memory.jsHeapPeakMb,
    measure: 'peak resident memory (VmHWM) of the Chromium renderer process holding the page, its DuckDB worker and its decoder worker, while the app loads the largest scale run and redraws for the filter changes (before the bench\'s own isolated loads and E2SFCA)',
    jsHeapPeakMb: Math.max(...scaleResults.map((r) => r.memory.jsHeapPeakMb)),
    wasmPeakMb: Math.max(...scaleResults.map((r) => r.memory.duckdbWasmMb ?? 0)),
    perScale: scaleResults.map((r) => ({ scale: r.scale, ...r.memory })),
  },
  targets,
  travelTime: travel.rows,
  travelTimeNative: travel.grassVersion,
  durationS: (performance.now() - t0) / 1000,
};
if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2) + '\n');

const md: string[] = [];
md.push(`### Cold start (medians of ${coldStart!.samples.firstChartMs.length} fresh contexts each)\n`);
md.push(markdownTable(['navigation to first chart', 'engine floor (bare DuckDB-WASM page)', 'ratio', 'first chart from the engine', 'ratio', 'app: engine ready', 'app: facilities ready', 'app: all tables ready'], [[
  `${fmt(coldStart!.firstChartMs)} ms`, `${fmt(coldStart!.engineFloorMs)} ms`, times(coldStart!.ratio), `${fmt(coldStart!.engineChartMs)} ms`, times(coldStart!.engineChartRatio), `${fmt(coldStart!.appEngineReadyMs)} ms`,
  `${fmt(coldStart!.appFacilitiesReadyMs)} ms`, `${fmt(coldStart!.appAllTablesReadyMs)} ms`]]));
md.push(`\n### Per scale\n`);
md.push(markdownTable(
  ['scale', 'population points', 'facilities', 'all tables loaded', 'filter change p50', 'p95', 'longest task', 'E2SFCA wasm', 'E2SFCA native', 'renderer peak RSS', 'JS heap peak', 'DuckDB wasm memory', 'peak RSS incl. bench extras'],
  scaleResults.map((r) => {
    const e = e2sfca.find((x) => x.scale === r.scale)!;
    const skipped = e.skipped ? `skipped (~${fmt(e.pairsWithinCatchment / 1e6)} M pairs; ~${fmt((e.pairsWithinCatchment * wasmMsPerPair) / 1000)} s est.)` : null;
    const grid = e.cellKm == null ? '' : ` on ${fmt(e.cellKm)} km cells (~${fmt(e.plannedPairs / 1e6, 1)} M cell pairs; exact: ~${fmt(e.pairsWithinCatchment / 1e6)} M pairs, ~${fmt((e.pairsWithinCatchment * wasmMsPerPair) / 1000)} s est.)`;
    return [String(r.scale), fmt(r.populationPoints), fmt(r.facilities), `${fmt(r.allTablesMs / 1000, 1)} s`, `${fmt(r.interaction.p50)} ms`, `${fmt(r.interaction.p95)} ms`,
      `${fmt(r.interaction.longestTaskMs)} ms`, skipped ?? `${fmt(e.wasmMs)} ms${grid}`, skipped ? '–' : `${fmt(e.nativeMs)} ms`, `${fmt(r.memory.rendererPeakMb)} MB`, `${fmt(r.memory.jsHeapPeakMb)} MB`, `${fmt(r.memory.duckdbWasmMb)} MB`, `${fmt(r.memory.rendererPeakWithBenchMb)} MB`];
  })));
md.push(`\nExact E2SFCA in DuckDB-WASM: ${fmt(wasmMsPerPair * 1000, 2)} us per (cell, facility) pair within the catchment (median where it ran exact; the estimates above use it).\n`);
md.push(`\n### Side by side: the same queries (median ms, warm)\n`);
md.push(markdownTable(['scale', 'query', 'DuckDB-WASM (browser)', 'native DuckDB', 'Arquero + hyparquet', 'wasm / native', 'peer / wasm'],
  queries.map((q) => [String(q.scale), q.name, fmt(q.wasmMs, 1), fmt(q.nativeMs, 1), fmt(q.peerMs, 1), times(ratio(q.wasmMs, q.nativeMs), 1), times(ratio(q.peerMs, q.wasmMs), 1)])));
md.push(`\n### Loading: Parquet to queryable table\n`);
md.push(markdownTable(['scale', 'table', 'file MB', 'rows', 'app: download to ready', 'app: validate + insert', 'alone: fetch + decode + insert', 'alone MB/s', 'alone rows/s', 'native MB/s', 'native rows/s'],
  scaleResults.flatMap((r) => r.loading.filter((l) => l.rows >= 1000).map((l) => {
    const n = nativeLoads.find((x) => x.scale === r.scale && x.table === l.table);
    const nt = n ? throughput(n.bytes, n.rows, n.ms) : null;
    const iso = l.isolated;
    return [String(r.scale), l.table, fmt(l.bytes / 1e6, 2), fmt(l.rows), `${fmt(l.appMs)} ms`, `${fmt(l.appValidateInsertMs)} ms`,
      iso ? `${fmt(iso.fetchMs)} + ${fmt(iso.decodeMs)} + ${fmt(iso.insertMs)} ms` : '–', fmt(iso?.mbPerS, 1), fmt(iso?.rowsPerS), fmt(nt?.mbPerS, 1), fmt(nt?.rowsPerS)];
  }))));
md.push(`\n### Pre-aggregation: derived tables built once per load (what makes a filter change cheap)\n`);
md.push(markdownTable(['scale', 'table', 'rows', 'DuckDB-WASM build', 'native DuckDB build'],
  result.derivedTables.map((d) => [String(d.scale), d.table, fmt(d.rows), `${fmt(d.wasmMs)} ms`, d.nativeMs == null ? '–' : `${fmt(d.nativeMs)} ms`])));
md.push(`\n### Travel time (cost distance over a friction surface; GRASS r.cost as the native peer)\n`);
md.push(travelTimeMarkdown(travel.rows, travel.grassVersion));
md.push(`\n### Targets (issue 8)\n`);
md.push(markdownTable(['target', 'measured', 'met'], targets.map((t) => [t.target, t.unit === 'x' ? times(t.value) : `${fmt(t.value)} ${t.unit}`, t.met ? 'yes' : 'no'])));
md.push(`\n${result.machine.cpus} CPUs (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${process.version}, ${chromiumVersion}; ${result.mode} run in ${fmt(result.durationS)} s.`);
console.log(md.join('\n'));

/** `--only travel-time`: build, serve, measure travel time, print and write only that. */
async function travelTimeOnly(): Promise<void> {
  const start = performance.now();
  log('building the site (production, bench entry points)…');
  const site = values.site ?? buildBenchSite(root);
  const server = await serveBench(site, path.join(root, 'data'));
  let travel: Awaited<ReturnType<typeof benchTravelTime>>;
  let chromium: string;
  try {
    const { browser } = await launch();
    chromium = browser.version();
    await browser.close();
    travel = await benchTravelTime(server.url, { reps: quick ? 1 : 3, log });
  } finally {
    await server.close();
    if (!values.site) rmSync(site, { recursive: true, force: true });
  }
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium, platform: `${os.type()} ${os.release()}` };
  const durationS = (performance.now() - start) / 1000;
  if (values.out) {
    writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), mode: `${quick ? 'quick' : 'full'}, only travel-time`, machine, travelTime: travel.rows, travelTimeNative: travel.grassVersion, durationS }, null, 2) + '\n');
  }
  console.log(`### Travel time (cost distance over a friction surface; GRASS r.cost as the native peer)\n\n${travelTimeMarkdown(travel.rows, travel.grassVersion)}\n\n` +
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${process.version}, ${chromium}; run in ${fmt(durationS)} s.`);
}

/** `--only travel-analyses`: build, serve, time the three analyses in Node and Chromium on the bench raster. */
async function travelAnalysesOnly(): Promise<void> {
  const size = quick ? 1000 : 2000;
  const site = values.site ?? buildBenchSite(root);
  const server = await serveBench(site, path.join(root, 'data'));
  try {
    const rows = await benchTravelAnalyses(server.url, { size, log });
    if (values.out) writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), travelAnalyses: rows, cells: size * size }, null, 2) + '\n');
    console.log(`### Travel-time analyses (${fmt(size * size)} cells, 3,400 facilities, 60-minute catchments)\n\n${travelAnalysesMarkdown(rows, size)}`);
  } finally {
    await server.close();
    if (!values.site) rmSync(site, { recursive: true, force: true });
  }
}

/** `--only import-page`: build, serve, import the real files with a 1.15 M-cell raster in the page, open every view. */
async function importPageOnly(): Promise<void> {
  const site = values.site ?? buildBenchSite(root);
  const server = await serveBench(site, path.join(root, 'data'));
  try {
    const r = await benchImportPage(server.url, root, log);
    if (values.out) writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), importPage: r }, null, 2) + '\n');
    console.log(`### Import in the page (real Sierra Leone files, ${fmt(r.rasterCells)}-cell population raster)\n\n${importPageMarkdown(r)}\n\n` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''}), Node ${process.version}.`);
  } finally {
    await server.close();
    if (!values.site) rmSync(site, { recursive: true, force: true });
  }
}

function readPackageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
