import { useMemo } from 'react';
import type { Query, SqlRunner } from '../../db/sqlRunner';
import type { ScenarioEdit } from '../../metrics/scenario';
import { districtPovertyQuery, facilityPointsQuery, type DistrictPovertyRow, type FacilityPoint } from '../../queries/accessViewSql';
import { runPlacement, type PlacementSite } from '../../queries/placementSql';
import {
  baselineTablesSql, districtFacilitiesQuery, districtSitesQuery, partnershipReachQuery, PLAN_BASE_NEAR, placementDistrictsQuery, planSummaryQuery, planTables,
  scenarioStepsSql, siteDistrictsQuery, underservedTableSql,
  type DistrictFacilityRow, type DistrictSiteRow, type PartnershipReachRow, type PlacementDistrictRow, type PlanDistrictRow,
} from '../../queries/planSql';
import { useBuild } from '../../state/useBuild';
import { useNeedStates, type BuiltName } from '../../state/useDataset';
import { useEngineRun, type RunState } from '../../state/useEngineRun';
import { rowsOf, useQuery, type QueryState } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { planModel, type PlanModel } from './planModel';
import { dropUnknownUpgrades, type PlanScenario, type PlanText } from './planScenarios';
import type { PlacementRequest } from './settings';

const NEEDS = ['regions', 'facilities', 'population'] as const;
const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;
/** Today's nearest distances: every scenario is an update of them. */
export const PLAN_TODAY: BuiltName = 'plan_today';

/** One run's district rows to show (the last answer while a newer run computes), its error, and how long its build took. */
export interface Shown { rows: PlanDistrictRow[] | null; updating: boolean; error: QueryState<unknown> | null; ms: number | null; state: QueryState<PlanDistrictRow> }

/**
 * Today (edits null, slot -1): every population point's nearest facility, stored once (baselineTablesSql).
 * One scenario (slot k): its facility list as a TEMP table and its nearest distances updated from today's
 * (only the new facilities are paired with points: scenarioStepsSql); it needs today's tables, so a rebuilt
 * baseline re-runs it. Then the per-district summary at `km`; moving `km` re-runs only that.
 */
function usePlanRun(slot: number, edits: readonly ScenarioEdit[] | null, km: number, active: boolean): Shown {
  const name: BuiltName = slot < 0 ? PLAN_TODAY : `plan_scenario_${slot}`;
  const stableEdits = useStable(edits);
  const steps = useMemo<Query[] | null>(() => {
    if (!active) return null;
    if (slot < 0) return baselineTablesSql();
    try {
      return scenarioStepsSql(stableEdits ?? [], slot);
    } catch {
      return null; // invalid edits never reach the link's settings (settings.ts), so this is only a guard
    }
  }, [slot, stableEdits, active]);
  const prep = useBuild(name, steps, slot < 0 ? NEEDS : [...NEEDS, PLAN_TODAY], { timing: slot < 0 ? 'plan-today' : 'plan-scenario' });
  const { near, facilities } = slot < 0 ? { facilities: 'facilities', near: PLAN_BASE_NEAR } : planTables(slot);
  const q = useMemo(() => (steps ? planSummaryQuery({ near, facilities, withinKm: km }) : null), [steps, near, facilities, km]);
  const summary = useQuery<PlanDistrictRow>(q, [...NEEDS, name]);
  const rows = rowsOf(summary);
  return {
    rows: summary.status !== 'error' && rows?.length ? rows : null,
    updating: summary.status !== 'ready' && summary.status !== 'error',
    error: summary.status === 'error' ? summary : null,
    ms: prep.status === 'ready' ? prep.ms ?? null : null,
    state: summary,
  };
}

export interface PlanData extends PlanModel {
  /** The link's scenarios once their upgrades are checked against the facility list, and a notice for each upgrade dropped. */
  scenarios: PlanScenario[];
  notices: string[];
  facilities: FacilityPoint[];
  today: Shown;
  runs: Shown[];
  /** Each district's most populous point: where a new facility goes when no place is given. */
  sites: ReadonlyMap<string, DistrictSiteRow>;
}

/** The Plan's engine work (today, then up to four scenarios: a fixed number of hooks, unused slots idle) and its model. */
export function usePlanData(s: { km: number; scenarios: PlanScenario[]; active: number }, province: string | null, t: PlanText['t']): PlanData {
  const facilitiesQ = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province: null, service: 'any' }), []), ['regions', 'facilities']);
  const facilities = useMemo(() => (facilitiesQ.status === 'ready' ? facilitiesQ.rows : []), [facilitiesQ]);
  // Scenarios reach the database only once their upgrades are checked against the facility list (unknown ids dropped with a notice).
  const linked = useStable(s.scenarios);
  const checked = useMemo(() => (facilitiesQ.status === 'ready' ? dropUnknownUpgrades(linked, new Set(facilities.map((f) => f.facility_id)), t) : null),
    [linked, facilitiesQ.status, facilities, t]);
  const scenarios = checked?.scenarios ?? linked;
  const today = usePlanRun(-1, null, s.km, true);
  const slot = (k: number) => [k, scenarios[k]?.edits ?? null, s.km, checked !== null && k < scenarios.length] as const;
  const runs = [usePlanRun(...slot(0)), usePlanRun(...slot(1)), usePlanRun(...slot(2)), usePlanRun(...slot(3))];
  const povertyQ = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province: null }), []), POVERTY_NEEDS);
  const poverty = useMemo(() => new Map(povertyQ.status === 'ready' ? povertyQ.rows.map((p) => [p.region_id, p.poverty]) : []), [povertyQ]);
  const sitesQ = useQuery<DistrictSiteRow>(useMemo(districtSitesQuery, []), ['population']);
  const sites = useMemo(() => new Map(sitesQ.status === 'ready' ? sitesQ.rows.map((x) => [x.region_id, x]) : []), [sitesQ]);
  const [r0, r1, r2, r3] = runs.map((r) => r.rows);
  const model = useMemo(() => planModel({ today: today.rows, scenarios: [r0, r1, r2, r3], poverty, province, active: s.active }),
    [today.rows, r0, r1, r2, r3, poverty, province, s.active]);
  return { ...model, scenarios, notices: checked?.notices ?? [], facilities, today, runs, sites };
}

const PLACE_NEEDS = ['population', 'facilities', 'regions', 'facility_flags'] as const;

export interface PlacementOutcome {
  request: PlacementRequest;
  sites: (PlacementSite & { region_id: string; district: string; gain: number })[];
  districts: PlacementDistrictRow[];
  ms: number;
}

async function place(db: SqlRunner, r: PlacementRequest, excludeFlagged: boolean): Promise<PlacementOutcome> {
  const start = performance.now();
  const res = await runPlacement(db, {
    excludeFlagged, k: r.k, thresholdKm: r.thresholdKm, objective: r.objective, povertyWeighted: r.povertyWeighted,
    candidates: r.gridKm > 0 ? { gridKm: r.gridKm } : 'population',
  });
  const where = new Map((await db.rows<{ id: string; region_id: string; name: string }>(siteDistrictsQuery(res.chosen))).map((x) => [x.id, x]));
  const districts = await db.rows<PlacementDistrictRow>(placementDistrictsQuery(res.sites, r.thresholdKm, r.objective));
  const gain = new Map(res.chosen.map((id, k) => [id, res.gains[k]]));
  return {
    request: r,
    sites: res.sites.map((x) => ({ ...x, region_id: where.get(x.id)?.region_id ?? '', district: where.get(x.id)?.name ?? '?', gain: gain.get(x.id) ?? 0 })),
    districts,
    ms: performance.now() - start,
  };
}

export interface Placement { placed: RunState<PlacementOutcome>; ready: boolean }

/**
 * Greedy placement of K new facilities, run on demand (`asked` counts the Run button's presses; null: not asked yet),
 * and again when the flag table or the data change. `ready`: the tables it needs are loaded.
 */
export function usePlacement(asked: { r: PlacementRequest; n: number } | null, excludeFlagged: boolean): Placement {
  const ready = useNeedStates(PLACE_NEEDS).every((x) => x.state === 'ready');
  const placed = useEngineRun<PlacementOutcome>(asked && { asked, excludeFlagged }, (db) => place(db, asked!.r, excludeFlagged), PLACE_NEEDS, { timing: 'plan-placement' });
  return { placed, ready };
}

const PARTNER_NEEDS = ['regions', 'facilities', 'population', 'partnerships', PLAN_TODAY] as const;
const REACH_NEEDS = [...PARTNER_NEEDS, 'plan_underserved', 'facility_flags'] as const;

/**
 * What a partnership programme would reach from each facility: the people beyond `km` (a table built from today's
 * nearest distances) within `radiusKm` of it, and its catchment. Flagged facilities are left out unless kept.
 */
export function usePartnershipReach(km: number, radiusKm: number, excludeFlagged: boolean): { state: QueryState<PartnershipReachRow>; query: Query } {
  const prep = useBuild('plan_underserved', useMemo(() => [underservedTableSql(km)], [km]), PARTNER_NEEDS);
  const query = useMemo(() => partnershipReachQuery({ radiusKm, excludeFlagged }), [radiusKm, excludeFlagged]);
  const reach = useQuery<PartnershipReachRow>(query, REACH_NEEDS);
  const baselineFirst = prep.status === 'waiting' && prep.reason.code === 'loadingTables' && prep.reason.tables.includes(PLAN_TODAY);
  return { state: baselineFirst ? { status: 'waiting', reason: { code: 'baselineFirst' } } : reach, query };
}

/** The facilities of a district, to pick one to upgrade (none while no district is chosen). */
export function useDistrictFacilities(district: string | null): DistrictFacilityRow[] {
  const q = useQuery<DistrictFacilityRow>(useMemo(() => districtFacilitiesQuery(district ?? ''), [district]), ['facilities']);
  return useMemo(() => (q.status === 'ready' && district ? q.rows : []), [q, district]);
}
