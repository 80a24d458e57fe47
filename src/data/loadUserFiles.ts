import { RecordBatchReader } from 'apache-arrow';
import type { SqlRunner } from '../db/sqlRunner';
import type { TableName } from './contract';
import { DecodeError } from './decodeParquet';
import { matchTable } from './matchTable';
import type { ParquetDecoder } from './parquetDecoder';
import { ident } from '../db/sqlText';
import { commitStaged, dropStaged, stage, stagingName, validateStaged, type StagedFile } from './validateTable';
import type { Issue } from './validationRules';

export type LoadMode = 'add' | 'replace';

export interface UserFile { name: string; bytes: Uint8Array }

export interface FileReport {
  file: string;
  table: TableName | null;
  status: 'loaded' | 'rejected' | 'unmatched' | 'unreadable';
  rows: number;
  issues: Issue[];
  message: string;
}

export interface BatchResult {
  reports: FileReport[];
  /** Tables replaced by this batch. */
  committed: TableName[];
  /** Tables removed because the batch replaced the whole dataset. */
  removed: TableName[];
}

/**
 * Load a batch of the user's Parquet files. Each is decoded, matched to a contract table (by name, else by
 * columns) and staged batch by batch, then validated; keys resolve against the other files of the batch first,
 * then the live tables (in "add" mode). "add" commits each valid file on its own; "replace" is all-or-nothing: only when
 * every matched file is valid does the batch replace the data, and the tables it does not bring are removed.
 * Either way a file with errors never replaces data already loaded.
 */
export async function loadUserFiles(
  db: SqlRunner, decode: ParquetDecoder, files: readonly UserFile[], mode: LoadMode, loaded: ReadonlySet<TableName>,
): Promise<BatchResult> {
  const reports: FileReport[] = [];
  const byTable = new Map<TableName, string>();
  const order: TableName[] = [];
  const staged: StagedFile[] = [];
  try {
    // Each file is staged batch by batch as it is decoded, so only one decoded batch is held at a time.
    for (const f of files) {
      const got = await stageFile(db, decode, f, (columns) => {
        const match = matchTable(f.name, columns);
        if (match.table === null) return { skip: `${f.name}: ${match.reason}`, status: 'unmatched' as const };
        if (byTable.has(match.table)) {
          return { skip: `${f.name}: ${byTable.get(match.table)} already provides the ${match.table} table in this batch`, status: 'rejected' as const, table: match.table };
        }
        return { table: match.table };
      });
      if (!('skip' in got)) {
        byTable.set(got.table, f.name);
        order.push(got.table);
      } else {
        reports.push({ file: f.name, table: got.table ?? null, status: got.status, rows: 0, issues: [], message: got.skip });
      }
    }
    order.sort((a, b) => DEPENDENCY_ORDER.indexOf(a) - DEPENDENCY_ORDER.indexOf(b));
    const validInBatch = new Set<TableName>();
    for (const table of order) {
      const resolve = (t: TableName) => (validInBatch.has(t) ? ident(stagingName(t)) : mode === 'add' && loaded.has(t) ? ident(t) : null);
      const s = await validateStaged(db, table, byTable.get(table)!, resolve);
      staged.push(s);
      if (s.valid) validInBatch.add(table);
    }
    const allValid = staged.every((s) => s.valid);
    const toCommit = mode === 'add' ? staged.filter((s) => s.valid) : allValid ? staged : [];
    for (const s of toCommit) await commitStaged(db, s);
    const removed = mode === 'replace' && allValid && staged.length > 0 ? [...loaded].filter((t) => !byTable.has(t)) : [];
    for (const t of removed) await db.rows(`DROP TABLE IF EXISTS ${ident(t)}`);
    for (const s of staged) {
      const committed = toCommit.includes(s);
      const errors = s.issues.filter((i) => i.severity === 'error').length;
      reports.push({
        file: s.file, table: s.table, rows: s.rows, issues: s.issues,
        status: committed ? 'loaded' : 'rejected',
        message: committed
          ? `${s.file}: loaded as ${s.table} (${s.rows} rows${s.issues.length ? `, ${s.issues.length} warning(s)` : ''})`
          : errors > 0
            ? `${s.file}: ${errors} problem(s); ${s.table} not loaded, the data already loaded are unchanged`
            : `${s.file}: valid, but not loaded because another file of this replacement failed (replacing is all-or-nothing)`,
      });
    }
    return { reports, committed: toCommit.map((s) => s.table), removed };
  } finally {
    for (const table of order) await dropStaged(db, table);
  }
}

type Refusal = { skip: string; status: 'unmatched' | 'rejected' | 'unreadable'; table?: TableName };

/**
 * Decode one file; once its first batch names its columns, `route` picks the table (or refuses the file), and every
 * batch goes into that table's staging table. A file that fails to decode is refused and leaves no staging table.
 */
async function stageFile(
  db: SqlRunner, decode: ParquetDecoder, f: UserFile, route: (columns: string[]) => { table: TableName } | Refusal,
): Promise<{ table: TableName } | Refusal> {
  const batches = decode.batches(f.bytes.slice())[Symbol.asyncIterator]();
  let table: TableName | null = null;
  try {
    const first = await batches.next();
    if (first.done) return { skip: `${f.name}: no data`, status: 'unreadable' };
    const routed = route(columnNames(first.value));
    if ('skip' in routed) return routed;
    table = routed.table;
    await stage(db, table, (async function* () {
      yield first.value;
      for (let next = await batches.next(); !next.done; next = await batches.next()) yield next.value;
    })());
    return { table };
  } catch (e) {
    if (table) await dropStaged(db, table);
    if (!(e instanceof DecodeError)) throw e;
    return { skip: `${f.name}: ${e.message}`, status: 'unreadable' };
  } finally {
    await batches.return?.();
  }
}

/** Column names of an Arrow IPC stream, from its schema message alone. */
function columnNames(ipc: Uint8Array): string[] {
  const reader = RecordBatchReader.from(ipc);
  reader.open();
  return reader.schema.fields.map((x) => x.name);
}

// Keys before the tables that refer to them.
const DEPENDENCY_ORDER: readonly TableName[] = ['regions', 'indicator_catalog', 'facilities', 'population', 'coverage', 'socioeconomic', 'partnerships'];
