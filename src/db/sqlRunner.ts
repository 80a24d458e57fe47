import { DataType, Precision, type Field, type Table, type Utf8, type Vector } from 'apache-arrow';
import type { Query } from './sqlText';

export type Row = Record<string, unknown>;

// Re-exported so the runner's callers need one import; the type lives with the rest of the SQL text.
export type { Query } from './sqlText';

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

/**
 * Arrow table -> plain objects. BIGINT is cast to double by the connection config; HUGEINT and DECIMAL
 * (e.g. SUM of an INTEGER column) arrive as Arrow Decimal and are converted to number here.
 * Column by column rather than `Vector.get` per cell, which decodes each short string with its own TextDecoder call
 * (the difference: README, *Design notes and measurements*).
 */
export function tableToRows<T>(table: Table): T[] {
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  for (const field of table.schema.fields) {
    const values = columnValues(table.getChild(field.name)!, field);
    for (let i = 0; i < rows.length; i++) rows[i][field.name] = values[i];
  }
  return rows as T[];
}

function columnValues(col: Vector, field: Field): ArrayLike<unknown> {
  const t = field.type;
  // Numbers without nulls: the column's typed array as is (64-bit integers would be bigints; half floats raw bits).
  const plainNumbers = (DataType.isFloat(t) && t.precision !== Precision.HALF) || (DataType.isInt(t) && t.bitWidth <= 32);
  if (plainNumbers && col.nullCount === 0) return col.toArray();
  if (DataType.isUtf8(t)) return utf8Column(col as Vector<Utf8>);
  const convert = valueConverter(field);
  const out = new Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = convert(col.get(i));
  return out;
}

const utf8 = new TextDecoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A string column, each chunk's bytes decoded in one call and cut where each string starts (its byte offset counted
 * in UTF-16 units). Gives exactly what decoding each string alone gives (as Vector.get does) when every string is
 * valid UTF-8 on its own and none starts with a byte order mark (which a decoder drops); otherwise it decodes each string.
 */
function utf8Column(col: Vector<Utf8>): (string | null)[] {
  const out: (string | null)[] = [];
  for (const d of col.data) {
    const { valueOffsets: offsets, values: bytes } = d;
    const text = wholeText(bytes, offsets, d.length);
    let unit = 0;
    for (let i = 0, b = offsets[0]; i < d.length; i++) {
      const from = unit;
      // A UTF-8 lead byte starts one UTF-16 unit, or two for a 4-byte sequence (a surrogate pair); continuation bytes none.
      for (const end = offsets[i + 1]; b < end; b++) if ((bytes[b] & 0xc0) !== 0x80) unit += bytes[b] >= 0xf0 ? 2 : 1;
      out.push(!d.getValid(i) ? null : text != null ? text.slice(from, unit) : utf8.decode(bytes.subarray(offsets[i], offsets[i + 1])));
    }
  }
  return out;
}

function wholeText(bytes: Uint8Array, offsets: Int32Array, n: number): string | null {
  for (let i = 0; i < n; i++) {
    const o = offsets[i];
    if (o === offsets[i + 1]) continue;
    if ((bytes[o] & 0xc0) === 0x80 || (bytes[o] === 0xef && bytes[o + 1] === 0xbb && bytes[o + 2] === 0xbf)) return null;
  }
  try {
    return strictUtf8.decode(bytes.subarray(offsets[0], offsets[n]));
  } catch {
    return null;
  }
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

/** The same engine, every call carrying `signal`: a multi-statement run stops at its next statement once aborted. */
export function withAbort(db: SqlRunner, signal: AbortSignal): SqlRunner {
  const o = (x?: RunOptions): RunOptions => ({ ...x, signal });
  return {
    rows: (q, x) => db.rows(q, o(x)),
    arrow: (q, x) => db.arrow(q, o(x)),
    insertArrowIPC: (name, ipc, x) => db.insertArrowIPC(name, ipc, { ...x, signal }),
    close: () => db.close(),
  };
}

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
