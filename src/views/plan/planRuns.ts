import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import type { Query } from '../../db/sqlRunner';
import type { ScenarioEdit } from '../../metrics/scenario';
import { baselineTablesSql, PLAN_BASE_NEAR, planSummaryQuery, planTables, scenarioStepsSql, type PlanDistrictRow } from '../../queries/planSql';
import { useBuild } from '../../state/useBuild';
import type { BuiltName, Need } from '../../state/useDataset';
import type { RunState } from '../../state/useEngineRun';
import { useQuery, type QueryState } from '../../state/useQuery';

const NEEDS = ['regions', 'facilities', 'population'] as const;
/** Today's nearest distances: every scenario is an update of them. */
export const PLAN_TODAY: BuiltName = 'plan_today';

export interface PlanRun {
  /** Building the facility list and nearest distances (seconds); `ms` is how long the last build took. */
  prep: RunState<void>;
  /** Per-district rows at the current threshold, once the tables are built (the last answer kept while a new one runs). */
  summary: QueryState<PlanDistrictRow>;
}

/**
 * Today (edits null, slot -1): every population point's nearest facility, stored once (baselineTablesSql).
 * One scenario (slot k): its facility list as a TEMP table and its nearest distances updated from today's
 * (only the new facilities are paired with points: scenarioStepsSql); it needs today's tables, so a rebuilt
 * baseline re-runs it. Then the per-district summary at `km`; moving `km` re-runs only that.
 */
export function usePlanRun(slot: number, edits: readonly ScenarioEdit[] | null, km: number, active: boolean): PlanRun {
  const t = slot < 0 ? { facilities: 'facilities', near: PLAN_BASE_NEAR } : planTables(slot);
  const name: BuiltName = slot < 0 ? PLAN_TODAY : `plan_scenario_${slot}`;
  const stableEdits = useStable(edits);
  const steps = useMemo<Query[] | null>(() => {
    if (!active) return null;
    if (slot < 0) return baselineTablesSql();
    try {
      return scenarioStepsSql(stableEdits ?? [], slot);
    } catch {
      return null; // invalid edits never reach the URL (parsePlanSettings), so this is only a guard
    }
  }, [slot, stableEdits, active]);
  const needs: readonly Need[] = slot < 0 ? NEEDS : [...NEEDS, PLAN_TODAY];
  const prep = useBuild(name, steps, needs, { timing: slot < 0 ? 'plan-today' : 'plan-scenario' });
  const { near, facilities } = t;
  const q = useMemo(() => (steps ? planSummaryQuery({ near, facilities, withinKm: km }) : null), [steps, near, facilities, km]);
  const summary = useQuery<PlanDistrictRow>(q, [...NEEDS, name]);
  return { prep, summary };
}
