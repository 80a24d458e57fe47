import { WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import { useI18n } from '../i18n/I18nContext';
import type { Kpi as KpiValues } from '../metrics/kpi';

/** The four headline numbers, with the WHO workforce threshold beside the workforce density. */
export function KpiCards({ kpi, scope }: { kpi: KpiValues; scope: string }) {
  const { t, num } = useI18n();
  // No population in scope: no density, so no gap to show.
  const gap = kpi.workforce_per_10k == null ? 0 : kpi.workforce_per_10k - WHO_WORKFORCE_PER_10K;
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi id="population" label={t('kpi.population', { scope })} value={num(kpi.population)} note={t('kpi.districts', { n: num(kpi.districts) })} />
      <Kpi id="facilities" label={t('kpi.facilities')} value={num(kpi.facilities)} note={t('kpi.facilitiesNote', { value: num(kpi.facilities_per_10k, 2) })} />
      <Kpi id="beds" label={t('kpi.beds')} value={num(kpi.beds_per_10k, 1)} note={t('kpi.bedsNote', { n: num(kpi.beds) })} />
      <Kpi
        id="workforce"
        label={t('kpi.workforce')}
        value={num(kpi.workforce_per_10k, 1)}
        note={t('kpi.who', { value: num(WHO_WORKFORCE_PER_10K, 1), status: gap < 0 ? t('kpi.short', { value: num(-gap, 1) }) : t('kpi.met') })}
        alert={gap < 0}
      />
    </div>
  );
}

function Kpi({ id, label, value, note, alert }: { id: string; label: string; value: string; note: string; alert?: boolean }) {
  return (
    <div className={`kpi${alert ? ' kpi-alert' : ''}`} data-kpi={id}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={`kpi-${id}`}>{value}</div>
      <div className="kpi-note">{alert && <span aria-hidden="true">▼ </span>}{note}</div>
    </div>
  );
}
