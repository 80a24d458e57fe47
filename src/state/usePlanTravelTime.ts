/**
 * Travel time for the Plan view, owned by the state layer. Today: one national surface per travel mode from every
 * facility, kept in the worker. A scenario: a copy of today's kept surface (a memory copy, no search) to which each
 * added facility joins by addSource, a search bounded to the cells it brings closer; only the changed cells come
 * back and are written over today's minutes (applyUpdates). Placement by minutes runs planByTime in the worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FrictionSurface, LatLonGrid } from '../metrics/frictionSurface';
import { applyUpdates, candidateCells, cellPopulation, type SurfaceUpdate } from '../metrics/planTime';
import { facilityCells, pointCells, reachShares, sampleMinutes, type TravelMode } from '../metrics/reachByTime';
import type { ScenarioEdit } from '../metrics/scenario';
import { TravelTimeClient } from '../metrics/travelTimeClient';
import { travelFacilitiesQuery, travelPointsQuery, type TravelFacilityRow, type TravelPointRow } from '../queries/travelTimeSql';
import { useQuery } from './useQuery';
import { useStable } from './useStable';
import { useFriction, useTravelLayers, useTravelTimeAvailable, type Shares, type TravelPoints } from './useTravelTime';

/** Today's kept surface in the worker, with what the scenarios and placement need on this side. */
export interface PlanSurface {
  mode: TravelMode;
  grid: LatLonGrid;
  surface: FrictionSurface;
  points: TravelPoints;
  /** Today's minutes per cell and at each population point. */
  minutes: Float32Array;
  atPoints: Float32Array;
  facilityCells: Int32Array;
  keep: string;
  computeMs: number;
}
/** A scenario's minutes at the population points, and what its incremental update cost. */
export interface ScenarioTime { atPoints: Float32Array; added: number; cells: number; computeMs: number; roundTripMs: number }
export interface PlanTimeReady { today: Shares; todayMs: number; scenarios: (ScenarioTime & { shares: Shares } | null)[]; updating: boolean; surface: PlanSurface }
export type PlanTimeState =
  | { status: 'off' }
  | { status: 'unavailable' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'ready' } & PlanTimeReady);

let client: TravelTimeClient | null = null;
const worker = () => (client ??= new TravelTimeClient());
/** Each scenario's result by its added facilities, per surface of today (dropped with it). */
const scenarioCache = new WeakMap<PlanSurface, Map<string, ScenarioTime>>();

const addsOf = (edits: readonly ScenarioEdit[]) => edits.flatMap((e) => (e.kind === 'add' ? [[e.lon, e.lat] as const] : []));

/** Today's kept surface for a mode, once the points, facilities and roads are in. */
function usePlanSurface(on: boolean, mode: TravelMode): PlanSurface | { error: string } | null {
  const points = useQuery<TravelPointRow>(on ? travelPointsQuery() : null, ['population']);
  const facilities = useQuery<TravelFacilityRow>(on ? travelFacilitiesQuery() : null, ['facilities']);
  const layers = useTravelLayers(on);
  const pts = useMemo<TravelPoints | null>(() => {
    if (points.status !== 'ready' || !points.rows.length || !('region_id' in points.rows[0])) return null;
    const r = points.rows;
    return { regionIds: r.map((p) => p.region_id), lons: Float64Array.from(r, (p) => p.lon), lats: Float64Array.from(r, (p) => p.lat), population: Float64Array.from(r, (p) => p.population) };
  }, [points]);
  const fac = facilities.status === 'ready' && (facilities.rows.length === 0 || 'lat' in facilities.rows[0]) ? facilities.rows : null;
  const friction = useFriction(pts, layers, mode);
  const [today, setToday] = useState<PlanSurface | { error: string } | null>(null);
  useEffect(() => {
    setToday(null);
    if (!friction || !pts || !fac) return;
    let live = true;
    const { grid, surface } = friction;
    const { cells } = facilityCells(grid, surface.minutesPerMetre, fac.map((f) => f.lon), fac.map((f) => f.lat));
    const keep = `plan-${mode}`;
    const t0 = performance.now();
    worker().surface({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: cells }, { keep, copyInput: true })
      .then((r) => {
        performance.measure('plan-time-today', { start: t0, end: performance.now() });
        const atPoints = sampleMinutes(grid, surface.minutesPerMetre, r.minutes, pts.lons, pts.lats);
        if (live) setToday({ mode, grid, surface, points: pts, minutes: r.minutes, atPoints, facilityCells: cells, keep, computeMs: r.computeMs });
      }, (e: Error) => live && setToday({ error: e.message }));
    return () => { live = false; };
  }, [friction, pts, fac, mode]);
  const failed = points.status === 'error' ? points.error : facilities.status === 'error' ? facilities.error : null;
  const error = typeof layers === 'string' ? layers : failed ? ('message' in failed ? failed.message : `${failed.code}: ${failed.table}`) : null;
  return error ? { error } : today;
}

/** The Plan's travel time: today's shares within `minutes` and each scenario's, updated incrementally. */
export function usePlanTravelTime(o: { enabled: boolean; mode: TravelMode; minutes: number; scenarios: readonly { name: string; edits: readonly ScenarioEdit[] }[] }): PlanTimeState {
  const available = useTravelTimeAvailable();
  const on = o.enabled && available;
  const today = usePlanSurface(on, o.mode);
  const adds = useStable(o.scenarios.map((s) => addsOf(s.edits)));
  const [runs, setRuns] = useState<{ base: PlanSurface; list: (ScenarioTime | null)[]; error?: string } | null>(null);
  useEffect(() => {
    if (!today || 'error' in today) return;
    let live = true;
    const cache = scenarioCache.get(today) ?? new Map<string, ScenarioTime>();
    scenarioCache.set(today, cache);
    (async () => {
      const list: (ScenarioTime | null)[] = adds.map((a) => cache.get(JSON.stringify(a)) ?? null);
      if (live) setRuns({ base: today, list: [...list] });
      for (let k = 0; k < adds.length && live; k++) {
        const key = JSON.stringify(adds[k]);
        if (cache.has(key)) continue;
        const { grid, surface, points } = today;
        const { cells } = facilityCells(grid, surface.minutesPerMetre, adds[k].map((x) => x[0]), adds[k].map((x) => x[1]));
        const keep = `${today.keep}-s${k}`;
        const t0 = performance.now();
        await worker().fork(today.keep, keep);
        const updates: SurfaceUpdate[] = [];
        let computeMs = 0;
        for (let i = 0; i < cells.length; i++) {
          const r = await worker().addSource(keep, cells[i], today.facilityCells.length + i);
          updates.push(r);
          computeMs += r.computeMs;
        }
        const roundTripMs = performance.now() - t0;
        performance.measure('plan-time-incremental', { start: t0, end: performance.now() });
        const minutes = applyUpdates(today.minutes, updates);
        const result = { atPoints: sampleMinutes(grid, surface.minutesPerMetre, minutes, points.lons, points.lats), added: cells.length, cells: updates.reduce((s, u) => s + u.changed.length, 0), computeMs, roundTripMs };
        cache.set(key, result);
        list[k] = result;
        if (live) setRuns({ base: today, list: [...list] });
      }
    })().catch((e: Error) => live && setRuns({ base: today, list: [], error: e.message }));
    return () => { live = false; };
  }, [today, adds]);
  return useMemo<PlanTimeState>(() => {
    if (!o.enabled) return { status: 'off' };
    if (!available) return { status: 'unavailable' };
    if (!today) return { status: 'loading' };
    if ('error' in today) return { status: 'error', message: today.error };
    if (runs?.base === today && runs.error) return { status: 'error', message: runs.error };
    const shares = (atPoints: Float32Array): Shares => reachShares(today.points.regionIds, today.points.population, atPoints, [o.minutes]);
    const list = runs?.base === today ? runs.list : adds.map(() => null);
    return {
      status: 'ready', surface: today, today: shares(today.atPoints), todayMs: today.computeMs,
      scenarios: adds.map((_, k) => (list[k] ? { ...list[k]!, shares: shares(list[k]!.atPoints) } : null)),
      updating: adds.some((_, k) => !list[k]),
    };
  }, [o.enabled, o.minutes, available, today, runs, adds]);
}

export interface TimeSite { cell: number; lon: number; lat: number; gain: number }
export interface TimePlacement { sites: TimeSite[]; before: number; after: number; candidates: number; minutes: number; computeMs: number }
export type TimePlacementState = { status: 'idle' } | { status: 'running' } | { status: 'error'; message: string } | { status: 'ready'; value: TimePlacement };

/** Greedy placement of `k` facilities by people within `minutes`, over today's surface, run when `asked.n` changes. */
export function useTimePlacement(surface: PlanSurface | null, asked: { k: number; blockKm: number; minutes: number; n: number } | null): TimePlacementState {
  const [state, setState] = useState<TimePlacementState>({ status: 'idle' });
  useEffect(() => {
    if (!asked || !surface) return setState({ status: 'idle' });
    let live = true;
    setState({ status: 'running' });
    const { grid, surface: f, points } = surface;
    const n = grid.width * grid.height;
    const people = cellPopulation(n, pointCells(grid, f.minutesPerMetre, surface.minutes, points.lons, points.lats), points.population);
    const candidates = candidateCells(grid.width, grid.height, people, asked.blockKm);
    worker().planByTime({
      surface: { width: grid.width, height: grid.height, minutesPerMetre: f.minutesPerMetre, cellSizeM: f.cellSizeM },
      population: people, existing: surface.facilityCells, candidates, count: asked.k, maxMinutes: asked.minutes,
    }).then(({ result, computeMs }) => {
      performance.measure('plan-time-placement', { start: performance.now() - computeMs, end: performance.now() });
      const sites = result.chosen.map((j, i) => {
        const cell = candidates[j];
        const [r, c] = [Math.floor(cell / grid.width), cell % grid.width];
        return { cell, lon: grid.west + (c + 0.5) * grid.cellLonDeg, lat: grid.north - (r + 0.5) * grid.cellLatDeg, gain: result.coveredAfter[i] - (i ? result.coveredAfter[i - 1] : result.coveredBefore) };
      });
      const value = { sites, before: result.coveredBefore, after: result.coveredAfter.at(-1) ?? result.coveredBefore, candidates: candidates.length, minutes: asked.minutes, computeMs };
      if (live) setState({ status: 'ready', value });
    }, (e: Error) => live && setState({ status: 'error', message: e.message }));
    return () => { live = false; };
  }, [surface, asked]);
  return state;
}

