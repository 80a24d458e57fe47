import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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

const initialTables = () => Object.fromEntries(TABLE_NAMES.map((t) => [t, { state: 'waiting' }])) as Record<TableName, TableLoadState>;
const DatasetContext = createContext<DatasetState | null>(null);

/** Starts the engine, loads the demo dataset table by table, and exposes progress to every view. */
export function DatasetProvider({ children }: { children: ReactNode }) {
  const [engine, setEngine] = useState<EngineStatus>({ state: 'loading' });
  const [tables, setTables] = useState(initialTables);
  const [boundaries, setBoundaries] = useState<BoundaryFeature[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    fetch(DEMO_DATASET.boundariesUrl)
      .then((r) => r.json())
      .then((json) => !cancelled && setBoundaries(parseBoundaries(json, 'boundaries.geojson')))
      .catch(() => !cancelled && setBoundaries([]));
    (async () => {
      try {
        const db = await getEngine();
        performance.mark('engine-ready');
        if (cancelled) return;
        setEngine({ state: 'ready', db });
        await loadDataset(db, createWorkerDecoder(), DEMO_DATASET.tables, (table, state) => {
          if (cancelled) return;
          setTables((t) => ({ ...t, [table]: state }));
          if (state.state === 'ready') setVersion((v) => v + 1);
        });
      } catch (e) {
        if (!cancelled) setEngine({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const value = useMemo(
    () => ({ name: DEMO_DATASET.name, synthetic: DEMO_DATASET.synthetic, engine, tables, boundaries, version }),
    [engine, tables, boundaries, version],
  );
  return <DatasetContext.Provider value={value}>{children}</DatasetContext.Provider>;
}

export function useDataset(): DatasetState {
  const ctx = useContext(DatasetContext);
  if (!ctx) throw new Error('useDataset outside DatasetProvider');
  return ctx;
}
