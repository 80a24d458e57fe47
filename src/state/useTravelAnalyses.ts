/**
 * The analyses over a finished travel-time surface (issue 17), each run in a travel-time worker of their own:
 * capacity-limited coverage (AccessMod's geographic coverage), referral time from health centres to hospitals, and
 * E2SFCA / 2SFCA with travel-time costs. The surface, grid, population points and the dataset's facilities (with
 * their capacity columns) all come from useTravelTime's result, so the analyses start as soon as the surface is shown.
 */
import { useMemo } from 'react';
import { cellPopulation, coverageByDistrict, coverageCapacities, type CoverageCapacity, type CoverageOrder, type CoverageResult, type CoverageRow } from '../metrics/capacityCoverage';
import { isShown, type KnownMeasure } from '../metrics/knownShare';
import { facilityCells, pointCells } from '../metrics/reachByTime';
import { referralByDistrict, type ReferralRow } from '../metrics/referralTime';
import { catchmentByDistrict, catchmentSupply, type CatchmentRow, type TimeDecay } from '../metrics/timeCatchment';
import { TravelTimeClient } from '../metrics/travelTimeClient';
import type { FacilityFilters } from '../queries/overviewSql';
import type { AnalysisFacilityRow } from '../queries/travelAnalysesSql';
import { facilitiesInScope } from '../queries/travelTimeSql';
import { useEngineRun, type RunError, type RunState } from './useEngineRun';
import { useStable } from './useStable';
import type { TravelTimeResult } from './useTravelTime';

/** While loading, the previous answer (if any) stays shown, dimmed, as the travel-time map does. */
export type Analysis<T> = { status: 'loading'; previous?: T } | { status: 'error'; error: RunError } | { status: 'ready'; value: T };

export interface CoverageView {
  result: CoverageResult;
  districts: CoverageRow[];
  national: CoverageRow;
  /** The facilities in scope, in the order of result.facilities, with their capacity in people (null = not reported). */
  facilities: (AnalysisFacilityRow & { people: number | null })[];
  known: KnownMeasure;
  computeMs: number;
}
export type CoverageState = Analysis<CoverageView> | { status: 'unknown'; known: KnownMeasure };
export interface ReferralView { centres: AnalysisFacilityRow[]; minutes: Float32Array; hospitals: number; districts: ReferralRow[]; national: ReferralRow; computeMs: number }
export interface CatchmentView { districts: CatchmentRow[]; national: CatchmentRow; withDemand: number; facilities: number; computeMs: number }

export interface AnalysesOptions {
  service: string | null;
  filters: FacilityFilters;
  capacity: CoverageCapacity;
  order: CoverageOrder;
  coverageMinutes: number;
  catchmentMinutes: number;
  decay: TimeDecay;
}

// A worker of their own: the analyses (seconds for thousands of catchments) never queue in front of the next surface
// search, which the travel-time map waits for.
let client: TravelTimeClient | null = null;
const travelTimeClient = () => (client ??= new TravelTimeClient());
const NEEDS = ['population', 'facilities'] as const;

// Run keys are compared by their JSON: objects computed in memory (the surface, the scope) enter them by a number.
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object | null) => (o ? ids.get(o) ?? (ids.set(o, nextId++), nextId - 1) : null);

const asAnalysis = <T,>(s: RunState<T>): Analysis<T> => (s.status === 'ready' ? { status: 'ready', value: s.value }
  : s.status === 'error' ? s : { status: 'loading', previous: s.status === 'loading' ? s.value : undefined });

export function useTravelAnalyses(result: TravelTimeResult | null, o: AnalysesOptions): { coverage: CoverageState; referral: Analysis<ReferralView>; catchment: Analysis<CatchmentView> } {
  const all = result?.allFacilities ?? null;
  const filters = useStable(o.filters);
  const decay = useStable(o.decay);
  // Grid-level inputs shared by the three analyses: where each facility and each person is, people per cell.
  const base = useMemo(() => {
    if (!result || !all) return null;
    const { grid, friction, points } = result;
    const placed = facilityCells(grid, friction, all.map((f) => f.lon), all.map((f) => f.lat));
    const cellOfFacility = new Int32Array(all.length).fill(-1);
    placed.index.forEach((f, k) => { cellOfFacility[f] = placed.cells[k]; });
    const cells = pointCells(grid, friction, result.minutes, points.lons, points.lats);
    const surface = { width: grid.width, height: grid.height, minutesPerMetre: friction, cellSizeM: result.cellSizeM };
    return { surface, cellOfFacility, points: { regionIds: points.regionIds, population: points.population, cells }, population: cellPopulation(cells, points.population, grid.width * grid.height) };
  }, [result, all]);
  const scoped = useMemo(() => {
    if (!all) return null;
    const keep = new Set(facilitiesInScope(all, { service: o.service, filters }));
    return all.map((f, i) => [f, i] as const).filter(([f]) => keep.has(f));
  }, [all, o.service, filters]);
  const caps = useMemo(() => (all && scoped ? coverageCapacities(all, scoped.map(([f]) => f), o.capacity) : null), [all, scoped, o.capacity]);
  const on = base && scoped ? { base: idOf(base), scope: idOf(scoped) } : null;

  const coverage = useEngineRun<CoverageView>(on && caps && isShown(caps.known) ? { ...on, capacity: o.capacity, order: o.order, minutes: o.coverageMinutes } : null, async () => {
    const { facilities, known } = caps!;
    const r = await travelTimeClient().coverage({
      surface: base!.surface, population: base!.population, maxMinutes: o.coverageMinutes, order: o.order,
      facilities: scoped!.map(([f, i], k) => ({ cell: base!.cellOfFacility[i], capacity: facilities[k].people, type: f.type })),
    });
    const { districts, national } = coverageByDistrict(base!.points, base!.population, r.result.residual);
    return { result: r.result, districts, national, facilities, known, computeMs: r.computeMs };
  }, NEEDS, { timing: 'travel-coverage' });

  const referral = useEngineRun<ReferralView>(on, async () => {
    // Every health centre refers to the hospitals in scope (those offering the chosen service, if one is chosen).
    const centres = all!.map((f, i) => [f, i] as const).filter(([f]) => f.type === 'health_centre');
    const hospitals = scoped!.filter(([f]) => f.type === 'hospital');
    const r = await travelTimeClient().referral({ surface: base!.surface, hospitalCells: Int32Array.from(hospitals, ([, i]) => base!.cellOfFacility[i]), centreCells: Int32Array.from(centres, ([, i]) => base!.cellOfFacility[i]) });
    const { districts, national } = referralByDistrict(centres.map(([f]) => f.region_id ?? ''), r.result.minutes);
    return { centres: centres.map(([f]) => f), minutes: r.result.minutes, hospitals: hospitals.length, districts, national, computeMs: r.computeMs };
  }, NEEDS, { timing: 'travel-referral' });

  const catchment = useEngineRun<CatchmentView>(on ? { ...on, capacity: o.capacity, minutes: o.catchmentMinutes, decay } : null, async () => {
    const r = await travelTimeClient().timeCatchment({
      surface: base!.surface, population: base!.population, catchmentMinutes: o.catchmentMinutes, decay,
      facilities: scoped!.map(([f, i]) => ({ cell: base!.cellOfFacility[i], capacity: catchmentSupply(f, o.capacity) })),
    });
    const { districts, national } = catchmentByDistrict(base!.points, r.result.accessibility);
    return { districts, national, withDemand: r.result.withDemand, facilities: scoped!.length, computeMs: r.computeMs };
  }, NEEDS, { timing: 'travel-catchment' });

  const coverageState: CoverageState = caps && !isShown(caps.known) ? { status: 'unknown', known: caps.known } : asAnalysis(coverage);
  return { coverage: coverageState, referral: asAnalysis(referral), catchment: asAnalysis(catchment) };
}
