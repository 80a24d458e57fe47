import type { SqlRunner } from '../db/sqlRunner';
import { CONTRACT, type TableName } from './contract';
import { ident } from '../db/sqlText';
import { commitSql, countChecksSql, duplicateKeySql, examplesSql, rowChecks, SQL_TYPE, swapSql, type Issue, type RefResolver } from './validationRules';

/** A file as Arrow IPC streams, one per batch of rows (a single stream is `[ipc]`). */
export type IpcBatches = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export interface StagedFile {
  table: TableName;
  file: string;
  rows: number;
  issues: Issue[];
  /** True when the file has no error and may be committed. */
  valid: boolean;
  staging: string;
  present: ReadonlySet<string>;
  /** The staged columns are the contract's, in order and typed: committing renames the table instead of copying it. */
  exact: boolean;
}

export interface StageResult extends Omit<StagedFile, 'staging' | 'present' | 'exact'> {
  /** True when the table was replaced; false when errors kept the data already loaded. */
  committed: boolean;
}

export const stagingName = (table: TableName) => `__staging_${table}`;

/**
 * Load a file's batches into the table's staging table, one after another (the live table is untouched): the engine
 * holds the staged rows plus one batch, and each batch can be released as soon as it is in.
 */
export async function stage(db: SqlRunner, table: TableName, batches: IpcBatches): Promise<void> {
  let first = true;
  for await (const ipc of batches) {
    await db.insertArrowIPC(stagingName(table), ipc, { append: !first });
    first = false;
  }
  if (first) throw new Error(`no data was decoded for ${table}`);
}

/** Check a staged file against the contract; foreign keys resolve through `resolveRef`. */
export async function validateStaged(db: SqlRunner, table: TableName, file: string, resolveRef: RefResolver): Promise<StagedFile> {
  const spec = CONTRACT[table];
  const staging = stagingName(table);
  const issues: Issue[] = [];
  const issue = (column: string, rule: string, rows: number, message: string, examples: string[] = [], severity: Issue['severity'] = 'error') =>
    issues.push({ file, table, column, rule, severity, rows, message: `${file}: ${column}: ${message}`, examples });

  const described = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(staging)}`);
  const present = new Set(described.map((d) => d.column_name));
  const [{ n: total }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ident(staging)}`);
  for (const col of spec.columns) {
    if (col.required && !present.has(col.name)) issue(col.name, 'required column', total, `required column is missing (expected ${col.description.toLowerCase()})`);
    if (col.whenAbsent && !present.has(col.name)) {
      issue(col.name, 'default when absent', total, `absent: every row gets ${col.name} = ${col.whenAbsent.value()} (${col.whenAbsent.why}); add a ${col.name} column to set it`, [], 'warning');
    }
  }
  if (total === 0) issue('*', 'not empty', 0, 'the file has no rows');
  // Row checks need every required column and at least one row; a warning so far (a default used) does not stop them.
  if (!issues.some((i) => i.severity === 'error')) {
    const checks = rowChecks(spec, present, resolveRef);
    const [counts] = await db.rows<Record<string, number>>(countChecksSql(staging, checks));
    for (let i = 0; i < checks.length; i++) {
      const n = counts[`c${i}`];
      if (!n) continue;
      const examples = await db.rows<{ row: number; value: string | null }>(examplesSql(staging, checks[i]));
      issue(checks[i].column, checks[i].rule, n, checks[i].describe(n), examples.map((e) => `row ${e.row}: ${e.value ?? 'null'}`), checks[i].severity);
    }
    // A key column filled by its default is one value for every row: the other key columns decide duplicates.
    const defaulted = (k: string) => !present.has(k) && spec.columns.some((c) => c.name === k && c.whenAbsent);
    if (spec.key.every((k) => present.has(k) || defaulted(k))) {
      const [dup] = await db.rows<{ dup_rows: number; examples: string | null }>(duplicateKeySql(staging, spec.key.filter((k) => present.has(k))));
      if (dup.dup_rows > 0) issue(spec.key.join(', '), 'unique key', dup.dup_rows, `${dup.dup_rows} row(s) share a key with another row`, dup.examples ? dup.examples.split('; ') : []);
    }
  }
  return { table, file, rows: total, issues, valid: !issues.some((i) => i.severity === 'error'), staging, present, exact: isExact(table, described) };
}

/** Replace the live table with a validated staged file. */
export async function commitStaged(db: SqlRunner, staged: StagedFile): Promise<void> {
  if (!staged.valid) throw new Error(`${staged.file}: not valid, refusing to commit`);
  await commit(db, staged.table, staged.present, staged.exact);
}

/** Staged rows -> live table: renamed when already typed as the contract says (no second copy), else cast and copied. */
async function commit(db: SqlRunner, table: TableName, present: ReadonlySet<string>, exact: boolean): Promise<void> {
  if (!exact) return void (await db.rows(commitSql(CONTRACT[table], stagingName(table), present)));
  try {
    await db.rows(swapSql(table, stagingName(table)));
  } catch (e) {
    await db.rows('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** DESCRIBE of a staged table equals the contract's columns: same names, order and SQL types. */
function isExact(table: TableName, described: readonly { column_name: string; column_type: string }[]): boolean {
  const spec = CONTRACT[table];
  return described.length === spec.columns.length
    && spec.columns.every((c, i) => described[i].column_name === c.name && described[i].column_type === SQL_TYPE[c.type]);
}

export async function dropStaged(db: SqlRunner, table: TableName): Promise<void> {
  await db.rows(`DROP TABLE IF EXISTS ${ident(stagingName(table))}`);
}

/**
 * One file: stage it, check it against the contract (keys resolving against the tables in `loaded`), and
 * only when there is no error replace the live table. A failing file never touches data already loaded.
 */
export async function stageAndCommit(
  db: SqlRunner,
  input: { table: TableName; file: string; batches: IpcBatches; loaded: ReadonlySet<TableName> },
): Promise<StageResult> {
  try {
    await stage(db, input.table, input.batches);
    const staged = await validateStaged(db, input.table, input.file, (t) => (input.loaded.has(t) ? ident(t) : null));
    if (staged.valid) await commitStaged(db, staged);
    const { staging: _s, present: _p, exact: _e, ...result } = staged;
    return { ...result, committed: staged.valid };
  } finally {
    await dropStaged(db, input.table);
  }
}

/**
 * Load a file known to satisfy the contract (the embedded demo, which the test suite validates) without
 * re-checking it: typed and ordered as the contract says, a few hundred milliseconds sooner at start-up.
 */
export async function commitTrusted(db: SqlRunner, table: TableName, batches: IpcBatches): Promise<number> {
  try {
    await stage(db, table, batches);
    const described = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(stagingName(table))}`);
    await commit(db, table, new Set(described.map((d) => d.column_name)), isExact(table, described));
    const [{ n }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ident(table)}`);
    return n;
  } finally {
    await dropStaged(db, table);
  }
}
