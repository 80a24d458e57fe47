import { useEffect, useState } from 'react';
import type { TableName } from '../data/contract';
import { isAbort, type Query } from '../db/sqlRunner';
import { useDataset } from './useDataset';

export type QueryState<T> =
  | { status: 'waiting'; reason: string }
  | { status: 'loading'; rows?: T[] }
  | { status: 'ready'; rows: T[] }
  | { status: 'error'; message: string; sql?: string };

/**
 * Run a query once the tables it needs are loaded; re-run when the query or one of those tables changes.
 * A query superseded by a newer one is cancelled, not queued.
 */
export function useQuery<T>(query: Query, needs: readonly TableName[]): QueryState<T> {
  const { engine, tables, tableVersions } = useDataset();
  const [state, setState] = useState<QueryState<T>>({ status: 'waiting', reason: 'Starting the database…' });
  const missing = needs.filter((t) => tables[t].state !== 'ready');
  const failed = needs.find((t) => tables[t].state === 'failed');
  const absent = needs.find((t) => tables[t].state === 'absent');
  const key = JSON.stringify(query);
  const versions = needs.map((t) => tableVersions[t]).join();

  useEffect(() => {
    if (engine.state === 'failed') return setState({ status: 'error', message: `The database could not start: ${engine.message}` });
    if (absent) return setState({ status: 'error', message: `The current dataset has no ${absent} table, which this panel needs. Load one with “Load your data”.` });
    if (failed) return setState({ status: 'error', message: `The ${failed} table could not be loaded, so this panel cannot be shown.` });
    if (engine.state !== 'ready') return setState({ status: 'waiting', reason: 'Starting the database…' });
    if (missing.length) return setState({ status: 'waiting', reason: `Loading ${missing.join(', ')}…` });
    // A newer query (or unmounting) aborts this one: skipped if queued, cancelled if running.
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', rows: s.status === 'ready' ? s.rows : undefined }));
    engine.db.rows<T>(query, { signal: controller.signal }).then(
      (rows) => !controller.signal.aborted && setState({ status: 'ready', rows }),
      (e: Error & { sql?: string }) => !controller.signal.aborted && !isAbort(e) && setState({ status: 'error', message: e.message, sql: e.sql }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, engine, versions, missing.join(), failed, absent]);
  return state;
}
