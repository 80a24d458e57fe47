import { parseBoundaries, type BoundaryFeature } from '../data/boundaries';
import { TABLE_NAMES, type TableName } from '../data/contract';
import { DEMO_DATASET } from '../data/demoManifest';
import { loadDataset, type TableLoadState } from '../data/loadDataset';
import { createWorkerDecoder } from '../data/parquetDecoder';
import { getEngine } from '../db/engine';
import type { SqlRunner } from '../db/sqlRunner';

export type EngineStatus = { state: 'loading' } | { state: 'ready'; db: SqlRunner } | { state: 'failed'; message: string };

export interface DatasetState {
  name: string;
  synthetic: boolean;
  engine: EngineStatus;
  tables: Record<TableName, TableLoadState>;
  boundaries: BoundaryFeature[] | null;
  /** Bumped whenever a table is replaced, so queries re-run. */
  version: number;
}

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
  version: 0,
};
const listeners = new Set<() => void>();
let started = false;

function update(patch: Partial<DatasetState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSnapshot = () => state;

/** Start the engine and load the demo dataset; later calls do nothing. */
export function startDemoSession(): void {
  if (started) return;
  started = true;
  fetch(DEMO_DATASET.boundariesUrl)
    .then((r) => r.json())
    .then((json) => update({ boundaries: parseBoundaries(json, 'boundaries.geojson') }))
    .catch(() => update({ boundaries: [] }));
  const engine = getEngine();
  engine.then(
    (db) => {
      performance.mark('engine-ready');
      update({ engine: { state: 'ready', db } });
    },
    (e: Error) => update({ engine: { state: 'failed', message: e.message } }),
  );
  loadDataset(engine, createWorkerDecoder(), DEMO_DATASET.tables, (table, tableState) => {
    update({ tables: { ...state.tables, [table]: tableState }, version: state.version + (tableState.state === 'ready' ? 1 : 0) });
  }).catch(() => {
    // An engine that fails to start is reported through `engine` above.
  });
}
