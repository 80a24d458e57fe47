import { useMemo, useState } from 'react';
import { FACILITY_TYPE_LABEL } from '../charts/accessMapSpec';
import { formatNumber } from '../charts/measureMeta';
import { ExportMenu } from '../components/ExportMenu';
import { Panel } from '../components/Panel';
import { partnershipReachQuery, underservedTableSql, type PartnershipReachRow } from '../queries/planSql';
import { useQuery, type QueryState } from '../state/useQuery';
import { HELD, useTableSteps } from './planSteps';

const NEEDS = ['regions', 'facilities', 'population', 'partnerships'] as const;
const TOP = 15;
type Programme = 'outreach' | 'telemedicine';

/**
 * Which existing facilities would a partnership programme reach the underserved from? Ranked next to the
 * partnerships they have today. `baseVersion` is the version of today's nearest-distance table (0: not built yet).
 */
export function PlanPartnerships({ km, baseVersion }: { km: number; baseVersion: number }) {
  const [radius, setRadius] = useState(10);
  const [programme, setProgramme] = useState<Programme>('outreach');
  const steps = useMemo(() => {
    if (baseVersion === 0) return null;
    const u = underservedTableSql(km);
    return [{ sql: `/* base v${baseVersion} */ ${u.sql}`, params: u.params }];
  }, [km, baseVersion]);
  const { state: prep, version } = useTableSteps(steps, NEEDS);
  const q = useMemo(() => (prep.status === 'ready' ? partnershipReachQuery({ radiusKm: radius, version }) : HELD), [prep.status, radius, version]);
  const reach = useQuery<PartnershipReachRow>(q, NEEDS);
  const state: QueryState<PartnershipReachRow> = baseVersion === 0 ? { status: 'waiting', reason: 'Waiting for today’s distances…' } : prep.status !== 'ready' ? (prep.status === 'error' ? prep : { status: 'loading' }) : reach;
  // Pharmacies dispense; they are not a base for outreach or clinical training.
  const rows = state.status === 'ready' ? state.rows.filter((r) => r.type !== 'pharmacy') : [];
  const value = (r: PartnershipReachRow) => (programme === 'outreach' ? r.outreach_reach : r.catchment_reach);
  const ranked = useMemo(() => [...rows].sort((a, b) => value(b) - value(a) || a.facility_id.localeCompare(b.facility_id)), [rows, programme]);
  const top = ranked.slice(0, TOP);
  const withPartners = ranked.filter((r) => r.partnerships > 0);
  const topDecile = Math.max(1, Math.round(ranked.length / 10));
  const rankOf = new Map(ranked.map((r, k) => [r.facility_id, k + 1]));
  const partneredInDecile = withPartners.filter((r) => rankOf.get(r.facility_id)! <= topDecile).length;
  const what = programme === 'outreach'
    ? `people living more than ${km} km from any facility and within ${radius} km of this one (mobile clinic outreach)`
    : `people whose nearest facility this is, in the fifth of districts with the fewest health workers per 10,000 (telemedicine or training)`;
  const summary = rows.length
    ? `${top.filter((r) => r.partnerships > 0).length} of the ${TOP} facilities where a partnership would reach the most underserved people have a partnership today. ` +
      `Of the ${formatNumber(withPartners.length)} facilities with a partnership, ${partneredInDecile} (${formatNumber((100 * partneredInDecile) / Math.max(1, withPartners.length), 0)}%) are in the top tenth by reach; by chance alone it would be about 10%.`
    : '';

  return (
    <Panel title="Partnerships: where would a programme reach the underserved?" testId="plan-partnerships-panel" state={state}
      subtitle={`Existing facilities ranked by the ${what}, next to the partnerships they have today (partnerships table, all years).`}
      actions={<ExportMenu query={partnershipReachQuery({ radiusKm: radius })} title="Partnership reach by facility" fileBase="plan-partnership-reach" filters={{ withinKm: km, radiusKm: radius }} />}>
      <div className="plan-row">
        <label className="picker">Programme
          <select value={programme} onChange={(e) => setProgramme(e.target.value as Programme)} data-testid="partner-programme">
            <option value="outreach">Mobile clinic outreach within a radius</option>
            <option value="telemedicine">Telemedicine or training (staff where workers are fewest)</option>
          </select>
        </label>
        {programme === 'outreach' && (
          <label className="picker plan-num">Outreach radius (km)
            <input type="number" min={1} max={50} value={radius} onChange={(e) => setRadius(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 10))))} data-testid="partner-radius" />
          </label>
        )}
      </div>
      {summary && <p className="summary" data-testid="partner-summary">{summary}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="partner-table">
          <thead><tr><th>Rank</th><th>Facility</th><th>Type</th><th>District</th><th className="num">Underserved people reached</th><th>Partnerships today</th></tr></thead>
          <tbody>{top.map((r, k) => (
            <tr key={r.facility_id}>
              <td>{k + 1}</td><td>{r.name}</td><td>{FACILITY_TYPE_LABEL[r.type] ?? r.type}</td>
              <td>{r.district}{r.worst_fifth ? ' ▲' : ''}</td><td className="num">{formatNumber(value(r))}</td>
              <td>{r.partnerships > 0 ? `${r.partnerships}: ${r.programmes}` : <span className="plan-none">none</span>}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <p className="access-note">Pharmacies are left out. ▲ district in the fifth with the fewest health workers per 10,000. Straight-line distances; the threshold ({km} km) is the one chosen at the top of the page.</p>
    </Panel>
  );
}
