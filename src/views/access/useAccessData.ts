import { useMemo } from 'react';
import { LOCATION_FLAGS } from '../../data/plausibilitySql';
import { useI18n } from '../../i18n/I18nContext';
import {
  catchmentPlanQuery, catchmentSummaryQuery, distanceSummaryQuery, districtPovertyQuery, facilityPointsQuery,
  type DistrictPovertyRow, type FacilityPoint,
} from '../../queries/accessViewSql';
import { chooseCatchmentPlan, type CatchmentPlan, type CatchmentPlanRow } from '../../queries/catchmentPlan';
import { flaggedFacilitiesQuery, type FlaggedFacilityRow } from '../../queries/flagsSql';
import { districtDensityQuery, type DistrictDensityRow, type FacilityFilters } from '../../queries/overviewSql';
import { rowsOf, tagOf, useQuery, type QueryState } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { accessModel, type AccessModel, type SummaryRow } from './accessModel';
import { distanceSteps, type AccessSettings } from './accessSettings';

const GEO_NEEDS = ['regions', 'facilities', 'population'] as const;
const DISTRICT_NEEDS = ['regions', 'facilities'] as const;
const FLAG_NEEDS = ['facilities', 'facility_flags'] as const;
const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;

/** A heavy run's rows on screen, what they were computed for, and whether a newer run is pending. */
export interface Shown<K> {
  rows: SummaryRow[] | null;
  key: K | null;
  updating: boolean;
}

export interface AccessData {
  steps: ReturnType<typeof distanceSteps>;
  facilities: QueryState<FacilityPoint>;
  densities: QueryState<DistrictDensityRow>;
  distance: QueryState<SummaryRow>;
  /** The catchment run, or the plan's error when the plan failed (the heavy run then never starts). */
  catchment: QueryState<SummaryRow>;
  dist: Shown<ReturnType<typeof distanceSteps>>;
  acc: Shown<CatchmentPlan>;
  /** Facilities whose location failed a plausibility check (ringed on the map; the Data view lists them). */
  misplaced: ReadonlySet<string>;
  model: AccessModel;
}

/** The Access view's queries, in the order the engine should answer them, and the figures made from their rows. */
export function useAccessData(province: string | null, filters: FacilityFilters, s: AccessSettings): AccessData {
  const { region } = useI18n();
  const facilityFilters = useStable(filters);
  const steps = useStable(distanceSteps(s));
  // Queries run one after another on the engine: the quick ones first, the heavy catchment last.
  const facilities = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province, service: s.service }), [province, s.service]), DISTRICT_NEEDS);
  const densities = useQuery<DistrictDensityRow>(useMemo(() => districtDensityQuery({ province, ...facilityFilters }), [province, facilityFilters]), DISTRICT_NEEDS);
  const poverty = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province }), [province]), POVERTY_NEEDS);
  // Runs of seconds wait until every table has loaded (each arriving table would restart them), then go one after
  // another: distance first, so its figures show before the catchment's.
  const distanceQ = useMemo(
    () => distanceSummaryQuery({ province, service: s.service, stepKm: steps.stepKm, maxSteps: steps.maxSteps }),
    [province, s.service, steps.stepKm, steps.maxSteps],
  );
  const distance = useQuery<SummaryRow, typeof steps>(distanceQ, GEO_NEEDS, { settled: true, timing: 'access-distance', tag: steps });
  // Exact or on a grid: the plan (a cheap count) decides before the heavy run, which waits for it.
  const planQ = useMemo(() => catchmentPlanQuery({ service: s.service, catchmentKm: s.catchmentKm }), [s.service, s.catchmentKm]);
  const planState = useQuery<CatchmentPlanRow>(planQ, GEO_NEEDS, { settled: true, after: distance, timing: 'access-catchment-plan' });
  const plan: CatchmentPlan | null = planState.status === 'ready' && planState.rows.length ? chooseCatchmentPlan(planState.rows) : null;
  const cellKm = plan?.cellKm ?? null;
  const catchmentQ = useMemo(
    () => catchmentSummaryQuery({ province, service: s.service, method: s.method, capacity: s.capacity, catchmentKm: s.catchmentKm, sigmaKm: s.sigmaKm, beta: s.beta, cellKm }),
    [province, s.service, s.method, s.capacity, s.catchmentKm, s.sigmaKm, s.beta, cellKm],
  );
  const catchmentRun = useQuery<SummaryRow, CatchmentPlan | null>(catchmentQ, GEO_NEEDS, { settled: true, after: planState, timing: 'access-catchment', tag: plan });
  const catchment: QueryState<SummaryRow, CatchmentPlan | null> = planState.status === 'error' ? planState : catchmentRun;
  const flagged = useQuery<FlaggedFacilityRow>(useMemo(() => flaggedFacilitiesQuery(), []), FLAG_NEEDS);

  const dist = { rows: rowsOf(distance), key: tagOf(distance), updating: distance.status !== 'ready' };
  const acc = { rows: rowsOf(catchment), key: tagOf(catchment), updating: catchment.status !== 'ready' };
  const misplaced = useMemo(() => new Set(flagged.status === 'ready'
    ? flagged.rows.filter((r) => (LOCATION_FLAGS as readonly string[]).includes(r.flag)).map((r) => r.facility_id) : []), [flagged]);
  const model = useMemo(() => accessModel({
    distance: dist.rows, distanceStepKm: dist.key?.stepKm ?? null, steps,
    densities: densities.status === 'ready' ? densities.rows : null,
    poverty: poverty.status === 'ready' ? poverty.rows : null,
    catchment: acc.rows, regionName: region,
  }), [dist.rows, dist.key, steps, densities, poverty, acc.rows, region]);
  return { steps, facilities, densities, distance, catchment, dist, acc, misplaced, model };
}
