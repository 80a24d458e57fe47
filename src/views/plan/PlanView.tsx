import { useMemo, useState } from 'react';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { facilityFiltersOf } from '../../state/facilityFilters';
import type { ViewProps } from '../viewRegistry';
import { PlanComparison } from './PlanComparison';
import { PlanDistricts } from './PlanDistricts';
import { PlanFlagged } from './PlanFlagged';
import { planHeadline } from './planFormat';
import { PlanMap } from './PlanMap';
import { PlanPartnerships } from './PlanPartnerships';
import { PlanPlacement } from './PlanPlacement';
import { bestSitesScenario, MAX_SCENARIOS } from './planScenarios';
import { PlanScenarioEditor } from './PlanScenarioEditor';
import { PLAN_KM, PLAN_SETTINGS, placementOf, placementPatch, readPlanSettings, type PlacementRequest, type PlanLink } from './settings';
import { usePlacement, usePlanData, type PlacementOutcome } from './usePlanData';
import '../access/access.css';
import './plan.css';

/** If we open, upgrade or fund care here, how much does the gap close? And where would K new facilities help most? */
export function PlanView({ view, scope, onChange }: ViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { settings: s, notices: linkNotices } = useMemo(() => readPlanSettings(view.extra, t), [view.extra, t]);
  const { km, active } = s;
  const set = (patch: Partial<PlanLink>) => onChange({ extra: PLAN_SETTINGS.write(view.extra, patch) });
  const data = usePlanData(s, view.province, t);
  const { base, scenarios, measures, today, runs } = data;
  const notices = [...linkNotices, ...data.notices];
  const [asked, setAsked] = useState<{ r: PlacementRequest; n: number } | null>(null);
  const placement = usePlacement(asked, !s.flagged);
  const { placed } = placement;
  const proposed = placed.status === 'ready' || placed.status === 'loading' ? placed.value : undefined;

  const cur = scenarios[active];
  const curM = cur ? measures[active] : null;
  // Today's panels wait on today's run: its error, or its state until the first rows arrive.
  const todayState = today.error ?? (base ? undefined : today.state);
  const headline = planHeadline(i18n, { base, scenario: cur && curM ? { name: cur.name, m: curM } : null, worst: data.worst, km, scope, national: !view.province });
  const adopt = (o: PlacementOutcome) => {
    if (scenarios.length >= MAX_SCENARIOS) return;
    set({ scenarios: [...scenarios, bestSitesScenario(o.sites, scenarios, i18n)], active: scenarios.length });
  };
  const selectDistrict = (district: string | null) => onChange({ district });

  return (
    <>
      <p className="summary access-lead">{t('plan.lead')}</p>
      {notices.length > 0 && <div className="notice" role="alert" data-testid="plan-notices">{notices.map((n) => <p key={n}>{n}</p>)}</div>}
      <div className="view-controls">
        <label className="picker">{t('plan.kmPicker')}
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} step={1} value={km} data-testid="plan-km"
            onChange={(e) => { const x = Math.round(Number(e.target.value)); if (x >= PLAN_KM.min && x <= PLAN_KM.max) set({ km: x }); }} />
        </label>
      </div>
      {Object.values(facilityFiltersOf(view)).some(Boolean) && (
        <p className="access-note">{t('plan.filtersIgnored')}</p>
      )}
      {headline && <p className="summary" data-testid="plan-headline" aria-live="polite">{headline}</p>}

      <div className="grid-2">
        <Panel title={t('plan.scenarios.title')} subtitle={t('plan.scenarios.subtitle')} testId="plan-scenarios-panel">
          <PlanScenarioEditor scenarios={scenarios} active={active} districts={today.rows ?? []} sites={data.sites} district={view.district} km={km}
            onDistrict={selectDistrict} onScenarios={(next, a) => set({ scenarios: next, active: a })} />
        </Panel>
        <PlanMap base={base} current={curM} scenario={cur} facilities={data.facilities} proposed={proposed} km={km} selected={view.district}
          computing={runs[active]?.updating ?? false} state={todayState} onSelect={selectDistrict} />
      </div>

      <PlanComparison base={base} measures={measures} scenarios={scenarios} runs={runs} today={today} active={active} km={km} scope={scope} state={todayState} />
      {base && <PlanDistricts districts={data.districts} scenario={cur?.name ?? null} km={km} selected={view.district} onSelect={selectDistrict} />}

      <PlanFlagged included={s.flagged} onChange={(flagged) => set({ flagged })} />
      <PlanPlacement form={placementOf(s)} onForm={(p) => set(placementPatch(p))} placement={placement}
        onRun={(r) => setAsked({ r, n: (asked?.n ?? 0) + 1 })} onAdopt={adopt} />
      <PlanPartnerships km={km} programme={s.programme} radius={s.radius} excludeFlagged={!s.flagged} onChange={set} />
    </>
  );
}
