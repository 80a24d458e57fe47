import { parseBoundaries, type BoundaryFeature } from '../data/boundaries';
import type { ImportRequest, ImportResponse } from '../import/importWorker';
import type { ImportMapping } from '../import/importMapping';
import { dropDanglingRows, type DanglingFinding } from '../data/danglingKeys';
import { runPlausibility, type PlausibilityReport } from '../data/plausibility';
import { TABLE_NAMES, type TableName } from '../data/contract';
import { DEMO_DATASET } from '../data/demoManifest';
import { loadDataset, type TableLoadState } from '../data/loadDataset';
import { loadUserFiles, type FileReport, type LoadMode } from '../data/loadUserFiles';
import { createWorkerDecoder, type ParquetDecoder } from '../data/parquetDecoder';
import { getEngine } from '../db/engine';
import { inBackground, type SqlRunner } from '../db/sqlRunner';
import { FACILITY_FLAGS } from '../data/plausibilitySql';
import { refreshDerived } from '../queries/derivedTables';
import { BUILT_IN_FINGERPRINT, datasetFingerprint } from './fingerprint';
import { fetchFirstPage, NO_ANSWERS, type Prefetched } from './firstPage';
import { forgetDataset, readSavedDataset, saveDataset, type SavedDataset } from './savedDataset';
import { sessionTables } from './sessionTables';
import { setUserTravelLayers } from './userTravelLayers';

export type EngineStatus = { state: 'loading' } | { state: 'ready'; db: SqlRunner } | { state: 'failed'; message: string };

/** Whether the user's dataset is kept in this browser (IndexedDB), and what went wrong if it could not be. */
export type SavedState =
  | { state: 'none' }
  | { state: 'saved' | 'restored'; name: string; loadedAt: string }
  | { state: 'failed'; message: string; action: 'save' | 'restore' | 'forget' };

export interface DatasetState {
  name: string;
  /** Some table in use is the built-in synthetic demo's (syntheticTables names them). */
  synthetic: boolean;
  /** The tables in use that come from the built-in synthetic demo: none for the user's own data. */
  syntheticTables: TableName[];
  /** Short fingerprint of the tables in use (fingerprint.ts), carried in links; null while a saved dataset is looked for. */
  fingerprint: string | null;
  /** Plausibility warnings over the tables in use (null until first checked). */
  plausibility: PlausibilityReport | null;
  /** Rows taken out because their keys point nowhere (danglingKeys.ts), from the last load. */
  dangling: DanglingFinding[];
  /** Tables the session builds from the loaded ones (facility_flags, the Plan's TEMP tables): state and version. */
  built: Readonly<Partial<Record<BuiltName, BuiltState>>>;
  saved: SavedState;
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

/**
 * A table built on the engine from the loaded tables: the plausibility checks' facility_flags, the Plan's distances
 * today and per scenario, its underserved points. Queries that read one list it among their needs (useEngineRun):
 * they wait while it is built and run again on each new version.
 */
export type BuiltName = 'facility_flags' | 'plan_today' | `plan_scenario_${number}` | 'plan_underserved';
export interface BuiltState {
  state: 'building' | 'ready' | 'failed';
  /** Finished builds so far. */
  version: number;
  message?: string;
  sql?: string;
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
  syntheticTables: [],
  fingerprint: null,
  plausibility: null,
  dangling: [],
  built: {},
  saved: { state: 'none' },
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

/** The newest build of each built table: an older one that ends late changes nothing. */
const buildTokens = new Map<BuiltName, object>();

/** Mark `name` as being built; pass the token to endBuild. */
export function beginBuild(name: BuiltName): object {
  const token = {};
  buildTokens.set(name, token);
  update({ built: { ...state.built, [name]: { state: 'building', version: state.built[name]?.version ?? 0 } } });
  return token;
}

/** A build of `name` ended: done (a new version), failed (its error), or abandoned (not built: dependants wait for the next build). */
export function endBuild(name: BuiltName, token: object, outcome: { ok: true } | { ok: false; abandoned: true } | { ok: false; message: string; sql?: string }): void {
  if (buildTokens.get(name) !== token) return;
  const version = state.built[name]?.version ?? 0;
  if (outcome.ok) return update({ built: { ...state.built, [name]: { state: 'ready', version: version + 1 } } });
  if ('abandoned' in outcome) {
    const { [name]: _, ...rest } = state.built;
    return update({ built: rest });
  }
  update({ built: { ...state.built, [name]: { state: 'failed', version, message: outcome.message, sql: outcome.sql } } });
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

/**
 * Start the engine and load the data: the user's dataset saved in this browser when there is one (the full
 * dashboard only), else the demo dataset (or the subset asked for). The first call wins, later calls do nothing.
 */
export function startSession({ tables, boundaries = true }: SessionOptions = {}): void {
  if (started) return;
  started = true;
  const engine = getEngine();
  engine.then(
    (db) => {
      // The Plan reads facility_flags: it exists (empty) from the start, and is rebuilt after every load. Sent first,
      // so it runs before any later query, but not awaited: the engine is ready now (tables may still be loading).
      const flags = beginBuild(FACILITY_FLAGS);
      db.rows(`CREATE TABLE IF NOT EXISTS ${FACILITY_FLAGS} (facility_id VARCHAR, flag VARCHAR, region_id VARCHAR, found_in VARCHAR, km DOUBLE)`)
        .then(() => endBuild(FACILITY_FLAGS, flags, { ok: true }), (e: Error) => endBuild(FACILITY_FLAGS, flags, { ok: false, message: e.message }));
      performance.mark('engine-ready');
      update({ engine: { state: 'ready', db } });
    },
    (e: Error) => update({ engine: { state: 'failed', message: e.message } }),
  );
  if (tables) return startDemo(engine, tables, boundaries);
  void readSavedDataset().then((r) => {
    if (r.ok && r.value) return restore(r.value, engine, boundaries);
    // No storage at all (private mode, storage refused) is not news at start-up; a damaged saved dataset is (Forget clears it).
    if (!r.ok && r.damaged) update({ saved: { state: 'failed', message: r.message, action: 'restore' } });
    startDemo(engine, undefined, boundaries);
  });
}

function startDemo(engine: Promise<SqlRunner>, tables: readonly TableName[] | undefined, boundaries: boolean): void {
  if (boundaries) {
    fetch(DEMO_DATASET.boundariesUrl)
      .then((r) => r.json())
      .then((json) => update({ boundaries: parseBoundaries(json, 'boundaries.geojson') }))
      .catch(() => update({ boundaries: [] }))
      .finally(() => queueChecks());
  }
  void fetchFirstPage(DEMO_DATASET.firstPageUrl).then((prefetched) => update({ prefetched }));
  const wanted = new Set(sessionTables(DEMO_DATASET.tables.map((t) => t.table), tables));
  const demoSources = DEMO_DATASET.tables.filter((t) => wanted.has(t.table));
  update({
    fingerprint: BUILT_IN_FINGERPRINT,
    syntheticTables: DEMO_DATASET.synthetic ? TABLE_NAMES.filter((t) => wanted.has(t)) : [],
    ...(tables ? { tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, wanted.has(t) ? state.tables[t] : { state: 'absent' }])) as DatasetState['tables'] } : {}),
  });
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
  queueChecks();
}

/** Load a dataset saved in this browser, as the user loaded it; if it cannot be loaded, the demo opens instead. */
function restore(saved: SavedDataset, engine: Promise<SqlRunner>, boundaries: boolean): void {
  userFiles = new Map();
  travelFiles = new Map();
  const files = [...saved.files, ...(saved.boundaries ? [saved.boundaries] : [])];
  if (saved.keepDemo) {
    startDemo(engine, undefined, boundaries);
    void loadFiles(files, 'add', { keepDemo: true, restoring: saved });
    return;
  }
  update({ tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { state: 'absent' }])) as DatasetState['tables'], boundaries: saved.boundaries ? state.boundaries : [] });
  void loadFiles(files, 'replace', { restoring: saved }).then((reports) => {
    if (reports.some((r) => r.status === 'loaded')) return;
    update({ saved: { state: 'failed', message: 'the saved files could not be loaded again', action: 'restore' } });
    startDemo(engine, undefined, boundaries);
  });
}

/** Re-run the plausibility checks after the loads queued so far (they rebuild facility_flags, which the Plan reads). */
function queueChecks(): void {
  const run = async () => {
    const db = inBackground(await getEngine());
    const loaded = new Set(TABLE_NAMES.filter((t) => state.tables[t].state === 'ready'));
    try {
      const plausibility = await runPlausibility(db, { loaded, boundaries: state.boundaries });
      // facility_flags was rebuilt by the checks: a new version, so the panels that read it read it again.
      endBuild(FACILITY_FLAGS, beginBuild(FACILITY_FLAGS), { ok: true });
      update({ plausibility });
    } catch (e) {
      console.warn('plausibility checks failed:', e);
    }
  };
  queue = queue.then(run, run);
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
export interface LoadOptions {
  /**
   * Keep the demo's tables that the files do not replace (they stay marked synthetic). Without it, files loaded
   * over the demo start a dataset of their own: the demo's tables are removed.
   */
  keepDemo?: boolean;
  /** Restoring a dataset saved in this browser (it is not saved again). */
  restoring?: SavedDataset;
}

/** The user's files in use, by table (and the boundaries'), as loaded: what is saved in the browser. */
let userFiles = new Map<TableName | 'boundaries', { name: string; bytes: Uint8Array }>();
/** The user's travel-time files in use (roads, barriers, friction rasters), saved with the tables; restored by name and content. */
let travelFiles = new Map<string, { name: string; bytes: Uint8Array }>();

export function loadFiles(files: readonly { name: string; bytes: Uint8Array }[], mode: LoadMode, options: LoadOptions = {}): Promise<FileReport[]> {
  const run = async (): Promise<FileReport[]> => {
    update({ lastLoad: { busy: true, reports: [] } });
    const db = await getEngine();
    // Over the demo, "add" starts from the user's files alone unless they keep the demo's tables.
    const demoTables = TABLE_NAMES.filter((t) => state.sources[t] === DEMO_SOURCE && state.tables[t].state === 'ready');
    const dropDemo = mode === 'add' && !options.keepDemo && demoTables.length > 0;
    const reports: FileReport[] = [];
    let boundaries: BoundaryFeature[] | undefined;
    // Roads, water and friction rasters first (issue 17): the GeoJSON they take are not boundaries. Their reader is
    // fetched here, not at start: its GeoTIFF and projection libraries (~190 kB minified) would delay the engine's start.
    const { readTravelFiles } = await import('../import/travelFiles');
    const travel = await readTravelFiles(files);
    for (const r of travel.reports) reports.push({ file: r.file, table: null, status: r.ok ? 'loaded' : 'rejected', rows: r.count, issues: [], message: r.message });
    const others = files.filter((x) => !travel.taken.has(x.name));
    for (const f of others.filter((x) => BOUNDARY_FILE.test(x.name))) {
      try {
        boundaries = parseBoundaries(JSON.parse(new TextDecoder().decode(f.bytes)), f.name);
        reports.push({ file: f.name, table: null, status: 'loaded', rows: boundaries.length, issues: [], message: `${f.name}: ${boundaries.length} boundary shapes loaded` });
      } catch (e) {
        reports.push({ file: f.name, table: null, status: 'rejected', rows: 0, issues: [], message: e instanceof SyntaxError ? `${f.name}: not valid JSON (${e.message})` : (e as Error).message });
      }
    }
    const parquet = others.filter((x) => !BOUNDARY_FILE.test(x.name));
    const loaded = new Set(TABLE_NAMES.filter((t) => state.tables[t].state === 'ready' && !(dropDemo && demoTables.includes(t))));
    const result = parquet.length ? await loadUserFiles(db, getDecoder(), parquet, mode, loaded) : { reports: [], committed: [], removed: [] };
    reports.push(...result.reports);
    if (dropDemo && result.committed.length > 0) {
      // The user's data starts here: the demo tables they did not replace go (and so do the demo's boundaries).
      // A boundary file alone changes no table: the demo stays (and stays named synthetic).
      for (const t of demoTables.filter((x) => !result.committed.includes(x))) {
        await db.rows(`DROP TABLE IF EXISTS "${t}"`);
        result.removed.push(t);
      }
      if (!boundaries) boundaries = [];
    }
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
    // Rows whose keys point nowhere (e.g. the demo's partnerships after the user's facilities replaced the demo's).
    const live = new Set(TABLE_NAMES.filter((t) => tables[t].state === 'ready'));
    const dangling = result.committed.length || result.removed.length ? await dropDanglingRows(db, live).catch(() => []) : state.dangling;
    const changed = [...new Set([...result.committed, ...result.removed, ...dangling.map((d) => d.table)])];
    await rebuildDerived(db, changed, tables);
    const replaced = mode === 'replace' && result.committed.length > 0;
    setUserTravelLayers(travel.layers, replaced);
    const fromDemo = TABLE_NAMES.filter((t) => sources[t] === DEMO_SOURCE);
    const userNames = Object.values(sources).filter((s) => s !== DEMO_SOURCE);
    // What is kept in the browser: the user's files in use, as loaded.
    if (replaced) userFiles = new Map();
    if (replaced) travelFiles = new Map();
    // One file per kind, as setUserTravelLayers keeps them (a batch's friction rasters replace all earlier ones).
    if (travel.reports.some((r) => r.ok && r.kind === 'friction')) for (const k of [...travelFiles.keys()]) if (k.startsWith('friction')) travelFiles.delete(k);
    for (const r of travel.reports) if (r.ok) travelFiles.set(r.kind === 'friction' ? `friction:${r.file}` : r.kind, files.find((f) => f.name === r.file)!);
    for (const t of result.removed) userFiles.delete(t);
    for (const r of result.reports) if (r.status === 'loaded' && r.table) userFiles.set(r.table, parquet.find((p) => p.name === r.file)!);
    const boundaryFile = files.find((f) => BOUNDARY_FILE.test(f.name) && reports.some((r) => r.file === f.name && r.status === 'loaded'));
    if (boundaryFile) userFiles.set('boundaries', boundaryFile);
    else if (boundaries && boundaries.length === 0) userFiles.delete('boundaries');
    const fingerprint = await datasetFingerprint(Object.fromEntries(TABLE_NAMES.filter((t) => sources[t]).map((t) => [t, sources[t] === DEMO_SOURCE ? 'demo' : userFiles.get(t)?.bytes ?? 'demo'])))
      .catch(() => state.fingerprint);
    update({
      tables, sources,
      boundaries: boundaries ?? (replaced ? [] : state.boundaries),
      synthetic: DEMO_DATASET.synthetic && fromDemo.length > 0,
      syntheticTables: DEMO_DATASET.synthetic ? fromDemo : [],
      fingerprint,
      dangling,
      name: userNames.length === 0 ? DEMO_DATASET.name : fromDemo.length ? `${DEMO_DATASET.name} + your files` : options.restoring?.name ?? `Your data (${userNames.join(', ')})`,
      lastLoad: { busy: false, reports },
      ...bump(changed),
    });
    if (options.restoring) update({ saved: { state: 'restored', name: options.restoring.name, loadedAt: options.restoring.loadedAt } });
    else if (userNames.length && changed.length + (boundaryFile ? 1 : 0) > 0) await persist(fromDemo.length > 0);
    return reports;
  };
  const next = queue.then(run, run).finally(releaseDecoder);
  queue = next.catch(() => undefined);
  queueChecks();
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

/** Keep the user's files in this browser; a failure is shown, never thrown (the session in memory is unaffected). */
async function persist(keepDemo: boolean): Promise<void> {
  const tables = TABLE_NAMES.flatMap((t) => (userFiles.has(t) ? [userFiles.get(t)!] : []));
  const name = `Your data (${tables.map((f) => f.name).join(', ')})`;
  const files = [...tables, ...travelFiles.values()];
  const loadedAt = new Date().toISOString();
  const r = await saveDataset({ version: 1, name, loadedAt, files, boundaries: userFiles.get('boundaries') ?? null, keepDemo });
  update({ saved: r.ok ? { state: 'saved', name, loadedAt } : { state: 'failed', message: r.message, action: 'save' } });
}

/** "Forget this data": delete the saved copy; the data stay loaded until the page is reloaded (then the demo opens). */
export async function forgetSavedData(): Promise<boolean> {
  const r = await forgetDataset();
  update({ saved: r.ok ? { state: 'none' } : { state: 'failed', message: r.message, action: 'forget' } });
  return r.ok;
}
