import type { BrushExtent } from '../../charts/PlotFigure';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { SelectCell } from '../../components/SelectCell';
import { useI18n } from '../../i18n/I18nContext';
import type { ViewProps } from '../viewRegistry';
import { rowsInBrush } from './needModel';
import type { NeedData } from './useNeedData';

/** The districts inside the brushed rectangle (all without one), worst served first; a row selects its district. */
export function NeedTablePanel({ data, view, scope, brush, clearBrush, onChange }: Pick<ViewProps, 'view' | 'scope' | 'onChange'> & {
  data: NeedData; brush: BrushExtent | null; clearBrush: () => void;
}) {
  const { t, tx, num, region } = useI18n();
  const { indicator, meta, model: { rows, flagged } } = data;
  const tableRows = rowsInBrush(rows, meta.column, brush);
  const toggle = (id: string) => onChange({ district: id === view.district ? null : id });
  return (
    <Panel title={t('need.tableTitle')} subtitle={brush ? t('need.inRect', { n: num(tableRows.length) }) : t('need.worstFirst', { n: num(tableRows.length) })} state={data.data} testId="need-table-panel"
      actions={<>{brush && <button type="button" onClick={clearBrush} data-testid="clear-brush">{t('need.showAll')}</button>}
        <ExportMenu query={data.query} title={t('need.exportTitle', { scope })} fileBase="need-vs-access" filters={{ province: view.province, indicator: indicator?.indicator_id, year: data.year }} /></>}>
      <div className="table-scroll">
        <table className="data-table" data-testid="need-table">
          <thead><tr>
            <th scope="col">{t('col.district')}</th><th scope="col">{t('col.province')}</th>
            <th scope="col" className="num">{indicator ? tx(`indicator.${indicator.indicator_id}`, indicator.name) : t('need.colNeed')}</th>
            <th scope="col" className="num">{meta.short}</th><th scope="col">{t('need.colFlag')}</th>
          </tr></thead>
          <tbody>
            {tableRows.map((r) => (
              <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === view.district} className={r.region_id === view.district ? 'selected' : undefined}
                onClick={() => toggle(r.region_id)}>
                <td><SelectCell selected={r.region_id === view.district} onToggle={() => toggle(r.region_id)}>{region(r.region_id, r.name)}</SelectCell></td>
                <td>{region(r.province, r.province)}</td><td className="num">{num(r.need, 1)}</td>
                <td className="num">{num(r[meta.column], meta.digits)}</td><td>{flagged.has(r.region_id) ? t('need.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
