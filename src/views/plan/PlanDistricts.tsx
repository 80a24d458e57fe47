import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { share } from './planFormat';
import type { PlanModel } from './planModel';

/** Every district today, and with the active scenario where it changes something (before → after). */
export function PlanDistricts({ districts, scenario, km, selected, onSelect }: {
  districts: PlanModel['districts']; scenario: string | null; km: number; selected: string | null; onSelect: (id: string) => void;
}) {
  const i18n = useI18n();
  const { t, num, region } = i18n;
  return (
    <Panel title={scenario ? t('plan.districts.titleScenario', { name: scenario }) : t('plan.districts.titleToday')} testId="plan-districts-panel" id="plan-districts"
      subtitle={scenario ? t('plan.districts.subtitleScenario') : t('plan.districts.subtitleToday')}>
      <div className="table-scroll plan-district-scroll" tabIndex={0} role="region" aria-label={t('plan.districts.region')}>
        <table className="data-table" data-testid="plan-districts">
          <thead><tr><th>{t('col.district')}</th><th>{t('col.province')}</th><th className="num">{t('plan.col.within', { km: num(km) })}</th><th className="num">{t('plan.col.avgKm')}</th><th className="num">{t('plan.col.workforce')}</th><th>{t('plan.col.shortage')}</th><th className="num">{t('plan.col.rank')}</th></tr></thead>
          <tbody>{districts.map(({ d, s }) => {
            const arrow = <T,>(a: T, b: T | undefined, f: (x: T) => string) => (s && b !== undefined && f(a) !== f(b) ? `${f(a)} ${i18n.dir === 'rtl' ? '←' : '→'} ${f(b)}` : f(a));
            return (
              <tr key={d.region_id} data-region={d.region_id} className={d.region_id === selected ? 'selected' : undefined} aria-selected={d.region_id === selected}
                onClick={() => onSelect(d.region_id)}>
                <td>{region(d.region_id, d.name)}</td><td>{region(d.province_id, d.province)}</td>
                <td className="num">{arrow(d.share, s?.share, (x) => share(i18n, x))}</td>
                <td className="num">{arrow(d.mean_km, s?.mean_km, (x) => num(x, 1))}</td>
                <td className="num">{arrow(d.workforce_per_10k, s?.workforce_per_10k, (x) => num(x, 1))}</td>
                <td>{arrow([d.whoShortage, d.hpsaShortage], s ? [s.whoShortage, s.hpsaShortage] : undefined, ([w, h]) => [w && t('plan.shortage.who'), h && t('plan.shortage.doctors')].filter(Boolean).join(' + ') || t('plan.shortage.none'))}</td>
                <td className="num">{arrow(d.rank, s?.rank, (x) => (x == null ? '–' : num(x)))}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </div>
    </Panel>
  );
}
