import { useEffect, useState } from 'react';
import type { TableName } from '../data/contract';
import { isAbort, type Query } from '../db/sqlRunner';
import { answerKey } from '../queries/firstPageQueries';
import { useDataset, useTableStates } from './useDataset';
import { useStable } from './useStable';

/** Why a query is not running yet, as a code (Panel shows its text from the message catalogues). */
export type WaitReason =
  | { code: 'startingDb' }
  | { code: 'loadingTables'; tables: readonly TableName[] }
  /** The Access view's heavy runs go one after another. */
  | { code: 'queued' }
  | { code: 'waitingTables' }
  /** Multi-statement work with nothing to run yet. */
  | { code: 'nothingYet' }
  /** The Plan's partnership reach waits for today's distances. */
  | { code: 'baselineFirst' };

export const STARTING_DB: WaitReason = { code: 'startingDb' };

export type QueryState<T> =
  | { status: 'waiting'; reason: WaitReason }
  | { status: 'loading'; rows?: T[] }
  /** `prefetched`: the build-time answer (first-page.json), shown until the engine answers. */
  | { status: 'ready'; rows: T[]; prefetched?: boolean }
  | { status: 'error'; message: string; sql?: string };

/**
 * Run a query once the tables it needs are loaded; re-run when the query or one of those tables changes.
 * A query superseded by a newer one is cancelled, not queued. Until the engine and tables are ready, a query with a
 * build-time answer (the first page's, over the demo files) shows that answer.
 */
export function useQuery<T>(query: Query, needs: readonly TableName[]): QueryState<T> {
  const { engine, prefetched } = useDataset('engine', 'prefetched');
  const tables = useTableStates(needs);
  const [state, setState] = useState<QueryState<T>>({ status: 'waiting', reason: STARTING_DB });
  const missing = useStable(needs.filter((_, i) => tables[i].state !== 'ready'));
  const failed = needs.find((_, i) => tables[i].state === 'failed');
  const absent = needs.find((_, i) => tables[i].state === 'absent');
  const stableQuery = useStable(query);
  const versions = tables.map((t) => t.version).join();
  const early = prefetched.get(answerKey(query)) as T[] | undefined;

  useEffect(() => {
    if (engine.state === 'failed') return setState({ status: 'error', message: `The database could not start: ${engine.message}` });
    if (absent) return setState({ status: 'error', message: `The current dataset has no ${absent} table, which this panel needs. Load one with “Load your data”.` });
    if (failed) return setState({ status: 'error', message: `The ${failed} table could not be loaded, so this panel cannot be shown.` });
    if (engine.state !== 'ready' || missing.length) {
      // Already showing it: keep the same state, so nothing re-renders while the tables load.
      if (early) return setState((s) => (s.status === 'ready' && s.rows === early ? s : { status: 'ready', rows: early, prefetched: true }));
      return setState({ status: 'waiting', reason: engine.state !== 'ready' ? STARTING_DB : { code: 'loadingTables', tables: missing } });
    }
    // A newer query (or unmounting) aborts this one: skipped if queued, cancelled if running.
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', rows: s.status === 'ready' ? s.rows : undefined }));
    engine.db.rows<T>(stableQuery, { signal: controller.signal }).then(
      (rows) => {
        if (controller.signal.aborted) return;
        // The engine agreeing with the build-time answer keeps the same rows, so the charts are not drawn again.
        setState({ status: 'ready', rows: early && sameRows(early, rows) ? early : rows });
      },
      (e: Error & { sql?: string }) => !controller.signal.aborted && !isAbort(e) && setState({ status: 'error', message: e.message, sql: e.sql }),
    );
    return () => controller.abort();
    // `versions` re-runs the query when a table it reads is replaced.
  }, [stableQuery, engine, versions, missing, failed, absent, early]);
  return state;
}

/** The rows to show: the answer, or while a newer query runs, the previous answer (null when there is none). */
export const rowsOf = <T,>(q: QueryState<T>): T[] | null => (q.status === 'ready' ? q.rows : q.status === 'loading' ? q.rows ?? null : null);

const sameRows = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
