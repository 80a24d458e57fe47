import type { ColumnSpec, TableName } from '../../data/contract';
import { formatNumber } from '../../i18n/format';
import { columnsOf, type DataTableFilters } from '../../queries/dataTableSql';
import { filterKey, type DataSettings } from './settings';

/** The table's query filters from the link's settings: a sort or filter naming a column the table lacks is dropped. */
export function dataTableFilters(s: DataSettings, province: string | null): DataTableFilters {
  const names = columnsOf(s.table).map((c) => c.name);
  const sortName = s.sort.replace(/^-/, '');
  return {
    table: s.table, province,
    sort: names.includes(sortName) ? [{ column: sortName, desc: s.sort.startsWith('-') }] : [],
    page: s.page,
    pageSize: s.size,
    columnFilters: Object.fromEntries(names.filter((n) => s[filterKey(n)]).map((n) => [n, s[filterKey(n)]])),
  };
}

/**
 * The tables a page of rows reads: the table, and for a province filter the regions (and for partnerships the
 * facilities) it goes through; the indicator catalogue has no region.
 */
export function tablesRead(f: Pick<DataTableFilters, 'table' | 'province'>): TableName[] {
  if (!f.province || f.table === 'indicator_catalog') return [f.table];
  return [f.table, 'regions', ...(f.table === 'partnerships' ? ['facilities' as const] : [])];
}

/** Which rows the page shows (1-based, inclusive; 0 to 0 when none match) and how many pages there are. */
export function pageSpan(rowCount: number, page: number, pageSize: number): { first: number; last: number; pages: number } {
  return {
    first: rowCount ? page * pageSize + 1 : 0,
    last: Math.min(rowCount, (page + 1) * pageSize),
    pages: Math.max(1, Math.ceil(rowCount / pageSize)),
  };
}

/** A cell's text: lists joined, coordinates to 4 decimals, years and ids as written, counts grouped. */
export function cellText(value: unknown, col: ColumnSpec, locale: string): string {
  if (value === null || value === undefined) return '';
  if (col.type === 'string[]') return Array.from(value as ArrayLike<string>).join(', ');
  if (col.type === 'double') return formatNumber(value as number, col.unit === '°' ? 4 : Number.isInteger(value) ? 0 : 2, locale);
  if (col.type === 'int') return col.name.endsWith('year') || col.name.endsWith('_id') ? String(value) : formatNumber(value as number, 0, locale);
  return String(value);
}

export const isNumeric = (c: ColumnSpec) => c.type === 'int' || c.type === 'double';
