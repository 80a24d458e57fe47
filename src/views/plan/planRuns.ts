import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import type { Query } from '../../db/sqlRunner';
import type { ScenarioEdit } from '../../metrics/scenario';
import { baselineTablesSql, PLAN_BASE_NEAR, planSummaryQuery, planTables, scenarioStepsSql, type PlanDistrictRow } from '../../queries/planSql';
import { useQuery, type QueryState } from '../../state/useQuery';
import { HELD, useTableSteps } from './planSteps';

const NEEDS = ['regions', 'facilities', 'population'] as const;

export interface PlanRun {
  /** Building the facility list and nearest distances (seconds). */
  prep: QueryState<never>;
  /** Per-district rows at the current threshold, once the tables are built. */
  summary: QueryState<PlanDistrictRow>;
  /** Time of the last build (today: nearest facility for every point; a scenario: its incremental update), ms. */
  ms: number | null;
  /** Finished builds so far (0 = none yet). */
  version: number;
}

/**
 * Today (edits null, slot -1): every population point's nearest facility, stored once (baselineTablesSql).
 * One scenario (slot k): its facility list as a TEMP table and its nearest distances updated from today's
 * (only the new facilities are paired with points: scenarioStepsSql), once today's tables exist (`baseVersion`
 * > 0; a rebuilt baseline re-runs the scenario). Then the per-district summary at `km`; moving `km` re-runs only that.
 */
export function usePlanRun(slot: number, edits: readonly ScenarioEdit[] | null, km: number, active: boolean, baseVersion = 0): PlanRun {
  const t = slot < 0 ? { facilities: 'facilities', near: PLAN_BASE_NEAR } : planTables(slot);
  const stableEdits = useStable(edits);
  const steps = useMemo<Query[] | null>(() => {
    if (!active) return null;
    if (slot < 0) return baselineTablesSql();
    if (baseVersion === 0) return null;
    try {
      const [first, ...rest] = scenarioStepsSql(stableEdits ?? [], slot);
      return [{ sql: `/* base v${baseVersion} */ ${first.sql}`, params: first.params }, ...rest];
    } catch {
      return null; // invalid edits never reach the URL (parsePlanSettings), so this is only a guard
    }
  }, [slot, stableEdits, active, baseVersion]);
  const { state: prep, version, ms } = useTableSteps(steps, NEEDS, slot < 0 ? 'plan-today' : 'plan-scenario');
  const ready = prep.status === 'ready';
  const { near, facilities } = t;
  const q = useMemo(() => (ready ? planSummaryQuery({ near, facilities, withinKm: km, version }) : HELD), [ready, near, facilities, km, version]);
  const summary = useQuery<PlanDistrictRow>(q, NEEDS);
  return { prep, summary: ready ? summary : prep.status === 'error' ? prep : { status: 'loading' }, ms, version };
}
