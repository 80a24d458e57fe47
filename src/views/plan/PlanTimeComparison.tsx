import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { ReachRow } from '../../metrics/reachByTime';
import type { PlanTimeState } from '../../state/usePlanTravelTime';
import { share, signed } from './planFormat';
import type { PlanScenario } from './planScenarios';

const shareOf = (r: ReachRow | undefined) => (r && r.population > 0 ? r.within[0] / r.population : null);

/** Share of people within X minutes of travel, today beside each scenario, nationally and per district. */
export function PlanTimeComparison({ state, scenarios, active, minutes, mode }: {
  state: PlanTimeState; scenarios: readonly PlanScenario[]; active: number; minutes: number; mode: string;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  if (state.status === 'off') return null;
  const title = t('plan.time.title', { minutes: num(minutes), mode: t(mode === 'motorised' ? 'plan.time.motorised' : 'plan.time.walking') });
  if (state.status !== 'ready') {
    return (
      <Panel title={title} testId="plan-time-panel">
        {state.status === 'unavailable' && <p className="panel-status" data-testid="plan-time-unavailable">{t('plan.time.unavailable')}</p>}
        {state.status === 'loading' && <p className="panel-status" role="status">{t('plan.time.computing')}</p>}
        {state.status === 'error' && <p className="panel-error" role="alert">{t('plan.time.error', { message: state.message })}</p>}
      </Panel>
    );
  }
  const byId = state.scenarios.map((s) => new Map(s?.shares.districts.map((d) => [d.region_id, d]) ?? []));
  const cells = (today: ReachRow, pick: (k: number) => ReachRow | undefined, testId?: string) => (
    <>
      <td className="num" data-testid={testId && `${testId}-today`} data-value={shareOf(today) ?? ''}>{share(i18n, shareOf(today))}</td>
      {scenarios.map((s, k) => {
        const after = state.scenarios[k] ? pick(k) : undefined;
        const x = shareOf(after);
        return (
          <td key={s.name} className={`num${state.scenarios[k] ? '' : ' access-updating'}`} aria-busy={!state.scenarios[k]}>
            {after ? <><span data-testid={testId && `${testId}-${k}`} data-value={x ?? ''}>{share(i18n, x)}</span>
              <span className="plan-diff"> ({t('plan.unit.pts', { value: signed(i18n, 100 * ((x ?? 0) - (shareOf(today) ?? 0)), 2) })})</span></> : t('plan.compare.computing')}
          </td>
        );
      })}
    </>
  );
  const cur = state.scenarios[active];
  return (
    <Panel title={title} subtitle={t('plan.time.subtitle')} testId="plan-time-panel">
      <div className="table-scroll plan-district-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="data-table" data-testid="plan-time-table" data-ready={state.updating ? 'false' : 'true'}>
          <thead><tr><th scope="col">{t('plan.time.district')}</th><th scope="col" className="num">{t('plan.time.today')}</th>
            {scenarios.map((s) => <th key={s.name} scope="col" className="num">{s.name}</th>)}</tr></thead>
          <tbody>
            <tr className="total-row"><th scope="row">{t('plan.time.national')}</th>{cells(state.today.national, (k) => state.scenarios[k]?.shares.national, 'plan-time-national')}</tr>
            {state.today.districts.map((d) => (
              <tr key={d.region_id}><th scope="row">{i18n.region(d.region_id)}</th>{cells(d, (k) => byId[k].get(d.region_id))}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="access-note">{t('plan.time.onlyAdds')}</p>
      {cur && scenarios[active] && (
        <p className="access-note" data-testid="plan-time-incremental" data-ms={cur.computeMs} data-cells={cur.cells}>
          {t('plan.time.incremental', { name: scenarios[active].name, facilities: num(cur.added), cells: num(cur.cells), ms: num(cur.computeMs, 1), roundTrip: num(cur.roundTripMs, 0), todayMs: num(state.todayMs, 0) })}
        </p>
      )}
    </Panel>
  );
}
