import { useCallback, useMemo, useState } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { partnershipReachQuery, underservedTableSql, type PartnershipReachRow } from '../../queries/planSql';
import { useBuild } from '../../state/useBuild';
import { useQuery, type QueryState } from '../../state/useQuery';
import { PLAN_TODAY } from './planRuns';

const NEEDS = ['regions', 'facilities', 'population', 'partnerships', PLAN_TODAY] as const;
const REACH_NEEDS = [...NEEDS, 'plan_underserved', 'facility_flags'] as const;
const TOP = 15;
type Programme = 'outreach' | 'telemedicine';

/**
 * Which existing facilities would a partnership programme reach the underserved from? Ranked next to the
 * partnerships they have today (read from today's nearest distances, built by the Plan view).
 */
export function PlanPartnerships({ km, excludeFlagged }: { km: number; excludeFlagged: boolean }) {
  const { t, tx, num, pct, region } = useI18n();
  const [radius, setRadius] = useState(10);
  const [programme, setProgramme] = useState<Programme>('outreach');
  const steps = useMemo(() => [underservedTableSql(km)], [km]);
  const prep = useBuild('plan_underserved', steps, NEEDS);
  // Flagged facilities (plausibility checks) are left out unless kept.
  const reach = useQuery<PartnershipReachRow>(useMemo(() => partnershipReachQuery({ radiusKm: radius, excludeFlagged }), [radius, excludeFlagged]), REACH_NEEDS);
  const baselineFirst = prep.status === 'waiting' && prep.reason.code === 'loadingTables' && prep.reason.tables.includes(PLAN_TODAY);
  const state: QueryState<PartnershipReachRow> = baselineFirst ? { status: 'waiting', reason: { code: 'baselineFirst' } } : reach;
  // Pharmacies dispense; they are not a base for outreach or clinical training.
  const ready = state.status === 'ready' ? state.rows : null;
  const rows = useMemo(() => (ready ? ready.filter((r) => r.type !== 'pharmacy') : []), [ready]);
  const value = useCallback((r: PartnershipReachRow) => (programme === 'outreach' ? r.outreach_reach : r.catchment_reach), [programme]);
  const ranked = useMemo(() => [...rows].sort((a, b) => value(b) - value(a) || a.facility_id.localeCompare(b.facility_id)), [rows, value]);
  const top = ranked.slice(0, TOP);
  const withPartners = ranked.filter((r) => r.partnerships > 0);
  const topDecile = Math.max(1, Math.round(ranked.length / 10));
  const rankOf = new Map(ranked.map((r, k) => [r.facility_id, k + 1]));
  const partneredInDecile = withPartners.filter((r) => rankOf.get(r.facility_id)! <= topDecile).length;
  const what = programme === 'outreach'
    ? t('plan.partners.whatOutreach', { km: num(km), radius: num(radius) })
    : t('plan.partners.whatTelemedicine');
  const summary = rows.length
    ? t('plan.partners.summary', { n: num(top.filter((r) => r.partnerships > 0).length), top: num(TOP), with: num(withPartners.length), inDecile: num(partneredInDecile),
      share: pct((100 * partneredInDecile) / Math.max(1, withPartners.length), 0), chance: pct(10) })
    : '';

  return (
    <Panel title={t('plan.partners.title')} testId="plan-partnerships-panel" state={state}
      subtitle={t('plan.partners.subtitle', { what })}
      actions={<ExportMenu query={partnershipReachQuery({ radiusKm: radius, excludeFlagged })} title={t('plan.partners.exportTitle')} fileBase="plan-partnership-reach" filters={{ withinKm: km, radiusKm: radius }} />}>
      <div className="plan-row">
        <label className="picker">{t('plan.partners.programme')}
          <select value={programme} onChange={(e) => setProgramme(e.target.value as Programme)} data-testid="partner-programme">
            <option value="outreach">{t('plan.partners.outreach')}</option>
            <option value="telemedicine">{t('plan.partners.telemedicine')}</option>
          </select>
        </label>
        {programme === 'outreach' && (
          <label className="picker plan-num">{t('plan.partners.radius')}
            <input type="number" min={1} max={50} value={radius} onChange={(e) => setRadius(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 10))))} data-testid="partner-radius" />
          </label>
        )}
      </div>
      {summary && <p className="summary" data-testid="partner-summary">{summary}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="partner-table">
          <thead><tr><th>{t('plan.partners.rank')}</th><th>{t('plan.editor.facility')}</th><th>{t('plan.editor.type')}</th><th>{t('col.district')}</th><th className="num">{t('plan.partners.reached')}</th><th>{t('plan.partners.today')}</th></tr></thead>
          <tbody>{top.map((r, k) => (
            <tr key={r.facility_id}>
              <td>{num(k + 1)}</td><td>{r.name}</td><td>{tx(`ftype.${r.type}`, r.type)}</td>
              <td>{region(r.region_id, r.district)}{r.worst_fifth ? ' ▲' : ''}</td><td className="num">{num(value(r))}</td>
              <td>{r.partnerships > 0 ? `${num(r.partnerships)}: ${(r.programmes ?? '').split(', ').map((p) => tx(`programme.${p}`, p)).join(', ')}` : <span className="plan-none">{t('plan.shortage.none')}</span>}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <p className="access-note">{t('plan.partners.note', { km: num(km) })}</p>
    </Panel>
  );
}
