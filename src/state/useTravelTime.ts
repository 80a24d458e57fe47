/**
 * Travel time for the Access view, owned by the state layer: once per dataset it fetches the roads and barriers,
 * builds the friction surface (1 km cells over the population's bounding box) per travel mode, runs costDistance in
 * the worker from the facilities in scope, samples the minutes at every population point and summarises them with
 * reachShares, next to the straight-line estimate for the same facilities.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEMO_DATASET } from '../data/demoManifest';
import { parseBarriers, parseRoads, type BarrierShape, type RoadLine } from '../data/travelLayers';
import { frictionSurface, type FrictionSurface, type LatLonGrid } from '../metrics/frictionSurface';
import { cellOf, facilityCells, gridAround, nearestKm, reachShares, sampleMinutes, speedsFor, straightLineMinutes, type ReachRow, type TravelMode } from '../metrics/reachByTime';
import { TravelTimeClient } from '../metrics/travelTimeClient';
import type { FacilityFilters } from '../queries/overviewSql';
import { facilitiesInScope, travelFacilitiesQuery, travelPointsQuery, type TravelFacilityRow, type TravelPointRow } from '../queries/travelTimeSql';
import { DEMO_SOURCE } from './datasetStore';
import { useDataset } from './useDataset';
import { useStable } from './useStable';
import { useQuery, type RunError } from './useQuery';

export interface TravelLayers { roads: RoadLine[]; barriers: BarrierShape[] }
export interface TravelPoints { regionIds: string[]; lons: Float64Array; lats: Float64Array; population: Float64Array }
export interface Shares { districts: ReachRow[]; national: ReachRow }
export interface TravelTimeResult {
  mode: TravelMode;
  grid: LatLonGrid;
  /** Minutes per cell (Infinity = unreached); NaN friction cells are water. */
  minutes: Float32Array;
  friction: Float32Array;
  /** 1 per cell with population points. */
  inhabited: Uint8Array;
  layers: TravelLayers;
  byTime: Shares;
  byLine: Shares;
  facilities: number;
  /** For the analyses over the same surface (useTravelAnalyses.ts): the population points and the cells' sizes. */
  points: TravelPoints;
  cellSizeM: FrictionSurface['cellSizeM'];
  /** Worker round trip and search alone, ms. */
  roundTripMs: number;
  computeMs: number;
}
export type TravelTimeState =
  | { status: 'off' }
  /** This dataset has no roads or barriers: travel time cannot be computed. */
  | { status: 'unavailable' }
  | { status: 'loading'; previous: TravelTimeResult | null }
  | { status: 'error'; error: RunError }
  | { status: 'ready'; result: TravelTimeResult };

let layersPromise: Promise<TravelLayers> | null = null;
function demoLayers(): Promise<TravelLayers> {
  const fetchJson = (url: string) => fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  });
  layersPromise ??= Promise.all([fetchJson(DEMO_DATASET.roadsUrl), fetchJson(DEMO_DATASET.barriersUrl)])
    .then(([r, b]) => ({ roads: parseRoads(r), barriers: parseBarriers(b) }));
  return layersPromise;
}

let client: TravelTimeClient | null = null;
/** Finished surfaces by friction surface and facility set (both kept by identity in memos), dropped with them. */
const surfaces = new WeakMap<FrictionSurface, Map<string, Omit<TravelTimeResult, 'byLine'>>>();

/** Roads and water belong to the demo's geography: with the user's own population they would be someone else's map. */
export function useTravelTimeAvailable(): boolean {
  const { sources } = useDataset('sources');
  return sources.population === DEMO_SOURCE && Boolean(DEMO_DATASET.roadsUrl);
}

export function useTravelTime(o: { enabled: boolean; mode: TravelMode; service: string | null; filters: FacilityFilters; lineSpeedKmh: number; circuity: number }): TravelTimeState {
  const available = useTravelTimeAvailable();
  const on = o.enabled && available;
  const points = useQuery<TravelPointRow>(on ? travelPointsQuery() : null, ['population']);
  const facilities = useQuery<TravelFacilityRow>(on ? travelFacilitiesQuery() : null, ['facilities']);
  const [layers, setLayers] = useState<TravelLayers | string | null>(null);
  useEffect(() => {
    if (on) demoLayers().then(setLayers, (e: Error) => setLayers(e.message));
  }, [on]);

  const pts = useMemo(() => {
    if (points.status !== 'ready' || !points.rows.length || !('region_id' in points.rows[0])) return null;
    const r = points.rows;
    performance.mark('travel-time-points'); // read by the browser test, to say where the first switch spends its time
    return { regionIds: r.map((p) => p.region_id), lons: Float64Array.from(r, (p) => p.lon), lats: Float64Array.from(r, (p) => p.lat), population: Float64Array.from(r, (p) => p.population) };
  }, [points]);
  // One friction surface per dataset and mode, kept: switching the service, the filters or back to a mode seen before
  // only re-runs the search (or nothing, see `surfaces`).
  const frictions = useMemo(() => (pts && layers ? new Map<TravelMode, { grid: LatLonGrid; surface: FrictionSurface }>() : null), [pts, layers]);
  const friction = useMemo(() => {
    if (!frictions || !pts || !layers || typeof layers === 'string') return null;
    let f = frictions.get(o.mode);
    if (!f) {
      const grid = gridAround(pts.lons, pts.lats, 1);
      const t = performance.now();
      f = { grid, surface: frictionSurface({ grid, roads: layers.roads, barriers: layers.barriers, speedsKmh: speedsFor(o.mode) }) };
      performance.measure('travel-time-friction', { start: t, end: performance.now() });
      frictions.set(o.mode, f);
    }
    return f;
  }, [frictions, pts, layers, o.mode]);

  const [state, setState] = useState<TravelTimeState>({ status: 'off' });
  const last = useRef<TravelTimeResult | null>(null);
  const allFac = facilities.status === 'ready' && (facilities.rows.length === 0 || 'lat' in facilities.rows[0]) ? facilities.rows : null;
  const filters = useStable(o.filters);
  const fac = useMemo(() => (allFac ? facilitiesInScope(allFac, { service: o.service, filters }) : null), [allFac, o.service, filters]);
  const facArrays = useMemo(() => (fac ? { lons: fac.map((x) => x.lon), lats: fac.map((x) => x.lat) } : null), [fac]);
  // The facility set by content: the same facilities from a re-run query find their cached surface.
  const facKey = useMemo(() => (facArrays ? `${facArrays.lons.join()}|${facArrays.lats.join()}` : ''), [facArrays]);
  // Straight-line km depend on the facilities only: a change of mode or speed just rescales them.
  const lineKm = useMemo(() => {
    if (!pts || !facArrays) return null;
    const t = performance.now();
    const km = nearestKm(pts, facArrays);
    performance.measure('travel-time-line', { start: t, end: performance.now() });
    return km;
  }, [pts, facArrays]);
  const pointsError = points.status === 'error' ? points.error : null;
  const facilitiesError = facilities.status === 'error' ? facilities.error : null;
  useEffect(() => {
    if (!o.enabled) return setState({ status: 'off' });
    if (!available) return setState({ status: 'unavailable' });
    if (typeof layers === 'string') return setState({ status: 'error', error: { code: 'query', message: layers } });
    if (pointsError !== null) return setState({ status: 'error', error: pointsError });
    if (facilitiesError !== null) return setState({ status: 'error', error: facilitiesError });
    if (!friction || !pts || !facArrays || !lineKm) return setState({ status: 'loading', previous: last.current });
    let live = true;
    const { grid, surface } = friction;
    const byLine = reachShares(pts.regionIds, pts.population, straightLineMinutes(lineKm, o.lineSpeedKmh, o.circuity));
    const finish = (r: Omit<TravelTimeResult, 'byLine'>) => {
      last.current = { ...r, byLine };
      setState({ status: 'ready', result: last.current });
    };
    // The same surface again (back to a mode or service seen before, or only the straight-line speed changed).
    const cached = surfaces.get(friction.surface)?.get(facKey);
    if (cached) {
      finish(cached);
      return;
    }
    setState({ status: 'loading', previous: last.current });
    const { cells } = facilityCells(grid, surface.minutesPerMetre, facArrays.lons, facArrays.lats);
    client ??= new TravelTimeClient();
    const t0 = performance.now();
    client.surface({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: cells }, { copyInput: true })
      .then((r) => {
        const roundTripMs = performance.now() - t0;
        performance.measure('travel-time-search', { start: t0, end: performance.now() });
        const atPoints = sampleMinutes(grid, surface.minutesPerMetre, r.minutes, pts.lons, pts.lats);
        const inhabited = new Uint8Array(grid.width * grid.height);
        for (let i = 0; i < pts.lons.length; i++) {
          const cell = cellOf(grid, pts.lons[i], pts.lats[i]);
          if (cell >= 0) inhabited[cell] = 1;
        }
        const result = {
          mode: o.mode, grid, minutes: r.minutes, friction: surface.minutesPerMetre, inhabited, layers: layers as TravelLayers,
          byTime: reachShares(pts.regionIds, pts.population, atPoints), facilities: cells.length, roundTripMs, computeMs: r.computeMs,
          points: pts, cellSizeM: surface.cellSizeM,
        };
        const forSurface = surfaces.get(friction.surface) ?? new Map();
        if (forSurface.size >= 8) forSurface.delete(forSurface.keys().next().value);
        surfaces.set(friction.surface, forSurface.set(facKey, result));
        if (live) finish(result);
      }, (e: Error) => live && setState({ status: 'error', error: { code: 'query', message: e.message } }));
    return () => { live = false; };
  }, [o.enabled, o.mode, available, layers, friction, pts, facArrays, lineKm, facKey, pointsError, facilitiesError, o.lineSpeedKmh, o.circuity]);
  return state;
}
