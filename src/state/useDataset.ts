import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TableName } from '../data/contract';
import type { TableLoadState } from '../data/loadDataset';
import { getSnapshot, startDemoSession, subscribe, type DatasetState } from './datasetStore';

export type { DatasetState, EngineStatus } from './datasetStore';

/**
 * The fields `keys` of the dataset session (engine status, per-table load state, boundaries...). Starts it on first use.
 * The component re-renders only when one of those fields changes, not on every step of a table's load (a whole-page
 * re-render of the overview costs ~0.1 s of main thread, measured, and a load has dozens of steps).
 */
export function useDataset<K extends keyof DatasetState>(...keys: K[]): Pick<DatasetState, K> {
  useEffect(startDemoSession, []);
  const picked = useRef<Pick<DatasetState, K> | null>(null);
  return useSyncExternalStore(subscribe, () => {
    const state = getSnapshot();
    const last = picked.current;
    if (last && keys.every((k) => last[k] === state[k])) return last;
    return (picked.current = Object.fromEntries(keys.map((k) => [k, state[k]])) as Pick<DatasetState, K>);
  });
}

/** The load state of each of `tables`; re-renders only when one of them changes state or is replaced (its version). */
export function useTableStates(tables: readonly TableName[]): { state: TableLoadState['state']; version: number }[] {
  useEffect(startDemoSession, []);
  // A string snapshot: equal strings, no re-render.
  const key = useSyncExternalStore(subscribe, () => {
    const s = getSnapshot();
    return tables.map((t) => `${s.tables[t].state}:${s.tableVersions[t]}`).join();
  });
  return useMemo(() => key.split(',').map((x) => {
    const [state, version] = x.split(':');
    return { state: state as TableLoadState['state'], version: Number(version) };
  }), [key]);
}
