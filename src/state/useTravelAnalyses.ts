/**
 * The analyses over a finished travel-time surface (issue 17), each run in the travel-time worker: capacity-limited
 * coverage (AccessMod's geographic coverage), referral time from health centres to hospitals, and E2SFCA / 2SFCA with
 * travel-time costs, in a second worker. The surface, grid and population points come from useTravelTime's result; the facilities with
 * their capacity columns are read once per dataset and scoped in memory, as useTravelTime does.
 */
import { useEffect, useMemo, useState } from 'react';
import { cellPopulation, coverageByDistrict, coverageCapacities, type CoverageCapacity, type CoverageOrder, type CoverageResult, type CoverageRow } from '../metrics/capacityCoverage';
import { isShown, type KnownMeasure } from '../metrics/knownShare';
import { facilityCells, pointCells } from '../metrics/reachByTime';
import { referralByDistrict, type ReferralRow } from '../metrics/referralTime';
import { catchmentByDistrict, catchmentSupply, type CatchmentRow, type TimeDecay } from '../metrics/timeCatchment';
import type { FacilityFilters } from '../queries/overviewSql';
import { analysisFacilitiesQuery, type AnalysisFacilityRow } from '../queries/travelAnalysesSql';
import { facilitiesInScope } from '../queries/travelTimeSql';
import { useQuery, type RunError } from './useQuery';
import { useStable } from './useStable';
import { TravelTimeClient } from '../metrics/travelTimeClient';
import type { TravelTimeResult } from './useTravelTime';

/** While loading, the previous answer (if any) stays shown, dimmed, as the travel-time map does. */
export type Analysis<T> = { status: 'loading'; previous?: T } | { status: 'error'; error: RunError } | { status: 'ready'; value: T };
const pending = <T,>(prev: Analysis<T> | { status: 'unknown' }): Analysis<T> => ({ status: 'loading', previous: prev.status === 'ready' ? prev.value : prev.status === 'loading' ? prev.previous : undefined });

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

const NO_FACILITIES = { sql: 'SELECT 1 AS held WHERE false', params: [] };

// A worker of their own: the analyses (seconds for thousands of catchments) never queue in front of the next surface
// search, which the travel-time map waits for.
let client: TravelTimeClient | null = null;
const travelTimeClient = () => (client ??= new TravelTimeClient());

export function useTravelAnalyses(result: TravelTimeResult | null, o: AnalysesOptions): { coverage: CoverageState; referral: Analysis<ReferralView>; catchment: Analysis<CatchmentView> } {
  const q = useQuery<AnalysisFacilityRow>(result ? analysisFacilitiesQuery() : NO_FACILITIES, ['facilities']);
  const all = q.status === 'ready' && (q.rows.length === 0 || 'facility_id' in q.rows[0]) ? q.rows : null;
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

  const [coverage, setCoverage] = useState<CoverageState>({ status: 'loading' });
  const [referral, setReferral] = useState<Analysis<ReferralView>>({ status: 'loading' });
  const [catchment, setCatchment] = useState<Analysis<CatchmentView>>({ status: 'loading' });
  const failed = q.status === 'error' ? q.error : null;

  useEffect(() => {
    if (failed) return setCoverage({ status: 'error', error: failed });
    if (!base || !scoped || !all) return setCoverage(pending);
    const { facilities, known } = coverageCapacities(all, scoped.map(([f]) => f), o.capacity);
    if (!isShown(known)) return setCoverage({ status: 'unknown', known });
    let live = true;
    setCoverage(pending);
    travelTimeClient().coverage({
      surface: base.surface, population: base.population, maxMinutes: o.coverageMinutes, order: o.order,
      facilities: scoped.map(([f, i], k) => ({ cell: base.cellOfFacility[i], capacity: facilities[k].people, type: f.type })),
    }).then((r) => {
      if (!live) return;
      const { districts, national } = coverageByDistrict(base.points, base.population, r.result.residual);
      setCoverage({ status: 'ready', value: { result: r.result, districts, national, facilities, known, computeMs: r.computeMs } });
    }, (e: Error) => live && setCoverage({ status: 'error', error: { code: 'query', message: e.message } }));
    return () => { live = false; };
  }, [base, scoped, all, failed, o.capacity, o.order, o.coverageMinutes]);

  useEffect(() => {
    if (failed) return setReferral({ status: 'error', error: failed });
    if (!base || !scoped || !all) return setReferral(pending);
    // Every health centre refers to the hospitals in scope (those offering the chosen service, if one is chosen).
    const centres = all.map((f, i) => [f, i] as const).filter(([f]) => f.type === 'health_centre');
    const hospitals = scoped.filter(([f]) => f.type === 'hospital');
    let live = true;
    setReferral(pending);
    travelTimeClient().referral({ surface: base.surface, hospitalCells: Int32Array.from(hospitals, ([, i]) => base.cellOfFacility[i]), centreCells: Int32Array.from(centres, ([, i]) => base.cellOfFacility[i]) })
      .then((r) => {
        if (!live) return;
        const { districts, national } = referralByDistrict(centres.map(([f]) => f.region_id ?? ''), r.result.minutes);
        setReferral({ status: 'ready', value: { centres: centres.map(([f]) => f), minutes: r.result.minutes, hospitals: hospitals.length, districts, national, computeMs: r.computeMs } });
      }, (e: Error) => live && setReferral({ status: 'error', error: { code: 'query', message: e.message } }));
    return () => { live = false; };
  }, [base, scoped, all, failed]);

  useEffect(() => {
    if (failed) return setCatchment({ status: 'error', error: failed });
    if (!base || !scoped) return setCatchment(pending);
    let live = true;
    setCatchment(pending);
    travelTimeClient().timeCatchment({
      surface: base.surface, population: base.population, catchmentMinutes: o.catchmentMinutes, decay,
      facilities: scoped.map(([f, i]) => ({ cell: base.cellOfFacility[i], capacity: catchmentSupply(f, o.capacity) })),
    }).then((r) => {
      if (!live) return;
      const { districts, national } = catchmentByDistrict(base.points, r.result.accessibility);
      setCatchment({ status: 'ready', value: { districts, national, withDemand: r.result.withDemand, facilities: scoped.length, computeMs: r.computeMs } });
    }, (e: Error) => live && setCatchment({ status: 'error', error: { code: 'query', message: e.message } }));
    return () => { live = false; };
  }, [base, scoped, failed, o.capacity, o.catchmentMinutes, decay]);

  return { coverage, referral, catchment };
}
