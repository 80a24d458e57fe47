import type { MeasureMeta } from '../../charts/measureMeta';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { SelectCell } from '../../components/SelectCell';
import type { Query } from '../../db/sqlRunner';
import { useI18n } from '../../i18n/I18nContext';
import type { PartnershipDistrictRow, PartnershipFilters } from '../../queries/partnershipsSql';
import type { QueryState } from '../../state/useQuery';
import { byMeasure } from './partnershipsModel';

interface Props {
  districts: QueryState<PartnershipDistrictRow>;
  rows: readonly PartnershipDistrictRow[];
  query: Query;
  filters: PartnershipFilters;
  meta: MeasureMeta;
  selected: string | null;
  scope: string;
  onSelect: (district: string | null) => void;
}

/** Each district's partnerships beside its access, worst-served first; a district's name selects it. */
export function PartnershipTable({ districts, rows, query, filters, meta, selected, scope, onSelect }: Props) {
  const { t, num, region } = useI18n();
  const toggle = (id: string) => onSelect(id === selected ? null : id);
  return (
    <Panel title={t('partner.tableTitle')} subtitle={t('partner.tableSubtitle')} state={districts} testId="partner-table-panel"
      actions={<ExportMenu query={query} title={t('partner.exportTitle', { scope })} fileBase="partnerships-by-district" filters={filters as unknown as Record<string, unknown>} />}>
      <div className="table-scroll">
        <table className="data-table" data-testid="partner-table">
          <thead><tr><th scope="col">{t('col.district')}</th><th scope="col">{t('col.province')}</th><th scope="col" className="num">{t('col.population')}</th><th scope="col" className="num">{meta.short}</th><th scope="col" className="num">{t('partner.colPartnerships')}</th><th scope="col" className="num">{t('partner.colPer100k')}</th><th scope="col">{t('partner.colWorst')}</th></tr></thead>
          <tbody>
            {byMeasure(rows, meta.column).map((r) => (
              <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === selected} className={r.region_id === selected ? 'selected' : undefined}
                onClick={() => toggle(r.region_id)}>
                <td><SelectCell selected={r.region_id === selected} onToggle={() => toggle(r.region_id)}>{region(r.region_id, r.name)}</SelectCell></td>
                <td>{region(r.province, r.province)}</td><td className="num">{num(r.population)}</td>
                <td className="num">{num(r[meta.column], meta.digits)}</td><td className="num">{num(r.partnerships)}</td>
                <td className="num">{num((1e5 * r.partnerships) / r.population, 1)}</td><td>{r.underserved ? t('need.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
