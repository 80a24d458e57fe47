import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { AccessSettings } from './accessSettings';
import type { AccessData } from './useAccessData';
import type { AccessWords } from './useAccessWords';

/** The headline figures: people within the threshold, beyond it, districts under half, and the catchment accessibility. */
export function AccessKpiPanel({ s, scope, words, data }: { s: AccessSettings; scope: string; words: AccessWords; data: AccessData }) {
  const { t, num, pct } = useI18n();
  const { what, threshold, target, accessUnit } = words;
  const { coverage, accessNational } = data.model;
  const nat = coverage?.national;
  const { acc } = data;
  return (
    <Panel title={t('access.kpiTitle', { scope })} subtitle={t('access.kpiSubtitle', { what })} state={data.distance} testId="access-kpi-panel">
      {nat && (
        <div className="kpis" aria-live="polite" aria-busy={data.distance.status === 'loading'}>
          <div className={`kpi${target && nat.share! < target.share ? ' kpi-alert' : ''}`}>
            <div className="kpi-label">{t('access.kpiPeople', { what })}</div>
            <div className="kpi-value" data-testid="share-national">{pct(100 * (nat.share ?? 0), 1)}</div>
            <div className="kpi-note">{t('access.kpiOf', { within: num(nat.within), population: num(nat.population) })}{target ? t('access.kpiTarget', { value: pct(100 * target.share) }) : ''}</div>
          </div>
          <div className="kpi kpi-alert">
            <div className="kpi-label">{t('access.kpiFarther')}</div>
            <div className="kpi-value" data-testid="people-beyond">{num(nat.population - nat.within)}</div>
            <div className="kpi-note">{t('access.kpiBeyond', { threshold })}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">{t('access.kpiUnderHalf')}</div>
            <div className="kpi-value" data-testid="districts-under-half">{num(coverage.districts.filter((d) => d.share != null && d.share < 0.5).length)}</div>
            <div className="kpi-note">{t('access.kpiOfDistricts', { n: num(coverage.districts.length) })}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">{t('access.kpiAccess', { method: s.method.startsWith('e2') ? 'E2SFCA' : s.method === 'gravity' ? 'gravity' : '2SFCA' })}</div>
            <div className="kpi-value" data-testid="access-national">{num(accessNational, 1)}</div>
            <div className="kpi-note">{t('access.kpiAccessNote', { unit: accessUnit, km: num(s.catchmentKm) })}{acc.key?.cellKm != null ? t('access.kpiGrid', { cell: num(acc.key.cellKm) }) : ''}{acc.updating ? t('access.updating') : ''}</div>
          </div>
        </div>
      )}
    </Panel>
  );
}
