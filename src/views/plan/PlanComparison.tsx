import { errorText, Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { HPSA_POPULATION_PER_PHYSICIAN, WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import type { QueryState } from '../../state/useQuery';
import { share, signed, type Fmt } from './planFormat';
import type { PlanMeasures } from './planModel';
import type { PlanScenario } from './planScenarios';
import type { Shown } from './usePlanData';

interface Row { label: string; note?: string; value: (m: PlanMeasures) => string; diff?: (a: PlanMeasures, b: PlanMeasures) => string; testId?: string }

const compareRows = (f: Fmt, km: number): Row[] => {
  const { t, num } = f;
  return [
    { label: t('plan.row.share', { km: num(km) }), value: (m) => share(f, m.share), diff: (a, b) => t('plan.unit.pts', { value: signed(f, 100 * ((b.share ?? 0) - (a.share ?? 0)), 2) }), testId: 'share' },
    { label: t('plan.row.within', { km: num(km) }), value: (m) => num(m.within), diff: (a, b) => signed(f, b.within - a.within), testId: 'within' },
    { label: t('plan.row.meanKm'), value: (m) => t('plan.unit.km', { value: num(m.meanKm, 2) }), diff: (a, b) => t('plan.unit.km', { value: signed(f, (b.meanKm ?? 0) - (a.meanKm ?? 0), 2) }) },
    { label: t('plan.row.underHalf', { km: num(km) }), value: (m) => num(m.underHalf), diff: (a, b) => signed(f, b.underHalf - a.underHalf) },
    { label: t('plan.row.who', { who: num(WHO_WORKFORCE_PER_10K, 1) }), value: (m) => num(m.whoShortage), diff: (a, b) => signed(f, b.whoShortage - a.whoShortage) },
    { label: t('plan.row.hpsa', { n: num(HPSA_POPULATION_PER_PHYSICIAN) }), value: (m) => num(m.hpsaShortage), diff: (a, b) => signed(f, b.hpsaShortage - a.hpsaShortage) },
    { label: t('plan.row.ciShare', { km: num(km) }), note: t('plan.row.ciNote'),
      value: (m) => num(m.ciShare, 1), diff: (a, b) => signed(f, (b.ciShare ?? 0) - (a.ciShare ?? 0), 1) },
    { label: t('plan.row.ciWorkforce'), value: (m) => num(m.ciWorkforce, 1), diff: (a, b) => signed(f, (b.ciWorkforce ?? 0) - (a.ciWorkforce ?? 0), 1) },
    { label: t('plan.row.firstPriority'), value: (m) => { const d = m.districts.find((x) => x.rank === 1); return d ? f.region(d.region_id, d.name) : '–'; } },
  ];
};

/** Today beside each scenario, measure by measure, with the difference each scenario makes. */
export function PlanComparison({ base, measures, scenarios, runs, today, active, km, scope, state }: {
  base: PlanMeasures | null; measures: readonly (PlanMeasures | null)[]; scenarios: readonly PlanScenario[]; runs: readonly Shown[]; today: Shown;
  active: number; km: number; scope: string; state: QueryState<unknown> | undefined;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const cur = scenarios[active];
  const scenarioMs = runs[active]?.ms ?? null;
  return (
    <Panel title={t('plan.compare.title', { scope })} testId="plan-compare-panel" id="plan-comparison" state={state}
      subtitle={t('plan.compare.subtitle', { people: num(base?.population ?? 0) })}>
      {base && (
        <div className="table-scroll">
          <table className="data-table plan-compare" data-testid="plan-compare">
            <thead><tr><th>{t('plan.compare.measure')}</th><th className="num">{t('plan.compare.today')}</th>{scenarios.map((s, k) => <th key={s.name} className="num" data-testid={`plan-col-${k}`}>{s.name}</th>)}</tr></thead>
            <tbody>{compareRows(i18n, km).map((r) => (
              <tr key={r.label}>
                <td>{r.label}{r.note && <div className="access-note">{r.note}</div>}</td>
                <td className="num" data-testid={r.testId ? `plan-${r.testId}-today` : undefined}>{r.value(base)}</td>
                {scenarios.map((s, k) => {
                  const m = measures[k];
                  const err = runs[k].error;
                  const computing = runs[k].updating;
                  return (
                    <td key={s.name} className={`num${computing ? ' access-updating' : ''}`} aria-busy={computing}>
                      {err && err.status === 'error' ? <span role="alert">{errorText(i18n, err.error)}</span> : m ? (
                        <><span data-testid={r.testId ? `plan-${r.testId}-${k}` : undefined} data-ready={computing ? 'false' : 'true'}>{r.value(m)}</span>
                          {r.diff && <span className="plan-diff"> ({r.diff(base, m)})</span>}</>
                      ) : t('plan.compare.computing')}
                    </td>
                  );
                })}
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      <p className="access-note">
        {t('plan.compare.note', { km: num(km) })}
        {today.ms != null && ` ${cur && scenarioMs != null
          ? t('plan.compare.timeBoth', { today: num(today.ms / 1000, 1), name: cur.name, scenario: num(scenarioMs / 1000, 2) })
          : t('plan.compare.timeToday', { today: num(today.ms / 1000, 1) })}`}
      </p>
    </Panel>
  );
}
