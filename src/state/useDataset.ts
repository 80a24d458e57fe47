import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TableName } from '../data/contract';
import { TABLE_NAMES } from '../data/contract';
import { getSnapshot, startDemoSession, subscribe, type BuiltName, type DatasetState } from './datasetStore';

export type { BuiltName, DatasetState, EngineStatus } from './datasetStore';

/** What engine work reads: a loaded table, or a table built from them (facility_flags, the Plan's tables). */
export type Need = TableName | BuiltName;
const isTable = (n: Need): n is TableName => (TABLE_NAMES as readonly string[]).includes(n);

/** A need's state, as engine work sees it: `waiting` covers a table still loading and a built table not (yet) built. */
export interface NeedState { state: 'ready' | 'waiting' | 'failed' | 'absent'; version: number; message?: string; sql?: string }

function needState(s: DatasetState, n: Need): NeedState {
  if (isTable(n)) {
    const t = s.tables[n].state;
    return { state: t === 'ready' || t === 'failed' || t === 'absent' ? t : 'waiting', version: s.tableVersions[n] };
  }
  const b = s.built[n];
  if (!b || b.state === 'building') return { state: 'waiting', version: b?.version ?? 0 };
  return { state: b.state, version: b.version, message: b.message, sql: b.sql };
}

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

/** The state of each of `needs`; re-renders only when one of them changes state or gets a new version. */
export function useNeedStates(needs: readonly Need[]): NeedState[] {
  useEffect(startDemoSession, []);
  // A string snapshot: equal strings, no re-render.
  const key = useSyncExternalStore(subscribe, () => JSON.stringify(needs.map((n) => needState(getSnapshot(), n))));
  return useMemo(() => JSON.parse(key) as NeedState[], [key]);
}

/** Every table of the dataset has finished loading (or failed, or is not part of it). */
export function useAllTablesSettled(): boolean {
  useEffect(startDemoSession, []);
  return useSyncExternalStore(subscribe, () => {
    const s = getSnapshot();
    return TABLE_NAMES.every((t) => ['ready', 'failed', 'absent'].includes(s.tables[t].state));
  });
}
