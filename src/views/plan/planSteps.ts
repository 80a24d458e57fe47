import { useEffect, useRef, useState } from 'react';
import type { TableName } from '../../data/contract';
import { isAbort, type Query } from '../../db/sqlRunner';
import { useDataset } from '../../state/useDataset';
import { STARTING_DB, type QueryState } from '../../state/useQuery';
import { useStable } from '../../state/useStable';

/**
 * Statements that build TEMP tables, run in order on the engine (one connection, so the tables persist).
 * Re-runs when the statements or the tables they read change; a newer run aborts the older one (skipped if
 * queued, cancelled if running). `version` counts finished runs: put it in the queries that read the tables.
 * `ms` is how long the last finished run took (also recorded as a performance measure named `timing`).
 */
export function useTableSteps(steps: readonly Query[] | null, needs: readonly TableName[], timing?: string): { state: QueryState<never>; version: number; ms: number | null } {
  const { engine, tables, tableVersions } = useDataset('engine', 'tables', 'tableVersions');
  const [state, setState] = useState<QueryState<never>>({ status: 'waiting', reason: STARTING_DB });
  const [done, setDone] = useState({ version: 0, ms: null as number | null });
  const counter = useRef(0);
  const missing = useStable(needs.filter((t) => tables[t].state !== 'ready'));
  const bad = needs.find((t) => tables[t].state === 'failed' || tables[t].state === 'absent');
  const stableSteps = useStable(steps);
  const versions = needs.map((t) => tableVersions[t]).join();

  useEffect(() => {
    if (stableSteps === null) return setState({ status: 'waiting', reason: { code: 'nothingYet' } });
    if (engine.state === 'failed') return setState({ status: 'error', message: `The database could not start: ${engine.message}` });
    if (bad) return setState({ status: 'error', message: `The ${bad} table is missing or could not be loaded, so this cannot be computed.` });
    if (engine.state !== 'ready') return setState({ status: 'waiting', reason: STARTING_DB });
    if (missing.length) return setState({ status: 'waiting', reason: { code: 'loadingTables', tables: missing } });
    const controller = new AbortController();
    const start = performance.now();
    setState({ status: 'loading' });
    (async () => {
      for (const q of stableSteps) await engine.db.rows(q, { signal: controller.signal });
    })().then(
      () => {
        if (controller.signal.aborted) return;
        const end = performance.now();
        if (timing) performance.measure(timing, { start, end });
        counter.current += 1;
        setDone({ version: counter.current, ms: end - start });
        setState({ status: 'ready', rows: [] });
      },
      (e: Error & { sql?: string }) => !controller.signal.aborted && !isAbort(e) && setState({ status: 'error', message: e.message, sql: e.sql }),
    );
    return () => controller.abort();
    // `versions` re-runs the steps when a table they read is replaced.
  }, [stableSteps, engine, versions, missing, bad, timing]);
  return { state, ...done };
}

/** A query over tables built by useTableSteps: held until they are ready (its text carries their version). */
export const HELD: Query = { sql: 'SELECT 1 AS held WHERE false', params: [] };
