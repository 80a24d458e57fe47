/**
 * Everything measured in Chromium: cold start against the engine floor, loading, filter-change latency, the app's
 * core queries and E2SFCA on DuckDB-WASM, and memory. Driven through playwright-core; timings come from inside the page.
 */
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../src/e2e/browser';
import type { ChangeTiming, IsolatedLoad, ProgressEvent } from './benchHook';
import { isHeavy, QUERY_SET, type QueryKind } from './benchQueries';
import { rendererMemory } from './processMemory';
import { median, summarize, throughput, type Summary } from './stats';

const MB = 1e6;

export interface Launched { browser: Browser; id: string }

/** Debian's Chromium with the test flags; --care-bench-id marks the browser process so its renderers can be found in /proc. */
export async function launch(): Promise<Launched> {
  const id = randomUUID();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info', `--care-bench-id=${id}`],
  });
  return { browser, id };
}

async function markTime(page: Page, name: string, timeout: number): Promise<number> {
  const handle = await page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { timeout, polling: 50 });
  return (await handle.jsonValue()) as number;
}

/** In the page: mark 'engine-chart' when the overview map is drawn from the engine's answer, not the build-time one. */
function watchEngineChart() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="map-panel"][aria-busy="false"]:not([data-prefetched]) [data-testid="choropleth"] svg')) return;
    performance.mark('engine-chart');
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-prefetched'] });
}

export interface ColdStart {
  /** The first chart drawn: from the build-time answers (first-page.json) when the page has them. */
  firstChartMs: number; engineFloorMs: number; ratio: number;
  /** The overview map drawn from the engine's own answer (the page is interactive), and its ratio to the floor. */
  engineChartMs: number; engineChartRatio: number;
  /** Medians of the app's own timeline, for where the time goes: engine started, overview tables ready, every table ready. */
  appEngineReadyMs: number; appFacilitiesReadyMs: number; appAllTablesReadyMs: number;
  samples: { firstChartMs: number[]; engineFloorMs: number[]; engineChartMs: number[]; appEngineReadyMs: number[]; appFacilitiesReadyMs: number[]; appAllTablesReadyMs: number[] };
}

/**
 * The app measured online, as a first visit: the offline service worker (which downloads ~45 MB into its cache once
 * the data are in) is blocked, so it does not share the CPU with the interactions being timed.
 */
const BENCH_CONTEXT = { viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' as const };

/**
 * `reps` alternating pairs, each page in a fresh browser context (empty HTTP and code cache): navigation start to the
 * app's 'first-chart' mark, and to the bare engine page's 'engine-ready' mark. Medians, and their ratio.
 */
export async function measureColdStart(browser: Browser, baseUrl: string, reps: number): Promise<ColdStart> {
  const samples: ColdStart['samples'] = { firstChartMs: [], engineFloorMs: [], engineChartMs: [], appEngineReadyMs: [], appFacilitiesReadyMs: [], appAllTablesReadyMs: [] };
  for (let i = 0; i < reps; i++) {
    for (const which of i % 2 ? ['app', 'floor'] : ['floor', 'app']) {
      const context = await browser.newContext(BENCH_CONTEXT);
      const page = await context.newPage();
      if (which === 'floor') {
        await page.goto(`${baseUrl}scripts/bench/engine-floor.html`, { waitUntil: 'commit' });
        samples.engineFloorMs.push(await markTime(page, 'engine-ready', 120_000));
      } else {
        await page.addInitScript(watchEngineChart);
        await page.goto(baseUrl, { waitUntil: 'commit' });
        samples.firstChartMs.push(await markTime(page, 'first-chart', 120_000));
        samples.engineChartMs.push(await markTime(page, 'engine-chart', 120_000));
        samples.appEngineReadyMs.push(await markTime(page, 'engine-ready', 1000));
        await page.waitForFunction(() => window.__careBench!.progress.filter((p) => p.state === 'ready' || p.state === 'failed').length >= 7, undefined, { timeout: 120_000, polling: 100 });
        const progress = await page.evaluate(() => window.__careBench!.progress);
        samples.appFacilitiesReadyMs.push(progress.find((p) => p.table === 'facilities' && p.state === 'ready')?.t ?? Number.NaN);
        samples.appAllTablesReadyMs.push(Math.max(...progress.filter((p) => p.state === 'ready').map((p) => p.t)));
      }
      await context.close();
    }
  }
  const firstChartMs = median(samples.firstChartMs);
  const engineFloorMs = median(samples.engineFloorMs);
  const engineChartMs = median(samples.engineChartMs);
  return {
    firstChartMs, engineFloorMs, ratio: firstChartMs / engineFloorMs, engineChartMs, engineChartRatio: engineChartMs / engineFloorMs, appEngineReadyMs: median(samples.appEngineReadyMs),
    appFacilitiesReadyMs: median(samples.appFacilitiesReadyMs), appAllTablesReadyMs: median(samples.appAllTablesReadyMs), samples,
  };
}

export interface TableLoad {
  table: string; bytes: number; rows: number;
  /** Start of the download to the table being queryable, as the app loads it (includes waiting for the engine and other tables). */
  appMs: number;
  /** The app's validate + insert step alone (progress 'validating' to 'ready'). */
  appValidateInsertMs: number;
  /** The same file fetched, decoded and inserted alone (no validation, nothing else running). */
  isolated?: IsolatedLoad & { mbPerS: number | null; rowsPerS: number | null };
}

export interface ScaleResult {
  scale: number; populationPoints: number; facilities: number;
  /** Navigation to every table loaded. */
  allTablesMs: number;
  loading: TableLoad[];
  interaction: Summary & { longestTaskMs: number; samples: ChangeTiming[] };
  /** Long tasks (> 50 ms) the page reported over the whole run: shows that the Long Tasks observer works. */
  longTasksSeen: number;
  wasmQueries: { name: string; samplesMs: number[]; ms: number }[];
  /** The derived (pre-aggregated) tables, rebuilt once and timed: what a load pays so that filter changes are cheap. */
  derived: { table: string; ms: number; rows: number }[];
  memory: {
    /** Renderer peak RSS while the app loads the data and redraws for the filter changes: what a user's tab needs. */
    rendererPeakMb: number | null;
    /** The same at the end of the run, after the bench's own extra work (a second decoder and scratch table for the
     *  isolated loads, E2SFCA): not the app's footprint. */
    rendererPeakWithBenchMb: number | null;
    jsHeapPeakMb: number; duckdbWasmMb: number | null; duckdbWasmWithBenchMb: number | null; duckdbBufferMb: number;
  };
}

export interface ScaleOptions {
  scale: number; changes: number; queryReps: number; isolated: string[]; loadTimeoutMs: number;
  /** Runs of the heavy kinds (isHeavy: E2SFCA, its plan, distance); quick runs take one sample with no warm-up. */
  heavyReps: number; heavyWarmUp: boolean;
  /** The kinds not run at this scale (too many pairs for an interactive recomputation, or for the engine's memory). */
  skip: readonly QueryKind[];
  /** The grid the Access view picks at this scale (null = exact), as queriesFor takes it. */
  e2sfcaCellKm: number | null;
}

/** Load the app on the data folder the server currently maps, then measure. One fresh browser per scale (clean peaks). */
export async function measureScale(baseUrl: string, o: ScaleOptions, log: (s: string) => void): Promise<ScaleResult> {
  const { browser, id } = await launch();
  try {
    const context = await browser.newContext(BENCH_CONTEXT);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let jsHeapPeak = 0;
    let wasmPeak: number | null = null;
    const sample = async () => {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        jsHeapPeak = Math.max(jsHeapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        const w = page.workers().find((x) => x.url().includes('duckdb-browser'));
        // duckdb-wasm's worker keeps its bindings on globalThis; the Emscripten module's heap is the wasm memory.
        const bytes = await w?.evaluate(() => (globalThis as unknown as { DUCKDB_BINDINGS?: { mod?: { HEAPU8?: Uint8Array } } }).DUCKDB_BINDINGS?.mod?.HEAPU8?.buffer.byteLength ?? null);
        if (typeof bytes === 'number') wasmPeak = Math.max(wasmPeak ?? 0, bytes);
      } catch {
        // A sample taken while the page navigates or a worker starts: skip it.
      }
    };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sample();
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    await page.goto(baseUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-testid="load-progress"] li[data-table]')];
      return items.length > 0 && items.every((li) => ['ready', 'failed'].includes(li.getAttribute('data-state') ?? ''));
    }, undefined, { timeout: o.loadTimeoutMs, polling: 100 });
    const allTablesMs = await page.evaluate(() => performance.now());
    await page.waitForSelector('[data-testid="choropleth"] svg', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="ranked-bars"] svg', { timeout: 60_000 });
    log(`  scale ${o.scale}: all tables loaded in ${(allTablesMs / 1000).toFixed(1)} s`);

    const progress = await page.evaluate(() => window.__careBench!.progress);
    const failed = progress.filter((p) => p.state === 'failed');
    if (failed.length) throw new Error(`tables failed to load: ${failed.map((f) => f.table).join(', ')}`);
    const fetchStarts = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => r.name.includes('/bench-data/')).map((r) => ({ name: r.name, start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })));
    const loading = appLoading(progress, fetchStarts);

    const counts = await page.evaluate(() => window.__careBench!.rows<{ p: number; f: number }>(
      'SELECT (SELECT count(*) FROM population)::DOUBLE AS p, (SELECT count(*) FROM facilities)::DOUBLE AS f'));

    // Interactions: cycle the region filter through every option (whole country and each province).
    const options = await page.$$eval('[data-testid="filter-province"] option', (os) => os.map((x) => (x as HTMLOptionElement).value));
    const districts = await page.evaluate(() => window.__careBench!.rows<{ region_id: string; parent_id: string }>('SELECT region_id, parent_id FROM regions WHERE level = 2'));
    const idsFor = (v: string) => districts.filter((d) => v === '' || d.parent_id === v).map((d) => d.region_id);
    const sequence = Array.from({ length: o.changes + 2 }, (_, i) => options[(i + 1) % options.length]);
    const changes: ChangeTiming[] = [];
    for (const v of sequence) changes.push(await page.evaluate(([value, ids]) => window.__careBench!.changeProvince(value, ids), [v, idsFor(v)] as const));
    const counted = changes.slice(2); // two warm-up changes
    await sample();
    const appRenderers = rendererMemory(id);
    const appWasmPeak = wasmPeak as number | null;
    const appJsHeapPeak = jsHeapPeak;
    const s = summarize(counted.map((c) => c.ms));
    log(`  scale ${o.scale}: filter change p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms over ${s.n}`);

    // Isolated loads (fetch, decode, insert), after the app is idle.
    for (const t of o.isolated) {
      const iso = await page.evaluate(([table, url, warm]) => window.__careBench!.loadIsolated(table, url, warm), [t, `${baseUrl}bench-data/${t}.parquet`, `${baseUrl}bench-data/regions.parquet`] as const);
      const row = loading.find((l) => l.table === t);
      if (row) row.isolated = { ...iso, ...throughput(iso.bytes, iso.rows, iso.fetchMs + iso.decodeMs + iso.insertMs) };
    }

    const derived = await page.evaluate(() => window.__careBench!.timeDerived());

    // The core queries and E2SFCA on the app's own DuckDB-WASM (one warm-up run each, not counted).
    const wasmQueries: ScaleResult['wasmQueries'] = [];
    for (const q of QUERY_SET) {
      const heavy = isHeavy(q.kind);
      if (o.skip.includes(q.kind)) continue;
      const reps = heavy ? o.heavyReps : o.queryReps;
      const samplesMs = await page.evaluate(([kind, province, n, warm, cellKm]) => window.__careBench!.timeKind(kind, province, n, warm, cellKm), [q.kind, q.province, reps, !heavy || o.heavyWarmUp, o.e2sfcaCellKm] as const);
      wasmQueries.push({ name: q.name, samplesMs, ms: median(samplesMs) });
      log(`  scale ${o.scale}: wasm ${q.name}: ${median(samplesMs).toFixed(1)} ms`);
    }

    const longTasksSeen = await page.evaluate(() => window.__careBench!.longTasks.length);
    const duckdbBuffer = await page.evaluate(() => window.__careBench!.duckdbMemory());
    sampling = false;
    await sampler;
    await sample();
    const renderers = rendererMemory(id);
    if (errors.length) log(`  page errors: ${errors.join(' | ')}`);
    return {
      scale: o.scale, populationPoints: counts[0].p, facilities: counts[0].f, allTablesMs, loading,
      interaction: { ...s, longestTaskMs: Math.max(...counted.map((c) => c.longestTaskMs)), samples: counted },
      wasmQueries, longTasksSeen, derived,
      memory: {
        rendererPeakMb: appRenderers.length ? Math.max(...appRenderers.map((r) => r.peakRssBytes)) / MB : null,
        rendererPeakWithBenchMb: renderers.length ? Math.max(...renderers.map((r) => r.peakRssBytes)) / MB : null,
        jsHeapPeakMb: appJsHeapPeak / MB,
        duckdbWasmMb: appWasmPeak === null ? null : appWasmPeak / MB,
        duckdbWasmWithBenchMb: wasmPeak === null ? null : (wasmPeak as number) / MB,
        duckdbBufferMb: duckdbBuffer / MB,
      },
    };
  } finally {
    await browser.close();
  }
}

/** Per table: from the start of its download to 'ready' (queryable), from the app's own progress states. */
export function appLoading(progress: ProgressEvent[], fetches: { name: string; start: number; end: number }[]): TableLoad[] {
  const out: TableLoad[] = [];
  for (const ready of progress.filter((p) => p.state === 'ready')) {
    const f = fetches.find((x) => x.name.split('?')[0].endsWith(`/${ready.table}.parquet`));
    const start = f?.start ?? progress.find((p) => p.table === ready.table)!.t;
    const validating = progress.find((p) => p.table === ready.table && p.step === 'validating');
    out.push({ table: ready.table, bytes: ready.bytes ?? 0, rows: ready.rows ?? 0, appMs: ready.t - start, appValidateInsertMs: validating ? ready.t - validating.t : Number.NaN });
  }
  return out;
}
