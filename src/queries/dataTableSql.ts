import type { Query } from '../db/sqlText';
import { CONTRACT, type ColumnSpec, type TableName } from '../data/contract';
import { ident } from '../db/sqlText';

export interface SortSpec { column: string; desc: boolean }

export interface DataTableFilters {
  table: TableName;
  /** Province id: rows of that province and its districts (tables with a region); null for all. */
  province: string | null;
  /** Per-column filter text: "abc" (contains) for text; "> 10", "<= 5", "10..20", "= 3" or "7" for numbers. */
  columnFilters: Readonly<Record<string, string>>;
  sort: readonly SortSpec[];
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [100, 500, 1000] as const;
const NUMERIC = new Set(['int', 'double']);

/** The table's columns, from the contract: the only identifiers that ever reach the SQL text. */
export function columnsOf(table: TableName): readonly ColumnSpec[] {
  return CONTRACT[table].columns;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Parse a numeric filter into a SQL condition over `expr` with parameters; null if it is not understood. */
export function numericCondition(expr: string, text: string): { sql: string; params: number[] } | null {
  const t = text.trim();
  const range = /^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$/.exec(t);
  if (range) return { sql: `${expr} BETWEEN ? AND ?`, params: [Number(range[1]), Number(range[2])] };
  const cmp = /^(<=|>=|<|>|=)?\s*(-?\d+(?:\.\d+)?)$/.exec(t);
  if (cmp) return { sql: `${expr} ${cmp[1] ?? '='} ?`, params: [Number(cmp[2])] };
  return null;
}

/** WHERE clause and parameters for the filters; unknown columns and unparsable numbers are reported, not run. */
/** A filter that was not applied, as a code for the interface to word in its language. */
export interface FilterIssue { code: 'unknownColumn' | 'notNumber' | 'notBool'; column: string; text: string }

export function whereClause(f: Pick<DataTableFilters, 'table' | 'province' | 'columnFilters'>): { sql: string; params: unknown[]; problems: string[]; issues: FilterIssue[] } {
  const cols = new Map(columnsOf(f.table).map((c) => [c.name, c]));
  const conds: string[] = [];
  const params: unknown[] = [];
  const problems: string[] = [];
  const issues: FilterIssue[] = [];
  if (f.province) {
    const inProvince = `IN (SELECT region_id FROM regions WHERE region_id = ? OR parent_id = ?)`;
    if (cols.has('region_id') && f.table !== 'regions') conds.push(`region_id ${inProvince}`);
    else if (f.table === 'regions') conds.push(`region_id ${inProvince}`);
    else if (f.table === 'partnerships') conds.push(`facility_id IN (SELECT facility_id FROM facilities WHERE region_id ${inProvince})`);
    if (conds.length) params.push(f.province, f.province);
  }
  for (const [name, raw] of Object.entries(f.columnFilters)) {
    const text = raw.trim();
    if (!text) continue;
    const col = cols.get(name);
    if (!col) {
      problems.push(`Unknown column “${name}”`);
      issues.push({ code: 'unknownColumn', column: name, text });
      continue;
    }
    if (NUMERIC.has(col.type)) {
      const c = numericCondition(ident(name), text);
      if (c) {
        conds.push(c.sql);
        params.push(...c.params);
      } else {
        problems.push(`${name}: “${text}” is not a number filter (try 10, > 10, <= 5 or 10..20)`);
        issues.push({ code: 'notNumber', column: name, text });
      }
    } else if (col.type === 'bool') {
      const v = /^(true|yes|1)$/i.test(text) ? true : /^(false|no|0)$/i.test(text) ? false : null;
      if (v === null) {
        problems.push(`${name}: “${text}” is not true or false`);
        issues.push({ code: 'notBool', column: name, text });
      } else {
        conds.push(`${ident(name)} = ?`);
        params.push(v);
      }
    } else {
      const expr = col.type === 'string[]' ? `array_to_string(${ident(name)}, ', ')` : ident(name);
      conds.push(`${expr} ILIKE ? ESCAPE '\\'`);
      params.push(likePattern(text));
    }
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, problems, issues };
}

function orderBy(f: DataTableFilters): string {
  const names = new Set(columnsOf(f.table).map((c) => c.name));
  const keys = f.sort.filter((s) => names.has(s.column)).map((s) => `${ident(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`);
  // Always end with the key, so pages are stable.
  keys.push(...CONTRACT[f.table].key.map(ident));
  return `ORDER BY ${keys.join(', ')}`;
}

/** Every filtered row in the shown order: what an export writes. */
export function dataExportQuery(f: DataTableFilters): Query {
  const w = whereClause(f);
  return { sql: `SELECT * FROM ${ident(f.table)} ${w.sql} ${orderBy(f)}`.replace(/\s+/g, ' ').trim(), params: w.params };
}

/** One page of filtered rows. */
export function dataPageQuery(f: DataTableFilters): Query {
  const q = dataExportQuery(f);
  return { sql: `${q.sql} LIMIT ? OFFSET ?`, params: [...(q.params ?? []), f.pageSize, f.page * f.pageSize] };
}

/** Row count and the sum of each numeric column over all filtered rows (the table's totals line). */
export function dataTotalsQuery(f: DataTableFilters): Query {
  const w = whereClause(f);
  const sums = columnsOf(f.table).filter((c) => NUMERIC.has(c.type) && !c.name.endsWith('_id') && !['lat', 'lon', 'year', 'level', 'open_year', 'start_year', 'end_year', 'subgroup_order', 'wealth_quintile', 'cell_id'].includes(c.name));
  const cols = ['COUNT(*)::DOUBLE AS __rows', ...sums.map((c) => `SUM(${ident(c.name)})::DOUBLE AS ${ident(c.name)}`)];
  return { sql: `SELECT ${cols.join(', ')} FROM ${ident(f.table)} ${w.sql}`.trim(), params: w.params };
}
