import { useMemo } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { partnershipRanking, reachOf } from './planModel';
import { PARTNER_RADIUS, PROGRAMMES, type PlanLink, type Programme } from './settings';
import { usePartnershipReach } from './usePlanData';

const TOP = 15;

/**
 * Which existing facilities would a partnership programme reach the underserved from? Ranked next to the
 * partnerships they have today (read from today's nearest distances, built by the Plan view). The programme and the
 * outreach radius travel in the link.
 */
export function PlanPartnerships({ km, programme, radius, excludeFlagged, onChange }: {
  km: number; programme: Programme; radius: number; excludeFlagged: boolean; onChange: (patch: Partial<PlanLink>) => void;
}) {
  const { t, tx, num, pct, region } = useI18n();
  const { state, query } = usePartnershipReach(km, radius, excludeFlagged);
  const rows = state.status === 'ready' ? state.rows : null;
  const r = useMemo(() => (rows ? partnershipRanking(rows, programme, TOP) : null), [rows, programme]);
  const what = programme === 'outreach'
    ? t('plan.partners.whatOutreach', { km: num(km), radius: num(radius) })
    : t('plan.partners.whatTelemedicine');
  const summary = r?.facilities
    ? t('plan.partners.summary', { n: num(r.partneredInTop), top: num(TOP), with: num(r.partnered), inDecile: num(r.partneredInDecile),
      share: pct((100 * r.partneredInDecile) / Math.max(1, r.partnered), 0), chance: pct(10) })
    : '';

  return (
    <Panel title={t('plan.partners.title')} testId="plan-partnerships-panel" state={state}
      subtitle={t('plan.partners.subtitle', { what })}
      actions={<ExportMenu query={query} title={t('plan.partners.exportTitle')} fileBase="plan-partnership-reach" filters={{ withinKm: km, radiusKm: radius }} />}>
      <div className="plan-row">
        <label className="picker">{t('plan.partners.programme')}
          <select value={programme} onChange={(e) => onChange({ programme: e.target.value as Programme })} data-testid="partner-programme">
            {PROGRAMMES.map((p) => <option key={p} value={p}>{t(p === 'outreach' ? 'plan.partners.outreach' : 'plan.partners.telemedicine')}</option>)}
          </select>
        </label>
        {programme === 'outreach' && (
          <label className="picker plan-num">{t('plan.partners.radius')}
            <input type="number" min={PARTNER_RADIUS.min} max={PARTNER_RADIUS.max} value={radius} data-testid="partner-radius"
              onChange={(e) => onChange({ radius: Math.max(PARTNER_RADIUS.min, Math.min(PARTNER_RADIUS.max, Math.round(Number(e.target.value) || PARTNER_RADIUS.default))) })} />
          </label>
        )}
      </div>
      {summary && <p className="summary" data-testid="partner-summary">{summary}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="partner-table">
          <thead><tr><th>{t('plan.partners.rank')}</th><th>{t('plan.editor.facility')}</th><th>{t('plan.editor.type')}</th><th>{t('col.district')}</th><th className="num">{t('plan.partners.reached')}</th><th>{t('plan.partners.today')}</th></tr></thead>
          <tbody>{(r?.top ?? []).map((f, k) => (
            <tr key={f.facility_id}>
              <td>{num(k + 1)}</td><td>{f.name}</td><td>{tx(`ftype.${f.type}`, f.type)}</td>
              <td>{region(f.region_id, f.district)}{f.worst_fifth ? ' ▲' : ''}</td><td className="num">{num(reachOf(f, programme))}</td>
              <td>{f.partnerships > 0 ? `${num(f.partnerships)}: ${(f.programmes ?? '').split(', ').map((p) => tx(`programme.${p}`, p)).join(', ')}` : <span className="plan-none">{t('plan.shortage.none')}</span>}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <p className="access-note">{t('plan.partners.note', { km: num(km) })}</p>
    </Panel>
  );
}
