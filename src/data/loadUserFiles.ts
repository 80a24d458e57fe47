import { tableFromIPC } from 'apache-arrow';
import type { SqlRunner } from '../db/sqlRunner';
import { TABLE_NAMES, type TableName } from './contract';
import { matchTable } from './matchTable';
import type { ParquetDecoder } from './parquetDecoder';
import { ident } from './sqlText';
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
 * columns), staged and validated; keys resolve against the other files of the batch first, then the live
 * tables (in "add" mode). "add" commits each valid file on its own; "replace" is all-or-nothing: only when
 * every matched file is valid does the batch replace the data, and the tables it does not bring are removed.
 * Either way a file with errors never replaces data already loaded.
 */
export async function loadUserFiles(
  db: SqlRunner, decode: ParquetDecoder, files: readonly UserFile[], mode: LoadMode, loaded: ReadonlySet<TableName>,
): Promise<BatchResult> {
  const reports: FileReport[] = [];
  const byTable = new Map<TableName, { file: string; ipc: Uint8Array }>();
  for (const f of files) {
    let ipc: Uint8Array;
    try {
      ipc = await decode(f.bytes.slice());
    } catch (e) {
      reports.push({ file: f.name, table: null, status: 'unreadable', rows: 0, issues: [], message: `${f.name}: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const columns = tableFromIPC(ipc).schema.fields.map((x) => x.name);
    const match = matchTable(f.name, columns);
    if (match.table === null) {
      reports.push({ file: f.name, table: null, status: 'unmatched', rows: 0, issues: [], message: `${f.name}: ${match.reason}` });
    } else if (byTable.has(match.table)) {
      reports.push({ file: f.name, table: match.table, status: 'rejected', rows: 0, issues: [], message: `${f.name}: ${byTable.get(match.table)!.file} already provides the ${match.table} table in this batch` });
    } else {
      byTable.set(match.table, { file: f.name, ipc });
    }
  }

  const order = TABLE_NAMES.filter((t) => byTable.has(t)).sort((a, b) => DEPENDENCY_ORDER.indexOf(a) - DEPENDENCY_ORDER.indexOf(b));
  const staged: StagedFile[] = [];
  try {
    for (const table of order) await stage(db, table, byTable.get(table)!.ipc);
    const validInBatch = new Set<TableName>();
    for (const table of order) {
      const resolve = (t: TableName) => (validInBatch.has(t) ? ident(stagingName(t)) : mode === 'add' && loaded.has(t) ? ident(t) : null);
      const s = await validateStaged(db, table, byTable.get(table)!.file, resolve);
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

// Keys before the tables that refer to them.
const DEPENDENCY_ORDER: readonly TableName[] = ['regions', 'indicator_catalog', 'facilities', 'population', 'coverage', 'socioeconomic', 'partnerships'];
