import { useMemo } from 'react';
import type { Query } from '../db/sqlRunner';
import type { ScenarioEdit } from '../metrics/scenario';
import { nearestTableSql, PLAN_BASE_NEAR, planSummaryQuery, planTables, type PlanDistrictRow } from '../queries/planSql';
import { scenarioTableSql } from '../queries/scenarioSql';
import { useQuery, type QueryState } from '../state/useQuery';
import { HELD, useTableSteps } from './planSteps';

const NEEDS = ['regions', 'facilities', 'population'] as const;

export interface PlanRun {
  /** Building the facility list and nearest distances (seconds). */
  prep: QueryState<never>;
  /** Per-district rows at the current threshold, once the tables are built. */
  summary: QueryState<PlanDistrictRow>;
  /** Time of the last full recomputation (scenario table + nearest distance for every point), ms. */
  ms: number | null;
  /** Finished builds so far (0 = none yet). */
  version: number;
}

/**
 * Today (edits null, slot -1) or one scenario (slot k): its facility list as a TEMP table, every population
 * point's nearest facility over it, and the per-district summary at `km`. Moving `km` re-runs only the summary.
 */
export function usePlanRun(slot: number, edits: readonly ScenarioEdit[] | null, km: number, active: boolean): PlanRun {
  const t = slot < 0 ? { facilities: 'facilities', near: PLAN_BASE_NEAR } : planTables(slot);
  const editsKey = JSON.stringify(edits);
  const steps = useMemo<Query[] | null>(() => {
    if (!active) return null;
    if (slot < 0) return [nearestTableSql('facilities', PLAN_BASE_NEAR)];
    try {
      return [scenarioTableSql(edits ?? [], { target: t.facilities }), nearestTableSql(t.facilities, t.near)];
    } catch {
      return null; // invalid edits never reach the URL (parsePlanSettings), so this is only a guard
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slot, editsKey, active]);
  const { state: prep, version, ms } = useTableSteps(steps, NEEDS, slot < 0 ? 'plan-today' : 'plan-scenario');
  const ready = prep.status === 'ready';
  const q = useMemo(() => (ready ? planSummaryQuery({ near: t.near, facilities: t.facilities, withinKm: km, version }) : HELD),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, km, version, slot]);
  const summary = useQuery<PlanDistrictRow>(q, NEEDS);
  return { prep, summary: ready ? summary : prep.status === 'error' ? prep : { status: 'loading' }, ms, version };
}
