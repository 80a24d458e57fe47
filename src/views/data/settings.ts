import { CONTRACT, TABLE_NAMES, type TableName } from '../../data/contract';
import { PAGE_SIZES } from '../../queries/dataTableSql';
import { intIn, oneOf, settingsCodec, textLike, type Field } from '../../state/settingsCodec';

export type PageSize = (typeof PAGE_SIZES)[number];
/** A column's filter text in the link: `data.f_<column>` (`f_<column>` in older links). */
export type ColumnFilterKey = `f_${string}`;

export type DataSettings = {
  table: TableName;
  /** "column" ascending, "-column" descending, "" the table's key order; checked against the table in dataModel.ts. */
  sort: string;
  page: number;
  size: PageSize;
} & { [filter: ColumnFilterKey]: string };

/** Every column of every table in the contract: a filter box can only ever name one of these. */
const COLUMN_NAMES = [...new Set(TABLE_NAMES.flatMap((t) => CONTRACT[t].columns.map((c) => c.name)))];
export const filterKey = (column: string): ColumnFilterKey => `f_${column}`;

const pageSize: Field<PageSize> = { read: (t) => PAGE_SIZES.find((s) => String(s) === t), write: String, legacy: 'size' };
const filterFields = Object.fromEntries(COLUMN_NAMES.map((c) => [filterKey(c), textLike(/^[\s\S]*$/, filterKey(c))]));
const noFilters = Object.fromEntries(COLUMN_NAMES.map((c) => [filterKey(c), '']));

/** The Data view's settings in the link: `data.table`, `data.sort`, `data.page`, `data.size` and `data.f_<column>`. */
export const DATA_SETTINGS = settingsCodec<DataSettings>('data', {
  table: oneOf(TABLE_NAMES, 'table'),
  sort: textLike(/^-?[a-z][a-z0-9_]*$/, 'sort'),
  page: intIn(0, 1_000_000_000, 'page'),
  size: pageSize,
  ...filterFields,
} as never, (given) => ({ table: 'facilities', sort: '', page: 0, size: PAGE_SIZES[0], ...noFilters, ...given }), 'data');

/** Another table: its own sort, page, page size and filters start afresh; other views' settings and the global filters stay. */
export function withTable(extra: Readonly<Record<string, string>>, table: TableName): Record<string, string> {
  const cleared = Object.fromEntries(Object.keys(DATA_SETTINGS.fields).map((k) => [k, undefined]));
  return DATA_SETTINGS.write(extra, { ...cleared, table });
}
