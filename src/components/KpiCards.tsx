import { WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import { formatNumber } from '../charts/measureMeta';
import type { KpiRow } from '../queries/overviewSql';

/** The four headline numbers, with the WHO workforce threshold beside the workforce density. */
export function KpiCards({ kpi, scope }: { kpi: KpiRow; scope: string }) {
  const gap = kpi.workforce_per_10k - WHO_WORKFORCE_PER_10K;
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi id="population" label={`Population, ${scope}`} value={formatNumber(kpi.population)} note={`${kpi.districts} districts`} />
      <Kpi id="facilities" label="Health facilities" value={formatNumber(kpi.facilities)} note={`${formatNumber(kpi.facilities_per_10k, 2)} per 10,000 people`} />
      <Kpi id="beds" label="Hospital beds per 10,000" value={formatNumber(kpi.beds_per_10k, 1)} note={`${formatNumber(kpi.beds)} beds`} />
      <Kpi
        id="workforce"
        label="Health workers per 10,000"
        value={formatNumber(kpi.workforce_per_10k, 1)}
        note={`WHO threshold: ${WHO_WORKFORCE_PER_10K} — ${gap < 0 ? `${formatNumber(-gap, 1)} short` : 'met'}`}
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
