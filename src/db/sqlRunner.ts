import { DataType, type Field, type Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

/** A parameterised query: values go in as prepared-statement parameters, never pasted into SQL text. */
export interface Query {
  sql: string;
  params?: readonly unknown[];
  /**
   * Reads only small (pre-aggregated) tables: run in one round trip to the engine's worker, not as a pending query
   * polled in steps. Saves ~0.4 ms a query; such a query cannot be cancelled once started (it is still skipped while
   * queued, and its result is dropped when superseded).
   */
  quick?: boolean;
}

export interface RunOptions {
  /** Abort a query that is no longer wanted: skipped if still queued, cancelled if running (browser). */
  signal?: AbortSignal;
  /** Background work (loading the demo tables) yields to interactive queries waiting for the engine. */
  priority?: 'interactive' | 'background';
}

export interface InsertOptions extends RunOptions {
  /** Add the rows to the existing table instead of replacing it (lets a large file go in batch by batch). */
  append?: boolean;
}

/** What the rest of the app needs from DuckDB, in the browser (worker) and in Node (tests, scripts). */
export interface SqlRunner {
  /** Run a query and return plain row objects (BIGINT cast to double). */
  rows<T = Row>(query: Query | string, options?: RunOptions): Promise<T[]>;
  /** Run a query and return the Arrow table (for exports and large results). */
  arrow(query: Query | string, options?: RunOptions): Promise<Table>;
  /** Create (or replace) table `name` from Arrow IPC stream bytes; with `append`, add the rows to it (columns by position). */
  insertArrowIPC(name: string, ipc: Uint8Array, options?: InsertOptions): Promise<void>;
  close(): Promise<void>;
}

/** Arrow table -> plain objects. BIGINT is cast to double by the connection config; HUGEINT and DECIMAL
 *  (e.g. SUM of an INTEGER column) arrive as Arrow Decimal and are converted to number here. */
export function tableToRows<T>(table: Table): T[] {
  const out: T[] = new Array(table.numRows);
  const fields = table.schema.fields.map((f) => f.name);
  const cols = fields.map((name) => table.getChild(name)!);
  const convert = table.schema.fields.map(valueConverter);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < fields.length; c++) row[fields[c]] = convert[c](cols[c].get(i));
    out[i] = row as T;
  }
  return out;
}

export function asQuery(q: Query | string): Query {
  return typeof q === 'string' ? { sql: q, params: [] } : q;
}

function valueConverter(field: Field): (v: unknown) => unknown {
  if (DataType.isDecimal(field.type)) {
    const scale = 10 ** field.type.scale;
    return (v) => (v == null ? null : Number(String(v)) / scale);
  }
  return (v) => (typeof v === 'bigint' ? Number(v) : v);
}

/** The error a superseded query ends with; callers that aborted it ignore it. */
export function abortError(): DOMException {
  return new DOMException('The query was superseded and cancelled', 'AbortError');
}

export const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** The same engine, with every call marked as background work. */
export function inBackground(db: SqlRunner): SqlRunner {
  const bg = (o?: RunOptions): RunOptions => ({ ...o, priority: 'background' });
  return {
    rows: (q, o) => db.rows(q, bg(o)),
    arrow: (q, o) => db.arrow(q, bg(o)),
    insertArrowIPC: (name, ipc, o) => db.insertArrowIPC(name, ipc, bg(o)),
    close: () => db.close(),
  };
}
