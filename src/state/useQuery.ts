import { useEffect, useState } from 'react';
import type { TableName } from '../data/contract';
import type { Query } from '../db/sqlRunner';
import { useDataset } from './useDataset';

export type QueryState<T> =
  | { status: 'waiting'; reason: string }
  | { status: 'loading'; rows?: T[] }
  | { status: 'ready'; rows: T[] }
  | { status: 'error'; message: string; sql?: string };

/**
 * Run a query once the tables it needs are loaded; re-run when the query or the data change.
 * A result that arrives after a newer query was issued is dropped.
 */
export function useQuery<T>(query: Query, needs: readonly TableName[]): QueryState<T> {
  const { engine, tables, version } = useDataset();
  const [state, setState] = useState<QueryState<T>>({ status: 'waiting', reason: 'Starting the database…' });
  const missing = needs.filter((t) => tables[t].state !== 'ready');
  const failed = needs.find((t) => tables[t].state === 'failed');
  const absent = needs.find((t) => tables[t].state === 'absent');
  const key = JSON.stringify(query);

  useEffect(() => {
    if (engine.state === 'failed') return setState({ status: 'error', message: `The database could not start: ${engine.message}` });
    if (absent) return setState({ status: 'error', message: `The current dataset has no ${absent} table, which this panel needs. Load one with “Load your data”.` });
    if (failed) return setState({ status: 'error', message: `The ${failed} table could not be loaded, so this panel cannot be shown.` });
    if (engine.state !== 'ready') return setState({ status: 'waiting', reason: 'Starting the database…' });
    if (missing.length) return setState({ status: 'waiting', reason: `Loading ${missing.join(', ')}…` });
    let stale = false;
    setState((s) => ({ status: 'loading', rows: s.status === 'ready' ? s.rows : undefined }));
    engine.db.rows<T>(query).then(
      (rows) => !stale && setState({ status: 'ready', rows }),
      (e: Error & { sql?: string }) => !stale && setState({ status: 'error', message: e.message, sql: e.sql }),
    );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, engine, version, missing.join(), failed, absent]);
  return state;
}
