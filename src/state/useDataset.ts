import { useEffect, useSyncExternalStore } from 'react';
import { getSnapshot, startDemoSession, subscribe, type DatasetState } from './datasetStore';

export type { DatasetState, EngineStatus } from './datasetStore';

/** The dataset session: engine status, per-table load state, boundaries. Starts it on first use. */
export function useDataset(): DatasetState {
  useEffect(startDemoSession, []);
  return useSyncExternalStore(subscribe, getSnapshot);
}
