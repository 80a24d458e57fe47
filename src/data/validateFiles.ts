import type { SqlRunner } from '../db/sqlRunner';
import { CONTRACT, type ColumnType, type TableName } from './contract';
import {
  checkParquetBytes, checkReadable, DecodeError, inspectParquet, ipcBatches, nestedMessage, openParquet,
  type ColumnInfo, type ColumnKind, type DecodeFailure, type ParquetInspection, type ParquetWasm,
} from './decodeParquet';
import { lookalikeHints, notParquetHint } from './importHints';
import { matchTable } from './matchTable';
import { dropStaged, stageAndCommit } from './validateTable';
import type { Issue, Severity } from './validationRules';

/** Tables are staged in this order so that foreign keys (region_id, indicator_id, facility_id) can resolve. */
export const LOAD_ORDER: readonly TableName[] = [
  'regions', 'indicator_catalog', 'facilities', 'population', 'coverage', 'socioeconomic', 'partnerships',
];

/** A file to validate: its bytes, or a reader (so that an oversized file is refused before it is read). */
export type FileSource =
  | { file: string; bytes: Uint8Array }
  | { file: string; size?: number; read: () => Promise<Uint8Array> };

/** One problem in one file. `column` is null for problems with the whole file. */
export interface Problem {
  file: string;
  table: TableName | null;
  column: string | null;
  rule: string;
  severity: Severity;
  /** Rows concerned; null when the file could not be read. */
  rows: number | null;
  /** What is wrong, without the file name. */
  message: string;
  examples: string[];
  /** The reader's or engine's own words, when they add something. */
  detail?: string;
}

export interface FileReport {
  file: string;
  table: TableName | null;
  matchedBy?: 'name' | 'columns';
  rows: number | null;
  /** No error (warnings allowed). */
  valid: boolean;
  /** The table was replaced by this file in the engine. */
  loaded: boolean;
  problems: Problem[];
}

export interface ValidationReport {
  /** In the order the sources were given. */
  files: FileReport[];
  valid: boolean;
  errors: number;
  warnings: number;
  /** Tables live in the engine afterwards (given ones plus those loaded now). */
  loaded: TableName[];
}

interface Matched {
  index: number;
  table: TableName;
  bytes: Uint8Array;
  inspection: ParquetInspection;
}

/**
 * Validate files against the contract with one engine: read, match each to a table, decode, stage and check
 * in LOAD_ORDER, committing the valid ones (so later files' keys resolve against them). Tables in `loaded`
 * are already live; a failing file never replaces them. Never throws for bad data: every failure is a Problem.
 */
export async function validateFiles(
  db: SqlRunner,
  pq: ParquetWasm,
  sources: readonly FileSource[],
  options: { loaded?: Iterable<TableName> } = {},
): Promise<ValidationReport> {
  const loaded = new Set<TableName>(options.loaded ?? []);
  const reports: FileReport[] = sources.map((s) => ({ file: s.file, table: null, rows: null, valid: true, loaded: false, problems: [] }));
  const matched: Matched[] = [];

  for (let i = 0; i < sources.length; i++) {
    try {
      const m = await prepare(sources[i], reports[i], pq);
      if (m) matched.push({ ...m, index: i });
    } catch (e) {
      addProblem(reports[i], null, 'readable', 'error', null, `could not be validated: ${firstLine(e)}`);
    }
  }

  matched.sort((a, b) => LOAD_ORDER.indexOf(a.table) - LOAD_ORDER.indexOf(b.table) || a.index - b.index);
  const firstFileFor = new Map<TableName, string>();
  for (const m of matched) {
    const report = reports[m.index];
    const earlier = firstFileFor.get(m.table);
    if (earlier) addProblem(report, null, 'one file per table', 'warning', null, `${earlier} is also a ${m.table} file; the last valid one is loaded`);
    else firstFileFor.set(m.table, report.file);
    try {
      await check(db, pq, m, report, loaded);
    } catch (e) {
      addProblem(report, null, 'load', 'error', m.inspection.rows, `could not be validated: ${firstLine(e)}`);
    }
  }

  for (const r of reports) r.valid = !r.problems.some((p) => p.severity === 'error');
  const all = reports.flatMap((r) => r.problems);
  return {
    files: reports,
    valid: reports.every((r) => r.valid),
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warning').length,
    loaded: [...loaded],
  };
}

/** Read, inspect the footer and match a table. Returns null (with the problem reported) when the file stops here. */
async function prepare(source: FileSource, report: FileReport, pq: ParquetWasm): Promise<Omit<Matched, 'index'> | null> {
  const size = 'bytes' in source ? source.bytes.length : source.size;
  const early = size === undefined ? null : checkParquetBytes(size);
  if (early) {
    decodeProblem(report, early);
    return null;
  }

  let bytes: Uint8Array;
  try {
    bytes = 'bytes' in source ? source.bytes : await source.read();
  } catch (e) {
    addProblem(report, null, 'readable', 'error', null, `could not be read: ${firstLine(e)}`);
    return null;
  }
  const inspection = await inspectParquet(bytes, pq);
  if (!inspection.ok) {
    decodeProblem(report, inspection);
    // Files Import reads (CSV, XLSX, GeoJSON, shapefiles, rasters) say so: what to do next, not only what is wrong.
    const hint = notParquetHint(source.file, bytes);
    const last = report.problems[report.problems.length - 1];
    if (hint && last) last.message = `${last.message}: ${hint}`;
    return null;
  }
  report.rows = inspection.rows;

  const match = matchTable(source.file, inspection.columns.map((c) => c.name));
  if (match.table === null) {
    // A damaged file says so, rather than "no matching table".
    const readable = await checkReadable(bytes, pq);
    if (readable.ok) {
      addProblem(report, null, 'table', 'error', null, match.reason);
      for (const h of lookalikeHints(inspection.columns.map((c) => c.name), ['lat', 'lon', 'name', 'region_id', 'population', 'type'])) addProblem(report, h.column, 'column name', 'error', null, h.message);
    }
    else decodeProblem(report, readable);
    return null;
  }
  report.table = match.table;
  report.matchedBy = match.by;
  return { table: match.table, bytes, inspection };
}

/** Types checked before staging: a list or a date where a number is expected cannot even be cast in SQL. */
async function check(db: SqlRunner, pq: ParquetWasm, m: Matched, report: FileReport, loaded: Set<TableName>): Promise<void> {
  const spec = CONTRACT[m.table];
  const byName = new Map(m.inspection.columns.map((c) => [c.name, c]));
  let typeErrors = 0;
  const wanted = spec.columns.filter((c) => c.required && !byName.has(c.name)).map((c) => c.name);
  for (const h of lookalikeHints([...byName.keys()], wanted)) addProblem(report, h.column, 'column name', 'error', m.inspection.rows, h.message);
  for (const col of spec.columns) {
    const found = byName.get(col.name);
    if (!found || castable(found.kind, col.type)) continue;
    typeErrors++;
    if (found.kind === 'nested') addProblem(report, col.name, 'nested column', 'error', m.inspection.rows, `${nestedMessage(found)}; expected ${expected(col.type)}`);
    else addProblem(report, col.name, 'type', 'error', m.inspection.rows, `is ${describeKind(found)} in the file, expected ${expected(col.type)}`);
  }
  if (typeErrors > 0) return;

  const file = await openParquet(m.bytes, pq, spec.columns.map((c) => c.name).filter((c) => byName.has(c)));
  if (!file.ok) return decodeProblem(report, file);

  let result;
  try {
    // Batch by batch, as the app loads: a batch that fails to decode is the file's problem, and nothing is committed.
    result = await stageAndCommit(db, { table: m.table, file: report.file, batches: ipcBatches(file), loaded });
  } catch (e) {
    await dropStaged(db, m.table).catch(() => undefined);
    if (e instanceof DecodeError) return decodeProblem(report, e.failure);
    addProblem(report, null, 'load', 'error', m.inspection.rows, 'could not be loaded into the database', [], firstLine(e));
    return;
  }
  report.rows = result.rows;
  for (const issue of result.issues) addIssue(report, issue);
  for (const col of spec.columns) {
    const ref = col.references;
    if (!ref || ref.table === m.table || !byName.has(col.name) || loaded.has(ref.table)) continue;
    addProblem(report, col.name, 'key resolves', 'warning', null, `not checked: no valid ${ref.table} table is loaded`);
  }
  if (result.committed) {
    loaded.add(m.table);
    report.loaded = true;
  }
}

const CASTABLE: Record<ColumnType, readonly ColumnKind[]> = {
  string: ['string', 'number', 'bool', 'temporal', 'binary', 'other'],
  int: ['number', 'string', 'bool', 'other'],
  double: ['number', 'string', 'bool', 'other'],
  bool: ['bool', 'number', 'string', 'other'],
  'string[]': ['list', 'string', 'other'],
};
const castable = (kind: ColumnKind, type: ColumnType) => CASTABLE[type].includes(kind);

function expected(type: ColumnType): string {
  return { string: 'text', int: 'a whole number', double: 'a number', bool: 'true/false', 'string[]': 'a list of text' }[type];
}

function describeKind(c: ColumnInfo): string {
  const what = { list: 'a list', temporal: 'a date/time', binary: 'binary data' } as Partial<Record<ColumnKind, string>>;
  return `${what[c.kind] ?? 'a value'} (${c.type})`;
}

function decodeProblem(report: FileReport, f: DecodeFailure): void {
  addProblem(report, f.column ?? null, f.problem, 'error', null, f.message, [], f.detail);
}

function addIssue(report: FileReport, issue: Issue): void {
  const prefix = `${issue.file}: ${issue.column}: `;
  const message = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
  addProblem(report, issue.column === '*' ? null : issue.column, issue.rule, issue.severity, issue.rows, message, issue.examples);
}

function addProblem(
  report: FileReport, column: string | null, rule: string, severity: Severity, rows: number | null,
  message: string, examples: string[] = [], detail?: string,
): void {
  report.problems.push({ file: report.file, table: report.table, column, rule, severity, rows, message, examples, ...(detail ? { detail } : {}) });
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n').find((l) => l.trim()) ?? text;
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
