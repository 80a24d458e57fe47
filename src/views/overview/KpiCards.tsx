import { WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import { useI18n } from '../../i18n/I18nContext';
import type { Kpi as KpiValues } from '../../metrics/kpi';
import { isShown, MIN_KNOWN_SHARE, type KnownMeasure } from '../../metrics/knownShare';

/** The words for a measure that is absent, too incomplete, or partly known (empty when fully known). */
export function useKnownText() {
  const { t, pct } = useI18n();
  return (m: KnownMeasure, what: 'beds' | 'doctors' | 'workforce', inDistrict = false): { value?: string; note: string } => {
    const w = t(`known.what.${what}`);
    const share = pct(100 * (m.share ?? 0), 0);
    if (m.status === 'absent') return { value: t('known.notInData'), note: t('known.reasonAbsent', { what: w }) };
    if (m.status === 'incomplete') return { value: t('known.tooIncomplete'), note: t('known.reasonIncomplete', { what: w, share, min: pct(100 * MIN_KNOWN_SHARE, 0) }) };
    if (m.status === 'partial') return { note: t(inDistrict ? 'known.partialDistrict' : 'known.partial', { what: w, share }) };
    return { note: '' };
  };
}

/** The four headline numbers, with the WHO workforce threshold beside the workforce density (only when staff are known). */
export function KpiCards({ kpi, scope }: { kpi: KpiValues; scope: string }) {
  const { t, num } = useI18n();
  const known = useKnownText();
  const beds = known(kpi.known.beds, 'beds');
  const staff = known(kpi.known.workforce, 'workforce');
  // No population in scope, or staff not shown: no density, so no gap to show.
  const gap = kpi.workforce_per_10k == null || !isShown(kpi.known.workforce) ? null : kpi.workforce_per_10k - WHO_WORKFORCE_PER_10K;
  const join = (...parts: string[]) => parts.filter(Boolean).join('; ');
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi id="population" label={t('kpi.population', { scope })} value={num(kpi.population)} note={t('kpi.districts', { n: num(kpi.districts) })} />
      <Kpi id="facilities" label={t('kpi.facilities')} value={num(kpi.facilities)} note={t('kpi.facilitiesNote', { value: num(kpi.facilities_per_10k, 2) })} />
      <Kpi id="beds" label={t('kpi.beds')} value={beds.value ?? num(kpi.beds_per_10k, 1)} missing={beds.value !== undefined}
        note={beds.value !== undefined ? beds.note : join(t('kpi.bedsNote', { n: num(kpi.beds) }), beds.note)} />
      <Kpi
        id="workforce"
        label={t('kpi.workforce')}
        value={staff.value ?? num(kpi.workforce_per_10k, 1)}
        missing={staff.value !== undefined}
        note={gap == null
          ? join(staff.note, t('known.noThreshold', { value: num(WHO_WORKFORCE_PER_10K, 1) }))
          : join(t('kpi.who', { value: num(WHO_WORKFORCE_PER_10K, 1), status: gap < 0 ? t('kpi.short', { value: num(-gap, 1) }) : t('kpi.met') }), staff.note)}
        alert={gap != null && gap < 0}
      />
    </div>
  );
}

function Kpi({ id, label, value, note, alert, missing }: { id: string; label: string; value: string; note: string; alert?: boolean; missing?: boolean }) {
  return (
    <div className={`kpi${alert ? ' kpi-alert' : ''}${missing ? ' kpi-missing' : ''}`} data-kpi={id}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={`kpi-${id}`}>{value}</div>
      <div className="kpi-note" data-testid={`kpi-${id}-note`}>{alert && <span aria-hidden="true">▼ </span>}{note}</div>
    </div>
  );
}
