/**
 * `window.__careBench`: the benchmark's handle on the running app. Bundled only into the bench build (imported by
 * the replacement demo manifest of vite.bench.config.ts); the production build never contains it.
 * Everything timed here is timed inside the page with performance.now(), so Node <-> browser round trips do not count.
 */
import { createWorkerDecoder } from '../../src/data/parquetDecoder';
import { getEngine } from '../../src/db/engine';
import { kpiOf } from '../../src/metrics/kpi';
import { DERIVED_TABLES } from '../../src/queries/derivedTables';
import type { Query } from '../../src/db/sqlRunner';
import { getSnapshot, subscribe } from '../../src/state/datasetStore';
import { queriesFor, type QueryKind } from './benchQueries';

export interface ProgressEvent { table: string; state: string; step?: string; t: number; rows?: number; bytes?: number }
export interface ChangeTiming { value: string; ms: number; domMs: number; longestTaskMs: number }
export interface IsolatedLoad { table: string; bytes: number; rows: number; fetchMs: number; decodeMs: number; insertMs: number }

const progress: ProgressEvent[] = [];
const longTasks: { start: number; duration: number }[] = [];

try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // Long Tasks API missing: longestTaskMs stays 0 and the report says so.
}

// Record every table's load step from the app's own dataset store. The store imports this module (through the demo
// manifest), so subscribe once the module graph has run; a dynamic import() here resolved only at engine-ready
// (measured), losing the early steps.
queueMicrotask(() => {
  const last = new Map<string, string>();
  subscribe(() => {
    const t = performance.now();
    for (const [table, s] of Object.entries(getSnapshot().tables)) {
      const key = s.state + ('step' in s ? `:${s.step}` : '');
      if (last.get(table) === key) continue;
      last.set(table, key);
      progress.push({ table, state: s.state, step: 'step' in s ? s.step : undefined, t, ...(s.state === 'ready' ? { rows: s.rows, bytes: s.bytes } : {}) });
    }
  });
});

/**
 * Run the queries one after another `reps` times; each sample is the time for the whole sequence, and for `then`
 * on the last query's rows (the JavaScript step the app runs on them).
 */
async function timeQuery(q: Query | Query[], reps: number, then?: (rows: never[]) => unknown): Promise<number[]> {
  const db = await getEngine();
  const qs = Array.isArray(q) ? q : [q];
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    let rows: never[] = [];
    for (const x of qs) rows = await db.rows<never>(x);
    then?.(rows);
    out.push(performance.now() - t0);
  }
  return out;
}

const SVG_SELECTOR = '[data-testid="choropleth"] svg, [data-testid="ranked-bars"] svg';

/**
 * Pick `value` in the region filter and wait until the overview's map, ranking, KPI cards and table show it:
 * both charts are new SVG nodes, no panel is busy, and the table lists exactly `districtIds`. `domMs` is when the
 * DOM got there; `ms` adds the animation frame that paints it.
 */
async function changeProvince(value: string, districtIds: string[], timeoutMs = 120_000): Promise<ChangeTiming> {
  const select = document.querySelector<HTMLSelectElement>('[data-testid="filter-province"]');
  if (!select) throw new Error('no region filter on the page');
  const old = new Set(document.querySelectorAll(SVG_SELECTOR));
  const want = new Set(districtIds);
  const done = () => {
    const svgs = [...document.querySelectorAll(SVG_SELECTOR)];
    if (svgs.length < 2 || svgs.some((s) => old.has(s))) return false;
    if (document.querySelector('section.panel[aria-busy="true"]')) return false;
    const rows = [...document.querySelectorAll('[data-testid="district-table"] tbody tr')];
    return rows.length === want.size && rows.every((r) => want.has(r.getAttribute('data-region') ?? ''));
  };
  const t0 = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const tDom = await new Promise<number>((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`region ${value || '(whole country)'}: page not redrawn within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = () => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    };
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  });
  const t1 = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  const longestTaskMs = Math.max(0, ...longTasks.filter((l) => l.start + l.duration > t0 && l.start < t1).map((l) => l.duration));
  return { value, ms: t1 - t0, domMs: tDom - t0, longestTaskMs };
}

/** Fetch, decode (parquet-wasm in a worker, as the app) and insert one file into a scratch table, each step timed. */
async function loadIsolated(table: string, url: string, warmUrl: string): Promise<IsolatedLoad> {
  const db = await getEngine();
  const decode = createWorkerDecoder();
  // Start the decoder's worker and wasm on a small file first: the app pays that once, while the engine starts.
  await decode(new Uint8Array(await (await fetch(warmUrl)).arrayBuffer()));
  const t0 = performance.now();
  const res = await fetch(url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const size = bytes.byteLength;
  const t1 = performance.now();
  const ipc = await decode(bytes);
  const t2 = performance.now();
  await db.insertArrowIPC('bench_scratch', ipc);
  const t3 = performance.now();
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM bench_scratch');
  await db.rows('DROP TABLE bench_scratch');
  return { table, bytes: size, rows: n, fetchMs: t1 - t0, decodeMs: t2 - t1, insertMs: t3 - t2 };
}

const bench = {
  progress,
  longTasks,
  timeQuery,
  changeProvince,
  loadIsolated,
  /** Time a query kind of benchQueries.ts: `reps` samples, after one warm-up run unless `warmUp` is false. */
  timeKind: async (kind: QueryKind, province: string | null, reps: number, warmUp = true, cellKm: number | null = null) =>
    (await timeQuery(queriesFor(kind, province, cellKm), reps + (warmUp ? 1 : 0), kind === 'kpi' ? kpiOf : undefined)).slice(warmUp ? 1 : 0),
  rows: async <T>(q: Query | string) => (await getEngine()).rows<T>(q),
  /** Rebuild each derived table (as the app does after a load) and time it: the price of the pre-aggregation. */
  timeDerived: async () => {
    const db = await getEngine();
    const out: { table: string; ms: number; rows: number }[] = [];
    for (const d of DERIVED_TABLES) {
      const t0 = performance.now();
      await db.rows(d.build());
      const ms = performance.now() - t0;
      const [{ n }] = await db.rows<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${d.name}`);
      out.push({ table: d.name, ms, rows: n });
    }
    return out;
  },
  /** DuckDB's own account of its memory (buffer manager), in bytes. */
  duckdbMemory: async () => {
    const [r] = await (await getEngine()).rows<{ bytes: number }>('SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()');
    return r.bytes;
  },
};

export type CareBench = typeof bench;
declare global {
  interface Window {
    __careBench?: CareBench;
  }
}
window.__careBench = bench;
