import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { CONTRACT, TABLE_NAMES, type TableName } from '../../data/contract';
import type { Row } from '../../db/sqlRunner';
import { useI18n } from '../../i18n/I18nContext';
import { PAGE_SIZES } from '../../queries/dataTableSql';
import { useDataset } from '../../state/useDataset';
import { rowsOf } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';
import { DataChecks } from './DataChecks';
import { DataGrid } from './DataGrid';
import { DATA_SETTINGS, filterKey, withTable, type DataSettings, type PageSize } from './settings';
import { useDataViewData } from './useDataViewData';

/** The rows of any table, filtered, sorted and paged in SQL; exports write every filtered row. */
export function DataView({ view, scope, onChange }: ViewProps) {
  const { tables, syntheticTables } = useDataset('tables', 'syntheticTables');
  const { t, num } = useI18n();
  const { filters: f, page, flagged, totalsRow, rowCount, exportQuery, issues, span } = useDataViewData(view);
  const set = (patch: Partial<DataSettings>) => onChange({ extra: DATA_SETTINGS.write(view.extra, patch) });
  const setPage = (p: number, size: number) => set({ page: p, size: size as PageSize });
  const problems = issues.map((p) => t(`data.problem.${p.code}`, { column: p.column, text: p.text }));
  const loaded = TABLE_NAMES.filter((name) => tables[name].state === 'ready');
  const notLoaded = t('data.notLoaded');

  return (
    <>
    <Panel
      title={t('data.title', { table: f.table })}
      subtitle={`${CONTRACT[f.table].description} ${f.province ? t('data.rowsFor', { scope }) : ''} ${syntheticTables.includes(f.table) ? t('data.synthetic') : ''}`}
      state={page}
      empty={t('data.empty')}
      testId="data-panel"
      actions={<ExportMenu query={exportQuery} title={t('data.exportTitle', { table: f.table })} fileBase={f.table} filters={{ table: f.table, province: f.province, ...f.columnFilters, sort: f.sort }} />}
    >
      <div className="view-controls">
        <label className="picker">{t('data.table')}
          <select value={f.table} onChange={(e) => onChange({ extra: withTable(view.extra, e.target.value as TableName) })} data-testid="data-table-picker">
            {TABLE_NAMES.map((name) => <option key={name} value={name} disabled={!loaded.includes(name)}>{name}{loaded.includes(name) ? '' : notLoaded}</option>)}
          </select>
        </label>
        <label className="picker">{t('data.perPage')}
          <select value={f.pageSize} onChange={(e) => set({ size: Number(e.target.value) as PageSize, page: undefined })}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{num(s)}</option>)}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="data-contract-note">{t('data.contractNote')}</p>
      {problems.map((p) => <p key={p} className="error-text" role="alert">{p}</p>)}
      <p className="table-meta" data-testid="data-row-count" aria-live="polite">
        {t('data.match', { n: num(rowCount) })}{rowCount ? t('data.showing', { first: num(span.first), last: num(span.last) }) : ''}
      </p>
      <DataGrid
        filters={f} rows={rowsOf(page) ?? EMPTY} rowCount={rowCount} totalsRow={totalsRow}
        onSort={(sort) => set({ sort: sort ?? undefined, page: undefined })}
        onPage={setPage}
        onFilter={(column, text) => set({ [filterKey(column)]: text || undefined, page: undefined })}
      />
      <nav className="pager" aria-label={t('data.pages')}>
        <button type="button" onClick={() => setPage(f.page - 1, f.pageSize)} disabled={f.page === 0}>{t('data.previous')}</button>
        <span data-testid="data-page">{t('data.page', { page: num(f.page + 1), pages: num(span.pages) })}</span>
        <button type="button" onClick={() => setPage(f.page + 1, f.pageSize)} disabled={f.page + 1 >= span.pages} data-testid="next-page">{t('data.next')}</button>
      </nav>
    </Panel>
    <DataChecks flagged={flagged} />
    </>
  );
}

const EMPTY: Row[] = [];
