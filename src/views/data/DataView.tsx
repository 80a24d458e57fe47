import {
  createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type PaginationState, type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStable } from '../../state/useStable';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nContext';
import { ExportMenu } from '../../components/ExportMenu';
import { DataChecks } from '../../components/DataChecks';
import { Panel } from '../../components/Panel';
import { CONTRACT, TABLE_NAMES, type ColumnSpec, type TableName } from '../../data/contract';
import type { Row } from '../../db/sqlRunner';
import { columnsOf, dataExportQuery, dataPageQuery, dataTotalsQuery, PAGE_SIZES, whereClause, type DataTableFilters } from '../../queries/dataTableSql';
import { useDataset } from '../../state/useDataset';
import { rowsOf, useQuery } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, Row>();
const ROW_HEIGHT = 29;

function display(value: unknown, col: ColumnSpec, locale: string): string {
  if (value === null || value === undefined) return '';
  if (col.type === 'string[]') return Array.from(value as ArrayLike<string>).join(', ');
  if (col.type === 'double') return formatNumber(value as number, col.unit === '°' ? 4 : Number.isInteger(value) ? 0 : 2, locale);
  if (col.type === 'int') return col.name.endsWith('year') || col.name.endsWith('_id') ? String(value) : formatNumber(value as number, 0, locale);
  return String(value);
}

/** URL settings of this view: table, sort ("column" or "-column"), page, page size and f_<column> filters. */
function readSettings(extra: Readonly<Record<string, string>>, province: string | null): DataTableFilters {
  const table = (TABLE_NAMES as readonly string[]).includes(extra.table) ? (extra.table as TableName) : 'facilities';
  const names = new Set(columnsOf(table).map((c) => c.name));
  const sortName = (extra.sort ?? '').replace(/^-/, '');
  const size = Number(extra.size);
  return {
    table, province,
    sort: names.has(sortName) ? [{ column: sortName, desc: extra.sort.startsWith('-') }] : [],
    page: Math.max(0, Math.floor(Number(extra.page) || 0)),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0],
    columnFilters: Object.fromEntries(Object.entries(extra).filter(([k]) => k.startsWith('f_') && names.has(k.slice(2))).map(([k, v]) => [k.slice(2), v])),
  };
}

/** The rows of any table, filtered, sorted and paged in SQL; exports write every filtered row. */
export function DataView({ view, scope, onChange }: ViewProps) {
  const { tables, syntheticTables } = useDataset('tables', 'syntheticTables');
  const { t, num, locale } = useI18n();
  const f = useStable(readSettings(view.extra, view.province));
  const spec = CONTRACT[f.table];
  const set = (patch: Record<string, string | null>) => {
    const extra: Record<string, string> = { ...view.extra };
    for (const [k, v] of Object.entries(patch)) if (v === null || v === '') delete extra[k]; else extra[k] = v;
    onChange({ extra });
  };
  const pageQuery = useMemo(() => dataPageQuery(f), [f]);
  const totalsQuery = useMemo(() => dataTotalsQuery(f), [f]);
  const exportQuery = useMemo(() => dataExportQuery(f), [f]);
  const problems = whereClause(f).issues.map((p) => t(`data.problem.${p.code}`, { column: p.column, text: p.text }));
  const needs = f.province && f.table !== 'indicator_catalog' ? [f.table, 'regions' as TableName, ...(f.table === 'partnerships' ? ['facilities' as TableName] : [])] : [f.table];
  const page = useQuery<Row>(pageQuery, needs);
  const totals = useQuery<Row>(totalsQuery, needs);
  const rowCount = totals.status === 'ready' ? (totals.rows[0]?.__rows as number) : 0;

  const columns = useMemo(() => helper.columns(spec.columns.map((c) => helper.accessor((r) => r[c.name], {
    id: c.name, header: c.name, meta: { spec: c },
  }))), [spec]);
  const sorting: SortingState = f.sort.map((s) => ({ id: s.column, desc: s.desc }));
  const pagination: PaginationState = { pageIndex: f.page, pageSize: f.pageSize };
  const data = rowsOf(page) ?? EMPTY;
  const table = useTable({
    features, columns, data, manualSorting: true, manualPagination: true, rowCount,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const next = typeof u === 'function' ? u(sorting) : u;
      set({ sort: next[0] ? `${next[0].desc ? '-' : ''}${next[0].id}` : null, page: null });
    },
    onPaginationChange: (u) => {
      const next = typeof u === 'function' ? u(pagination) : u;
      set({ page: next.pageIndex ? String(next.pageIndex) : null, size: next.pageSize !== PAGE_SIZES[0] ? String(next.pageSize) : null });
    },
  });

  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const loaded = TABLE_NAMES.filter((name) => tables[name].state === 'ready');
  const notLoaded = t('data.notLoaded');
  const pages = Math.max(1, Math.ceil(rowCount / f.pageSize));
  const first = rowCount ? f.page * f.pageSize + 1 : 0;
  const last = Math.min(rowCount, (f.page + 1) * f.pageSize);

  return (
    <>
    <Panel
      title={t('data.title', { table: f.table })}
      subtitle={`${spec.description} ${f.province ? t('data.rowsFor', { scope }) : ''} ${syntheticTables.includes(f.table) ? t('data.synthetic') : ''}`}
      state={page}
      empty={t('data.empty')}
      testId="data-panel"
      actions={<ExportMenu query={exportQuery} title={t('data.exportTitle', { table: f.table })} fileBase={f.table} filters={{ table: f.table, province: f.province, ...f.columnFilters, sort: f.sort }} />}
    >
      <div className="view-controls">
        <label className="picker">{t('data.table')}
          <select value={f.table} onChange={(e) => onChange({ extra: { table: e.target.value } })} data-testid="data-table-picker">
            {TABLE_NAMES.map((t) => <option key={t} value={t} disabled={!loaded.includes(t)}>{t}{loaded.includes(t) ? '' : notLoaded}</option>)}
          </select>
        </label>
        <label className="picker">{t('data.perPage')}
          <select value={f.pageSize} onChange={(e) => set({ size: e.target.value === String(PAGE_SIZES[0]) ? null : e.target.value, page: null })}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{num(s)}</option>)}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="data-contract-note">{t('data.contractNote')}</p>
      {problems.map((p) => <p key={p} className="error-text" role="alert">{p}</p>)}
      <p className="table-meta" data-testid="data-row-count" aria-live="polite">
        {t('data.match', { n: num(rowCount) })}{rowCount ? t('data.showing', { first: num(first), last: num(last) }) : ''}
      </p>
      <div className="table-scroll" ref={scroller} style={{ maxHeight: 560 }}>
        <table className="data-table nowrap" data-testid="data-table" aria-rowcount={rowCount + 2}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => {
                  const s = h.column.getIsSorted();
                  const c = (h.column.columnDef.meta as { spec: ColumnSpec }).spec;
                  return (
                    <th key={h.id} aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'} className={c.type === 'int' || c.type === 'double' ? 'num' : undefined}>
                      <button type="button" onClick={h.column.getToggleSortingHandler()} title={c.description}>
                        {c.name}{c.unit && c.unit !== c.name ? ` (${c.unit})` : ''}<span aria-hidden="true">{s === 'asc' ? ' ▲' : s === 'desc' ? ' ▼' : ''}</span>
                      </button>
                      <ColumnFilter column={c} value={f.columnFilters[c.name] ?? ''} onChange={(v) => set({ [`f_${c.name}`]: v, page: null })} />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td style={{ height: padTop, padding: 0, border: 0 }} colSpan={spec.columns.length} /></tr>}
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                  {row.getAllCells().map((cell) => {
                    const c = (cell.column.columnDef.meta as { spec: ColumnSpec }).spec;
                    const text = display(cell.getValue(), c, locale);
                    return <td key={cell.id} title={text.length > 30 ? text : undefined} className={c.type === 'int' || c.type === 'double' ? 'num' : undefined}>{text}</td>;
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td style={{ height: padBottom, padding: 0, border: 0 }} colSpan={spec.columns.length} /></tr>}
          </tbody>
          {totals.status === 'ready' && totals.rows[0] && (
            <tfoot>
              <tr data-testid="data-totals">
                {spec.columns.map((c, i) => (
                  <td key={c.name} className="num">{i === 0 ? t('data.total') : c.name in totals.rows[0] ? num(totals.rows[0][c.name] as number) : ''}</td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <nav className="pager" aria-label={t('data.pages')}>
        <button type="button" onClick={() => table.previousPage()} disabled={f.page === 0}>{t('data.previous')}</button>
        <span data-testid="data-page">{t('data.page', { page: num(f.page + 1), pages: num(pages) })}</span>
        <button type="button" onClick={() => table.nextPage()} disabled={f.page + 1 >= pages} data-testid="next-page">{t('data.next')}</button>
      </nav>
    </Panel>
    <DataChecks />
    </>
  );
}

const EMPTY: Row[] = [];

/** A filter box under a column header; applied when the user pauses typing or presses Enter. */
function ColumnFilter({ column, value, onChange }: { column: ColumnSpec; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  // Back/forward changes the filter from outside: show it.
  useEffect(() => setText(value), [value]);
  const numeric = column.type === 'int' || column.type === 'double';
  const commit = (v: string) => {
    window.clearTimeout(timer.current);
    if (v !== value) onChange(v);
  };
  return (
    <input
      className="column-filter" value={text} aria-label={t('data.filter', { column: column.name })} data-testid={`filter-col-${column.name}`}
      placeholder={numeric ? t('data.numberHint') : column.type === 'bool' ? 'true / false' : t('data.contains')}
      onChange={(e) => {
        setText(e.target.value);
        window.clearTimeout(timer.current);
        const v = e.target.value;
        timer.current = window.setTimeout(() => commit(v), 400);
      }}
      onKeyDown={(e) => e.key === 'Enter' && commit(text)}
    />
  );
}
