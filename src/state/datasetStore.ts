import { parseBoundaries, type BoundaryFeature } from '../data/boundaries';
import type { ImportRequest, ImportResponse } from '../import/importWorker';
import type { ImportMapping } from '../import/importMapping';
import { TABLE_NAMES, type TableName } from '../data/contract';
import { DEMO_DATASET } from '../data/demoManifest';
import { loadDataset, type TableLoadState } from '../data/loadDataset';
import { loadUserFiles, type FileReport, type LoadMode } from '../data/loadUserFiles';
import { createWorkerDecoder, type ParquetDecoder } from '../data/parquetDecoder';
import { getEngine } from '../db/engine';
import { inBackground, type SqlRunner } from '../db/sqlRunner';
import { refreshDerived } from '../queries/derivedTables';
import { fetchFirstPage, NO_ANSWERS, type Prefetched } from './firstPage';
import { sessionTables } from './sessionTables';

export type EngineStatus = { state: 'loading' } | { state: 'ready'; db: SqlRunner } | { state: 'failed'; message: string };

export interface DatasetState {
  name: string;
  synthetic: boolean;
  engine: EngineStatus;
  tables: Record<TableName, TableLoadState>;
  boundaries: BoundaryFeature[] | null;
  /** Build-time answers to the first page's queries over the demo files, shown until the engine can answer. */
  prefetched: Prefetched;
  /** Where each table's rows came from: the demo, or the user's file name. */
  sources: Partial<Record<TableName, string>>;
  /** The report of the last batch of user files, for the loader panel. */
  lastLoad: { busy: boolean; reports: FileReport[] } | null;
  /** Bumped whenever any table is replaced. */
  version: number;
  /** Bumped per table when it is replaced or removed: a query re-runs only when a table it reads changed. */
  tableVersions: Record<TableName, number>;
}

/** `sources` value of a table that came from the demo. */
export const DEMO_SOURCE = 'demo';

/**
 * The page's one dataset session, outside React so that it starts exactly once (React may mount twice in
 * development) and views subscribe with useSyncExternalStore.
 */
let state: DatasetState = {
  name: DEMO_DATASET.name,
  synthetic: DEMO_DATASET.synthetic,
  engine: { state: 'loading' },
  tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { state: 'waiting' }])) as Record<TableName, TableLoadState>,
  boundaries: null,
  prefetched: NO_ANSWERS,
  sources: {},
  lastLoad: null,
  version: 0,
  tableVersions: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>,
};
const bump = (tables: readonly TableName[]) => ({
  version: state.version + (tables.length ? 1 : 0),
  tableVersions: { ...state.tableVersions, ...Object.fromEntries(tables.map((t) => [t, state.tableVersions[t] + 1])) },
});
const listeners = new Set<() => void>();
let started = false;
let decoder: ParquetDecoder | null = null;
/** Loads run one after another (the demo first), so two batches never stage the same table at once. */
let queue: Promise<unknown> = Promise.resolve();
const getDecoder = () => (decoder ??= createWorkerDecoder());

function update(patch: Partial<DatasetState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

/**
 * Rebuild the tables derived from `changed` (the overview's pre-aggregation) before the new versions are published.
 * A failure is not fatal: the panels that read a missing derived table show the engine's error.
 */
function rebuildDerived(db: SqlRunner, changed: readonly TableName[], tables: DatasetState['tables']): Promise<void> {
  const ready = new Set(TABLE_NAMES.filter((t) => tables[t].state === 'ready'));
  return refreshDerived(db, changed, ready).catch((e) => console.warn('derived tables not rebuilt:', e));
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSnapshot = () => state;

export interface SessionOptions {
  /**
   * Load only these demo tables (plus the tables their keys point to, keys first), e.g. for an embedded
   * panel. The others are 'absent' (not part of this session), so nothing waits for them. Default: every table.
   */
  tables?: readonly TableName[];
  /** Fetch the district boundaries (only maps need them). Default: true. */
  boundaries?: boolean;
}

/** Start the engine and load the demo dataset (or the subset asked for); the first call wins, later calls do nothing. */
export function startSession({ tables, boundaries = true }: SessionOptions = {}): void {
  if (started) return;
  started = true;
  if (boundaries) {
    fetch(DEMO_DATASET.boundariesUrl)
      .then((r) => r.json())
      .then((json) => update({ boundaries: parseBoundaries(json, 'boundaries.geojson') }))
      .catch(() => update({ boundaries: [] }));
  }
  const engine = getEngine();
  void fetchFirstPage(DEMO_DATASET.firstPageUrl).then((prefetched) => update({ prefetched }));
  engine.then(
    (db) => {
      performance.mark('engine-ready');
      update({ engine: { state: 'ready', db } });
    },
    (e: Error) => update({ engine: { state: 'failed', message: e.message } }),
  );
  const wanted = new Set(sessionTables(DEMO_DATASET.tables.map((t) => t.table), tables));
  const demoSources = DEMO_DATASET.tables.filter((t) => wanted.has(t.table));
  if (tables) update({ tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, wanted.has(t) ? state.tables[t] : { state: 'absent' }])) as DatasetState['tables'] });
  // Steps are published in order; a table is published ready once the tables derived from it are rebuilt.
  let published: Promise<void> = Promise.resolve();
  queue = loadDataset(engine.then(inBackground), getDecoder(), demoSources, (table, tableState) => {
    published = published.then(async () => {
      const ready = tableState.state === 'ready';
      if (ready) await engine.then((db) => rebuildDerived(db, [table], { ...state.tables, [table]: tableState }));
      const sources = ready ? { ...state.sources, [table]: DEMO_SOURCE } : state.sources;
      update({ tables: { ...state.tables, [table]: tableState }, sources, ...bump(ready ? [table] : []) });
    });
  }).then(() => published).catch(() => {
    // An engine that fails to start is reported through `engine` above.
  }).finally(releaseDecoder);
}

/** End the decoder's worker once a load is done (its wasm memory cannot shrink); the next load starts a new one. */
function releaseDecoder() {
  decoder?.terminate?.();
  decoder = null;
}

/** The full dashboard's session: every demo table and the boundaries. */
export const startDemoSession = (): void => startSession();

const BOUNDARY_FILE = /\.(geo|topo)?json$/i;

/**
 * Load the user's files: Parquet tables (added to, or replacing, the current data) and boundaries
 * (GeoJSON/TopoJSON). Bad files are reported and change nothing.
 */
export function loadFiles(files: readonly { name: string; bytes: Uint8Array }[], mode: LoadMode): Promise<FileReport[]> {
  const run = async (): Promise<FileReport[]> => {
    update({ lastLoad: { busy: true, reports: [] } });
    const db = await getEngine();
    const reports: FileReport[] = [];
    let boundaries: BoundaryFeature[] | undefined;
    for (const f of files.filter((x) => BOUNDARY_FILE.test(x.name))) {
      try {
        boundaries = parseBoundaries(JSON.parse(new TextDecoder().decode(f.bytes)), f.name);
        reports.push({ file: f.name, table: null, status: 'loaded', rows: boundaries.length, issues: [], message: `${f.name}: ${boundaries.length} boundary shapes loaded` });
      } catch (e) {
        reports.push({ file: f.name, table: null, status: 'rejected', rows: 0, issues: [], message: e instanceof SyntaxError ? `${f.name}: not valid JSON (${e.message})` : (e as Error).message });
      }
    }
    const parquet = files.filter((x) => !BOUNDARY_FILE.test(x.name));
    const loaded = new Set(TABLE_NAMES.filter((t) => state.tables[t].state === 'ready'));
    const result = parquet.length ? await loadUserFiles(db, getDecoder(), parquet, mode, loaded) : { reports: [], committed: [], removed: [] };
    reports.push(...result.reports);
    const tables = { ...state.tables };
    const sources = { ...state.sources };
    for (const r of result.reports) {
      if (r.status === 'loaded' && r.table) {
        tables[r.table] = { state: 'ready', rows: r.rows, bytes: parquet.find((p) => p.name === r.file)!.bytes.byteLength, issues: r.issues };
        sources[r.table] = r.file;
      }
    }
    for (const t of result.removed) {
      tables[t] = { state: 'absent' };
      delete sources[t];
    }
    await rebuildDerived(db, [...result.committed, ...result.removed], tables);
    const replaced = mode === 'replace' && result.committed.length > 0;
    const fromDemo = Object.values(sources).some((s) => s === DEMO_SOURCE);
    const userFiles = Object.values(sources).filter((s) => s !== DEMO_SOURCE);
    update({
      tables, sources,
      boundaries: boundaries ?? (replaced ? [] : state.boundaries),
      synthetic: fromDemo,
      name: userFiles.length === 0 ? DEMO_DATASET.name : fromDemo ? `${DEMO_DATASET.name} + your files` : `Your data (${userFiles.join(', ')})`,
      lastLoad: { busy: false, reports },
      ...bump([...result.committed, ...result.removed]),
    });
    return reports;
  };
  const next = queue.then(run, run).finally(releaseDecoder);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Import the files people have (CSV, XLSX, GeoJSON, TopoJSON, shapefiles, GeoTIFF) in a worker: returns the
 * contract's Parquet files and boundaries (not loaded yet: the page shows what import did first, then loads
 * them with loadFiles), or the reason it could not.
 */
export function runImport(files: readonly { name: string; bytes: Uint8Array }[], mapping?: ImportMapping): Promise<ImportResponse> {
  const worker = new Worker(new URL('../import/importWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportResponse>((resolve) => {
    worker.onmessage = (e: MessageEvent<ImportResponse>) => resolve(e.data);
    worker.onerror = (e) => resolve({ ok: false, message: e.message || 'the import worker failed' });
    worker.postMessage({ files, mapping } satisfies ImportRequest);
  }).finally(() => worker.terminate());
}
