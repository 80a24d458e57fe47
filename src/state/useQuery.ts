import { useMemo } from 'react';
import type { Query } from '../db/sqlRunner';
import { answerKey } from '../queries/firstPageQueries';
import { useDataset, type Need } from './useDataset';
import { useEngineRun, type RunError, type RunOptions, type RunState, type WaitReason } from './useEngineRun';

export { STARTING_DB, type RunError, type WaitReason } from './useEngineRun';

/** A query's state: its rows where useEngineRun has a value. */
export type QueryState<T, K = unknown> =
  | { status: 'waiting'; reason: WaitReason }
  | { status: 'loading'; rows?: T[]; tag?: K }
  /** `prefetched`: the build-time answer (first-page.json), shown until the engine answers. */
  | { status: 'ready'; rows: T[]; tag?: K; ms?: number; prefetched?: boolean }
  | { status: 'error'; error: RunError };

export type QueryOptions<K> = Omit<RunOptions<never, K>, 'early' | 'same'>;

/**
 * Rows of `query` (null: not now), once the tables it needs are loaded or built; again when the query changes or one
 * of those tables gets a new version. Until the engine and tables are ready, a query with a build-time answer (the
 * first page's, over the demo files) shows that answer. While a newer run is pending, the previous rows stay.
 */
export function useQuery<T, K = unknown>(query: Query | null, needs: readonly Need[], options: QueryOptions<K> = {}): QueryState<T, K> {
  const { prefetched } = useDataset('prefetched');
  const early = query ? (prefetched.get(answerKey(query)) as T[] | undefined) : undefined;
  const run = useEngineRun<T[], K>(query, (db) => db.rows<T>(query!), needs, { ...options, early, same: sameRows });
  return useMemo(() => asQueryState(run), [run]);
}

function asQueryState<T, K>(run: RunState<T[], K>): QueryState<T, K> {
  if (run.status === 'waiting' || run.status === 'error') return run;
  const { value, ...rest } = run;
  return { ...rest, rows: value } as QueryState<T, K>;
}

/** The rows to show: the answer, or while a newer query runs, the previous answer (null when there is none). */
export const rowsOf = <T,>(q: QueryState<T>): T[] | null => (q.status === 'ready' ? q.rows : q.status === 'loading' ? q.rows ?? null : null);

/** What the rows shown were computed for (the `tag` given with their run), or null when none are shown. */
export const tagOf = <T, K>(q: QueryState<T, K>): K | null => (q.status === 'ready' || q.status === 'loading' ? q.tag ?? null : null);

const sameRows = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
