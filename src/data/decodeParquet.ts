import { DataType, tableFromIPC, tableToIPC, type Field } from 'apache-arrow';
import type * as ParquetWasmModule from 'parquet-wasm';

/**
 * Parquet bytes -> Arrow IPC (whole, or in batches of row groups), for Node (CLI, tests) and a Web Worker, with
 * parquet-wasm's errors turned into short messages a user can act on. Pure: the caller passes the parquet-wasm
 * module (the Node build, or the ESM build after `init()` in a worker), so this file runs anywhere.
 */

/**
 * Largest file accepted: 512 MB. Decoding holds the file plus a batch's Arrow data and IPC copy in one 32-bit
 * wasm memory (4 GB at most), while DuckDB-WASM holds the table; above this a browser tab runs out of memory.
 */
export const MAX_PARQUET_BYTES = 512 * 1024 * 1024;
/**
 * Largest uncompressed size (as the file's own metadata declares it) that is decoded: 1 GB. Stops a small
 * file that expands to gigabytes (measured: parquet-testing's large_string_map.brotli.parquet, 3 kB declaring
 * 2 GB, runs parquet-wasm for 12 s and then traps with `unreachable`).
 */
export const MAX_DECODED_BYTES = 1024 * 1024 * 1024;

/** What parquet-wasm exposes that decoding needs. */
export type ParquetWasm = Pick<typeof ParquetWasmModule, 'readParquet' | 'readSchema'>;

export type DecodeProblem =
  | 'too large'
  | 'empty file'
  | 'not parquet'
  | 'truncated'
  | 'encrypted'
  | 'nested column'
  | 'invalid text'
  | 'unsupported'
  | 'corrupt';

export interface DecodeFailure {
  ok: false;
  problem: DecodeProblem;
  /** One line, for a person: what is wrong with the file. */
  message: string;
  /** The column concerned, when the reader says. */
  column?: string;
  /** The reader's own words, cleaned, for a bug report. */
  detail?: string;
}

export type ColumnKind = 'string' | 'number' | 'bool' | 'temporal' | 'binary' | 'list' | 'nested' | 'other';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Arrow type as text, e.g. `Int64`, `List<Utf8>`. */
  type: string;
}

export interface ParquetInspection {
  ok: true;
  rows: number;
  columns: ColumnInfo[];
  /** Sum of the row groups' declared uncompressed sizes. */
  declaredBytes: number;
}

export interface DecodedParquet extends ParquetInspection {
  /** Arrow IPC stream of the columns read. */
  ipc: Uint8Array;
}

const MAGIC = 'PAR1';
const ENCRYPTED_MAGIC = 'PARE';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const fail = (problem: DecodeProblem, message: string, extra: Partial<DecodeFailure> = {}): DecodeFailure => ({ ok: false, problem, message, ...extra });

/** Checks on the raw bytes alone, before any wasm runs: size cap, magic numbers, footer length. */
export function checkParquetBytes(size: number, head?: Uint8Array, tail?: Uint8Array): DecodeFailure | null {
  if (size > MAX_PARQUET_BYTES) return fail('too large', `file is ${mb(size)}, above the ${mb(MAX_PARQUET_BYTES)} limit`);
  if (size === 0) return fail('empty file', 'file is empty (0 bytes)');
  if (!head || !tail) return null;
  const start = ascii(head.subarray(0, 4));
  if (start === ENCRYPTED_MAGIC) return fail('encrypted', 'encrypted Parquet is not supported');
  if (start !== MAGIC) return fail('not parquet', `not a Parquet file (no PAR1 magic at the start${guessFormat(head)})`);
  if (size < 12) return fail('truncated', `file is truncated (${size} bytes; a Parquet file has at least 12)`);
  const end = ascii(tail.subarray(tail.length - 4));
  if (end === ENCRYPTED_MAGIC) return fail('encrypted', 'encrypted Parquet is not supported');
  if (end !== MAGIC) return fail('truncated', 'file is truncated (no PAR1 magic at the end)');
  const footer = new DataView(tail.buffer, tail.byteOffset + tail.length - 8, 4).getUint32(0, true);
  if (footer > size - 12) {
    return fail('truncated', `file is truncated or its footer is corrupt (footer declares ${footer} bytes, the file has ${size})`);
  }
  return null;
}

/**
 * Read the footer only: row count, declared size and columns. No column data is decoded.
 * Only synchronous parquet-wasm calls are used: a panic inside its async API (`ParquetFile`) escapes as an
 * uncaught `RuntimeError: unreachable` from a promise callback and kills the process (measured with a
 * flipped byte), where the same trap in a synchronous call is an ordinary exception caught here.
 */
export async function inspectParquet(bytes: Uint8Array, pq: ParquetWasm): Promise<ParquetInspection | DecodeFailure> {
  const raw = checkParquetBytes(bytes.length, bytes.subarray(0, 8), bytes.subarray(Math.max(0, bytes.length - 8)));
  if (raw) return raw;
  const footer = readFooterFacts(bytes);
  if (footer?.encrypted) return fail('encrypted', 'encrypted Parquet is not supported (its columns are encrypted)');
  try {
    const schemaIpc = pq.readSchema(bytes).intoIPCStream();
    let schema;
    try {
      schema = tableFromIPC(schemaIpc).schema;
    } catch (e) {
      // apache-arrow 17 does not know every Arrow type parquet-wasm produces (e.g. LargeList).
      return fail('unsupported', 'a column has an Arrow type this reader does not support', { detail: cleanDetail(String(e instanceof Error ? e.message : e)) });
    }
    return { ok: true, rows: footer?.rows ?? 0, declaredBytes: footer?.declaredBytes ?? 0, columns: schema.fields.map(columnInfo) };
  } catch (e) {
    return explainReadError(e);
  }
}

/**
 * Rows and declared bytes per batch: a batch's Arrow data and its IPC copy sit in the decoder's wasm memory and then
 * DuckDB's, so a large file decoded in one piece needs far more memory than in batches (README, *Design notes and
 * measurements*).
 */
export const BATCH_LIMITS = { rows: 1 << 20, bytes: 64 * 1024 * 1024 };

/** An opened file: its footer facts, and the batches (row groups decoded together) it will be read in. */
export interface ParquetBatches extends ParquetInspection {
  /** Row-group indexes per batch, in file order; one empty batch means "the whole file at once". */
  plan: number[][];
  /** Decode batch `i` to an Arrow IPC stream of the columns read. */
  read(i: number): Uint8Array | DecodeFailure;
}

/** A failure met while reading a batch, as an exception (for loaders that consume batches as a stream). */
export class DecodeError extends Error {
  constructor(readonly failure: DecodeFailure) {
    super(failure.column ? `${failure.message} (column ${failure.column})` : failure.message);
    this.name = 'DecodeError';
  }
}

/**
 * Check a file and plan to decode the named columns (all when `columns` is absent) in batches of row groups.
 * Struct, map and union columns, and lists of them, are refused among the columns read: the contract has only
 * scalars and lists of text.
 */
export async function openParquet(
  bytes: Uint8Array, pq: ParquetWasm, columns?: readonly string[], limits: { rows: number; bytes: number } = BATCH_LIMITS,
): Promise<ParquetBatches | DecodeFailure> {
  const inspected = await inspectParquet(bytes, pq);
  if (!inspected.ok) return inspected;
  const read = columns ? inspected.columns.filter((c) => columns.includes(c.name)) : inspected.columns;
  const nested = read.find((c) => c.kind === 'nested');
  if (nested) return fail('nested column', nestedMessage(nested), { column: nested.name });
  const checked = checkDeclaredSize(inspected.declaredBytes);
  if (checked) return checked;
  const plan = planBatches(readFooterFacts(bytes)?.rowGroups ?? [], limits);
  const names = read.length < inspected.columns.length ? read.map((c) => c.name) : null;
  return { ...inspected, columns: read, plan, read: (i) => decodeBatch(bytes, pq, plan[i], names) };
}

/** Consecutive row groups in batches within `limits` (a larger group is a batch alone); [[]] when there is at most one. */
export function planBatches(rowGroups: readonly { rows: number; bytes: number }[], limits: { rows: number; bytes: number }): number[][] {
  if (rowGroups.length <= 1) return [[]];
  const plan: number[][] = [];
  let rows = 0;
  let bytes = 0;
  rowGroups.forEach((g, i) => {
    const last = plan[plan.length - 1];
    if (last && rows + g.rows <= limits.rows && bytes + g.bytes <= limits.bytes) {
      last.push(i);
      rows += g.rows;
      bytes += g.bytes;
    } else {
      plan.push([i]);
      rows = g.rows;
      bytes = g.bytes;
    }
  });
  return plan.length === 1 ? [[]] : plan;
}

function decodeBatch(bytes: Uint8Array, pq: ParquetWasm, rowGroups: number[], select: string[] | null): Uint8Array | DecodeFailure {
  let ipc: Uint8Array;
  try {
    ipc = pq.readParquet(bytes, rowGroups.length ? { rowGroups } : undefined).intoIPCStream();
  } catch (e) {
    return explainReadError(e);
  }
  // parquet-wasm 0.8's readParquet ignores its `columns` option (measured): drop the other columns here.
  return select ? tableToIPC(tableFromIPC(ipc).select(select), 'stream') : ipc;
}

/** Every batch of an opened file in order; a batch that fails to decode throws a DecodeError. */
export function* ipcBatches(file: ParquetBatches): Generator<Uint8Array> {
  for (let i = 0; i < file.plan.length; i++) {
    const ipc = file.read(i);
    if (!(ipc instanceof Uint8Array)) throw new DecodeError(ipc);
    yield ipc;
  }
}

/** Decode the named columns (all when `columns` is absent) of the whole file to one Arrow IPC stream. */
export async function decodeParquet(bytes: Uint8Array, pq: ParquetWasm, columns?: readonly string[]): Promise<DecodedParquet | DecodeFailure> {
  const file = await openParquet(bytes, pq, columns, { rows: Infinity, bytes: Infinity });
  if (!file.ok) return file;
  const { plan: _plan, read, ...inspected } = file;
  const ipc = read(0);
  return ipc instanceof Uint8Array ? { ...inspected, ipc } : ipc;
}

/** Decode every column and throw the result away: says whether the whole file is readable. */
export async function checkReadable(bytes: Uint8Array, pq: ParquetWasm): Promise<ParquetInspection | DecodeFailure> {
  const inspected = await inspectParquet(bytes, pq);
  if (!inspected.ok) return inspected;
  const checked = checkDeclaredSize(inspected.declaredBytes);
  if (checked) return checked;
  try {
    pq.readParquet(bytes).free();
    return inspected;
  } catch (e) {
    return explainReadError(e);
  }
}

export interface FooterFacts {
  rows: number;
  declaredBytes: number;
  encrypted: boolean;
  /** Rows and declared uncompressed bytes of each row group, in file order. */
  rowGroups: { rows: number; bytes: number }[];
}

/**
 * Facts from the Thrift (compact protocol) footer, read in TypeScript so that no wasm runs on it: rows, each
 * row group's rows and declared uncompressed size, and whether columns are encrypted under a plaintext footer
 * (FileMetaData field 8, `encryption_algorithm`). Null when the footer cannot be parsed: the reader then
 * reports the damage in its own words.
 */
export function readFooterFacts(bytes: Uint8Array): FooterFacts | null {
  const length = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  const r = new ThriftReader(bytes.subarray(bytes.length - 8 - length, bytes.length - 8));
  try {
    const facts: FooterFacts = { rows: 0, declaredBytes: 0, encrypted: false, rowGroups: [] };
    r.struct((id, type) => {
      if (id === 3 && type === T.I64) facts.rows = r.varint(true);
      else if (id === 4 && type === T.LIST) {
        r.list((elementType) => {
          if (elementType !== T.STRUCT) return r.skip(elementType);
          const group = { rows: 0, bytes: 0 };
          r.struct((gid, gtype) => {
            // RowGroup: 2 total_byte_size (uncompressed), 3 num_rows.
            if (gid === 2 && gtype === T.I64) group.bytes = r.varint(true);
            else if (gid === 3 && gtype === T.I64) group.rows = r.varint(true);
            else r.skip(gtype);
          });
          facts.declaredBytes += group.bytes;
          facts.rowGroups.push(group);
        });
      } else if (id === 8 && type === T.STRUCT) {
        facts.encrypted = true;
        r.skip(type);
      } else r.skip(type);
    });
    return facts;
  } catch {
    return null;
  }
}

/** Thrift compact protocol types. */
const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

/** A bounds-checked reader: every read past the end, deep nesting or absurd count throws (and is caught above). */
class ThriftReader {
  private pos = 0;
  private depth = 0;
  constructor(private readonly buf: Uint8Array) {}

  private byte(): number {
    if (this.pos >= this.buf.length) throw new Error('footer ends early');
    return this.buf[this.pos++];
  }

  /** Unsigned LEB128, zigzag-decoded when `signed`; as a double (exact up to 2^53, enough for sizes). */
  varint(signed = false): number {
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return signed ? (value % 2 === 0 ? value / 2 : -(value + 1) / 2) : value;
    }
    throw new Error('varint too long');
  }

  struct(field: (id: number, type: number) => void): void {
    if (++this.depth > 64) throw new Error('footer nests too deep');
    let id = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === 0) break;
      const delta = header >> 4;
      id = delta === 0 ? this.varint(true) : id + delta;
      field(id, type);
    }
    this.depth--;
  }

  list(element: (type: number) => void): void {
    const header = this.byte();
    const size = (header >> 4) === 15 ? this.varint() : header >> 4;
    if (size > this.buf.length) throw new Error('list longer than the footer');
    if (++this.depth > 64) throw new Error('footer nests too deep');
    for (let i = 0; i < size; i++) element(header & 0x0f);
    this.depth--;
  }

  skip(type: number): void {
    switch (type) {
      case T.TRUE: case T.FALSE: return;
      case T.BYTE: this.byte(); return;
      case T.I16: case T.I32: case T.I64: this.varint(); return;
      case T.DOUBLE: this.advance(8); return;
      case T.BINARY: this.advance(this.varint()); return;
      case T.LIST: case T.SET: return this.list((t) => (t === T.TRUE || t === T.FALSE ? void this.byte() : this.skip(t)));
      case T.MAP: {
        const size = this.varint();
        if (size === 0) return;
        const kv = this.byte();
        if (size > this.buf.length) throw new Error('map longer than the footer');
        for (let i = 0; i < size; i++) {
          this.skip(kv >> 4);
          this.skip(kv & 0x0f);
        }
        return;
      }
      case T.STRUCT: return this.struct((_, t) => this.skip(t));
      default: throw new Error(`unknown thrift type ${type}`);
    }
  }

  private advance(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) throw new Error('footer ends early');
    this.pos += n;
  }
}

function checkDeclaredSize(declared: number): DecodeFailure | null {
  if (declared <= MAX_DECODED_BYTES) return null;
  return fail('too large', `file would expand to ${mb(declared)} when decoded, above the ${mb(MAX_DECODED_BYTES)} limit`);
}

/** parquet-wasm's error (a string, an Error, or a wasm trap) -> a short message. */
export function explainReadError(error: unknown): DecodeFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = cleanDetail(raw);
  const low = raw.toLowerCase();
  if (error instanceof WebAssembly.RuntimeError || /unreachable|out of memory|memory access out of bounds|capacity overflow/.test(low)) {
    return fail('corrupt', 'the Parquet decoder failed on this file (corrupt data, or too big to decode in memory)', { detail });
  }
  if (low.includes('error strings stripped')) {
    // The wasm build drops the codecs' own messages (measured with zstd): a page failed to decompress.
    return fail('corrupt', 'file is damaged: its compressed data cannot be decompressed');
  }
  if (low.includes('encrypt')) return fail('encrypted', 'encrypted Parquet is not supported', { detail });
  if (/utf-?8/.test(low)) {
    const column = /column[^a-z0-9]+([A-Za-z0-9_]+)/i.exec(raw)?.[1];
    return fail('invalid text', `text${column ? ` in column ${column}` : ''} is not valid UTF-8`, { detail, column });
  }
  if (/not (yet )?(supported|implemented)|unsupported|unknown (codec|compression|encoding)/.test(low)) {
    return fail('unsupported', 'the file uses a Parquet feature that is not supported', { detail });
  }
  if (/eof|unexpected end|truncat|insufficient|out of range|out of bounds|expected .* bytes/.test(low)) {
    return fail('corrupt', 'file is damaged: its data cannot be read (corrupt or truncated pages)', { detail });
  }
  if (/footer|metadata|thrift|invalid parquet/.test(low)) {
    return fail('corrupt', 'file is damaged: its footer (the metadata) cannot be read', { detail });
  }
  // Thrift decoding errors, in the footer or in a page header.
  if (/required field|unexpected type|element type|field type|unexpected pagetype|unexpected encoding/.test(low)) {
    return fail('corrupt', 'file is damaged: its metadata (footer or page headers) cannot be read', { detail });
  }
  return fail('corrupt', 'file is damaged: it cannot be read as Parquet', { detail });
}

/** Drop the reader's repeated prefixes ("Parquet argument error: Parquet error: ..."), keep one short line. */
function cleanDetail(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').replace(/^(?:(?:Parquet|Arrow|External)(?: argument)? error:\s*)+/i, '').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function columnInfo(field: Field): ColumnInfo {
  return { name: field.name, kind: kindOf(field.type), type: String(field.type) };
}

function kindOf(type: DataType): ColumnKind {
  if (DataType.isDictionary(type)) return kindOf(type.dictionary);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'string';
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'bool';
  if (DataType.isDate(type) || DataType.isTime(type) || DataType.isTimestamp(type) || DataType.isInterval(type) || DataType.isDuration(type)) return 'temporal';
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) return 'binary';
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = type.children[0]?.type;
    const inner = child ? kindOf(child) : 'other';
    return inner === 'list' || inner === 'nested' ? 'nested' : 'list';
  }
  if (DataType.isStruct(type) || DataType.isMap(type) || DataType.isUnion(type)) return 'nested';
  return 'other';
}

/** `nested column lat (struct) is not supported` */
export function nestedMessage(column: ColumnInfo): string {
  return `nested column ${column.name} (${shortType(column.type)}) is not supported`;
}

function shortType(type: string): string {
  const m = /^(Struct|Map|List|FixedSizeList|Union|DenseUnion|SparseUnion)/i.exec(type);
  return m ? m[1].toLowerCase().replace(/^(dense|sparse)union$/, 'union') : type;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** A hint for files that are plainly something else. */
function guessFormat(head: Uint8Array): string {
  const text = ascii(head.subarray(0, 8));
  if (text.startsWith('ARROW1')) return '; it looks like an Arrow IPC file';
  if (text.startsWith('PK')) return '; it looks like a ZIP archive';
  if (head[0] === 0x1f && head[1] === 0x8b) return '; it looks like a gzip file';
  if (text.startsWith('{') || text.startsWith('[')) return '; it looks like JSON';
  if (head.length > 0 && head.every((b) => b === 0)) return '; it starts with zero bytes';
  if (head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127))) return '; it looks like a text or CSV file';
  return '';
}
