import type { ColumnSpec, ColumnType, TableName, TableSpec } from './contract';
import { ident, literal } from '../db/sqlText';

export type Severity = 'error' | 'warning';

/** One problem found in one file: which column broke which rule, in how many rows, with examples. */
export interface Issue {
  file: string;
  table: TableName;
  column: string;
  rule: string;
  severity: Severity;
  rows: number;
  message: string;
  examples: string[];
}

/** A check: a boolean SQL condition that is TRUE for rows that break the rule. */
export interface RowCheck {
  column: string;
  rule: string;
  severity: Severity;
  /** Condition over the staging table, true for bad rows. */
  bad: string;
  /** What to say, given the count. */
  describe: (rows: number) => string;
}

export const SQL_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  double: 'DOUBLE',
  bool: 'BOOLEAN',
  'string[]': 'VARCHAR[]',
};

/** The typed value of a staged column: cast leniently, so a bad value becomes NULL and is counted. */
export function castExpr(col: ColumnSpec): string {
  if (col.type === 'string[]') return `TRY_CAST(${ident(col.name)} AS VARCHAR[])`;
  if (col.type === 'int') return `TRY_CAST(${ident(col.name)} AS INTEGER)`;
  return `TRY_CAST(${ident(col.name)} AS ${SQL_TYPE[col.type]})`;
}

/**
 * Where a foreign key's target rows live: the table's name in SQL (a live table, or another file's staging
 * table in the same batch), or null when that table is not loaded (the check is then skipped).
 */
export type RefResolver = (table: TableName) => string | null;

/** Row-level checks for the columns of `spec` that are present in the staged file. */
export function rowChecks(spec: TableSpec, present: ReadonlySet<string>, resolveRef: RefResolver): RowCheck[] {
  const checks: RowCheck[] = [];
  for (const col of spec.columns) {
    if (!present.has(col.name)) continue;
    const raw = ident(col.name);
    const typed = castExpr(col);
    const expected = col.type === 'string[]' ? 'a list of text' : col.type === 'int' ? 'a whole number' : col.type === 'double' ? 'a number' : col.type === 'bool' ? 'true/false' : 'text';
    checks.push({
      column: col.name, rule: 'type', severity: 'error',
      bad: `${raw} IS NOT NULL AND ${typed} IS NULL`,
      describe: (n) => `${n} value(s) are not ${expected}`,
    });
    if (!col.nullable) {
      checks.push({
        column: col.name, rule: 'not null', severity: 'error', bad: `${raw} IS NULL`,
        describe: (n) => `${n} row(s) have no value, but ${col.name} is required`,
      });
    }
    if (col.type === 'double') {
      checks.push({
        column: col.name, rule: 'finite', severity: 'error', bad: `isnan(${typed}) OR isinf(${typed})`,
        describe: (n) => `${n} value(s) are NaN or infinite`,
      });
    }
    if (col.min !== undefined || col.max !== undefined) {
      const conds = [];
      if (col.min !== undefined) conds.push(`${typed} < ${col.min}`);
      if (col.max !== undefined) conds.push(`${typed} > ${col.max}`);
      checks.push({
        column: col.name, rule: 'range', severity: 'error', bad: `(${conds.join(' OR ')}) AND NOT isnan(${typed}::DOUBLE)`,
        describe: (n) => `${n} value(s) outside ${col.min ?? '-∞'}..${col.max ?? '∞'}`,
      });
    }
    if (col.categories) {
      const list = `[${col.categories.map(literal).join(', ')}]`;
      const bad = col.type === 'string[]'
        ? `len(list_filter(${typed}, x -> x IS NULL OR NOT list_contains(${list}, x))) > 0`
        : `${typed} IS NOT NULL AND NOT list_contains(${list}, ${typed})`;
      checks.push({
        column: col.name, rule: 'known category', severity: col.required ? 'error' : 'warning', bad,
        describe: (n) => `${n} value(s) not among: ${col.categories!.join(', ')}`,
      });
    }
    const target = col.references && (col.references.table === spec.name ? 'staged' : resolveRef(col.references.table));
    if (col.references && target) {
      checks.push({
        column: col.name, rule: 'key resolves', severity: 'error',
        bad: `${typed} IS NOT NULL AND ${typed} NOT IN (SELECT ${ident(col.references.column)} FROM ${target} WHERE ${ident(col.references.column)} IS NOT NULL)`,
        describe: (n) => `${n} value(s) not found in ${col.references!.table}.${col.references!.column}`,
      });
    }
  }
  return checks;
}

/** One pass over the staged table: a COUNT per check. */
export function countChecksSql(stagingTable: string, checks: readonly RowCheck[]): string {
  const counts = checks.map((c, i) => `COUNT(*) FILTER (WHERE ${c.bad}) AS c${i}`);
  return `WITH staged AS (SELECT * FROM ${ident(stagingTable)}) SELECT COUNT(*) AS total${counts.length ? ', ' + counts.join(', ') : ''} FROM staged`;
}

/** A few example rows (1-based row number and the offending value) for a failed check. */
export function examplesSql(stagingTable: string, check: RowCheck, limit = 3): string {
  return `WITH staged AS (SELECT *, row_number() OVER () AS __row FROM ${ident(stagingTable)})
SELECT __row AS row, CAST(${ident(check.column)} AS VARCHAR) AS value FROM staged WHERE ${check.bad} ORDER BY __row LIMIT ${limit}`;
}

/** Rows sharing a key with another row. */
export function duplicateKeySql(stagingTable: string, key: readonly string[]): string {
  const cols = key.map(ident).join(', ');
  return `SELECT COUNT(*) AS dup_rows, (SELECT string_agg(k, '; ') FROM (SELECT concat_ws(' / ', ${key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(', ')}) AS k FROM ${ident(stagingTable)} GROUP BY ${cols} HAVING COUNT(*) > 1 LIMIT 3)) AS examples
FROM (SELECT COUNT(*) OVER (PARTITION BY ${cols}) AS n FROM ${ident(stagingTable)}) WHERE n > 1`;
}

/** The committed table: contract columns in order, typed; absent optional columns become typed NULLs, or their default. */
export function commitSql(spec: TableSpec, stagingTable: string, present: ReadonlySet<string>): string {
  const absent = (c: ColumnSpec) => `${c.whenAbsent ? Number(c.whenAbsent.value()) : 'NULL'}::${SQL_TYPE[c.type]}`;
  const cols = spec.columns.map((c) => `${present.has(c.name) ? castExpr(c) : absent(c)} AS ${ident(c.name)}`);
  return `CREATE OR REPLACE TABLE ${ident(spec.name)} AS SELECT ${cols.join(', ')} FROM ${ident(stagingTable)}`;
}

/**
 * Make a staged table the live one without copying it: one transaction, so the old table is only gone once the new
 * one has its name (a query never finds the table missing, and a failed rename leaves the old one in place).
 */
export function swapSql(table: string, stagingTable: string): string {
  return `BEGIN TRANSACTION; DROP TABLE IF EXISTS ${ident(table)}; ALTER TABLE ${ident(stagingTable)} RENAME TO ${ident(table)}; COMMIT`;
}
