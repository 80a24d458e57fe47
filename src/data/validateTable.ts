import type { SqlRunner } from '../db/sqlRunner';
import { CONTRACT, type TableName } from './contract';
import { ident } from './sqlText';
import { commitSql, countChecksSql, duplicateKeySql, examplesSql, rowChecks, type Issue } from './validationRules';

export interface StageResult {
  table: TableName;
  file: string;
  rows: number;
  issues: Issue[];
  /** True when the table was replaced; false when errors kept the data already loaded. */
  committed: boolean;
}

/**
 * Load Arrow IPC into a staging table, check it against the contract, and only when there is no error
 * replace the live table. A failing file never touches data that was already loaded.
 */
export async function stageAndCommit(
  db: SqlRunner,
  input: { table: TableName; file: string; ipc: Uint8Array; loaded: ReadonlySet<TableName> },
): Promise<StageResult> {
  const spec = CONTRACT[input.table];
  const staging = `__staging_${spec.name}`;
  await db.insertArrowIPC(staging, input.ipc);
  try {
    const issues: Issue[] = [];
    const issue = (column: string, rule: string, rows: number, message: string, examples: string[] = [], severity: Issue['severity'] = 'error') =>
      issues.push({ file: input.file, table: spec.name, column, rule, severity, rows, message: `${input.file}: ${column}: ${message}`, examples });

    const described = await db.rows<{ column_name: string }>(`DESCRIBE ${ident(staging)}`);
    const present = new Set(described.map((d) => d.column_name));
    const [{ n: total }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ident(staging)}`);
    for (const col of spec.columns) {
      if (col.required && !present.has(col.name)) issue(col.name, 'required column', total, `required column is missing (expected ${col.description.toLowerCase()})`);
    }
    if (total === 0) issue('*', 'not empty', 0, 'the file has no rows');
    if (issues.length === 0) {
      const checks = rowChecks(spec, present, input.loaded);
      const [counts] = await db.rows<Record<string, number>>(countChecksSql(staging, checks));
      for (let i = 0; i < checks.length; i++) {
        const n = counts[`c${i}`];
        if (!n) continue;
        const examples = await db.rows<{ row: number; value: string | null }>(examplesSql(staging, checks[i]));
        issue(checks[i].column, checks[i].rule, n, checks[i].describe(n), examples.map((e) => `row ${e.row}: ${e.value ?? 'null'}`), checks[i].severity);
      }
      if (spec.key.every((k) => present.has(k))) {
        const [dup] = await db.rows<{ dup_rows: number; examples: string | null }>(duplicateKeySql(staging, spec.key));
        if (dup.dup_rows > 0) issue(spec.key.join(', '), 'unique key', dup.dup_rows, `${dup.dup_rows} row(s) share a key with another row`, dup.examples ? dup.examples.split('; ') : []);
      }
    }
    const committed = !issues.some((i) => i.severity === 'error');
    if (committed) await db.rows(commitSql(spec, staging, present));
    return { table: spec.name, file: input.file, rows: total, issues, committed };
  } finally {
    await db.rows(`DROP TABLE IF EXISTS ${ident(staging)}`);
  }
}
