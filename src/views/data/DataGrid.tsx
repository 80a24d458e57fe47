import {
  createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type PaginationState, type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { CONTRACT, type ColumnSpec } from '../../data/contract';
import type { Row } from '../../db/sqlRunner';
import { useI18n } from '../../i18n/I18nContext';
import type { DataTableFilters } from '../../queries/dataTableSql';
import { ColumnFilter } from './ColumnFilter';
import { cellText, isNumeric } from './dataModel';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, Row>();
const ROW_HEIGHT = 29;
const specOf = (c: { columnDef: { meta?: unknown } }) => (c.columnDef.meta as { spec: ColumnSpec }).spec;

interface Props {
  filters: DataTableFilters;
  rows: readonly Row[];
  rowCount: number;
  totalsRow: Row | null;
  /** The first sort key ("-column" descending), or null for the table's key order. */
  onSort: (sort: string | null) => void;
  onPage: (page: number, pageSize: number) => void;
  onFilter: (column: string, text: string) => void;
}

/** The page of rows, virtualised (only the rows in view are in the DOM); sorting and paging are done in SQL. */
export function DataGrid({ filters: f, rows: data, rowCount, totalsRow, onSort, onPage, onFilter }: Props) {
  const { t, num, locale } = useI18n();
  const spec = CONTRACT[f.table];
  const columns = useMemo(() => helper.columns(spec.columns.map((c) => helper.accessor((r) => r[c.name], {
    id: c.name, header: c.name, meta: { spec: c },
  }))), [spec]);
  const sorting: SortingState = f.sort.map((s) => ({ id: s.column, desc: s.desc }));
  const pagination: PaginationState = { pageIndex: f.page, pageSize: f.pageSize };
  const table = useTable({
    features, columns, data: data as Row[], manualSorting: true, manualPagination: true, rowCount,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const next = typeof u === 'function' ? u(sorting) : u;
      onSort(next[0] ? `${next[0].desc ? '-' : ''}${next[0].id}` : null);
    },
    onPaginationChange: (u) => {
      const next = typeof u === 'function' ? u(pagination) : u;
      onPage(next.pageIndex, next.pageSize);
    },
  });

  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const pad = (height: number) => <tr aria-hidden="true"><td style={{ height, padding: 0, border: 0 }} colSpan={spec.columns.length} /></tr>;

  return (
    <div className="table-scroll" ref={scroller} style={{ maxHeight: 560 }}>
      <table className="data-table nowrap" data-testid="data-table" aria-rowcount={rowCount + 2}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => {
                const s = h.column.getIsSorted();
                const c = specOf(h.column);
                return (
                  <th key={h.id} aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'} className={isNumeric(c) ? 'num' : undefined}>
                    <button type="button" onClick={h.column.getToggleSortingHandler()} title={c.description}>
                      {c.name}{c.unit && c.unit !== c.name ? ` (${c.unit})` : ''}<span aria-hidden="true">{s === 'asc' ? ' ▲' : s === 'desc' ? ' ▼' : ''}</span>
                    </button>
                    <ColumnFilter column={c} value={f.columnFilters[c.name] ?? ''} onChange={(v) => onFilter(c.name, v)} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && pad(padTop)}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                {row.getAllCells().map((cell) => {
                  const c = specOf(cell.column);
                  const text = cellText(cell.getValue(), c, locale);
                  return <td key={cell.id} title={text.length > 30 ? text : undefined} className={isNumeric(c) ? 'num' : undefined}>{text}</td>;
                })}
              </tr>
            );
          })}
          {padBottom > 0 && pad(padBottom)}
        </tbody>
        {totalsRow && (
          <tfoot>
            <tr data-testid="data-totals">
              {spec.columns.map((c, i) => (
                <td key={c.name} className="num">{i === 0 ? t('data.total') : c.name in totalsRow ? num(totalsRow[c.name] as number) : ''}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
