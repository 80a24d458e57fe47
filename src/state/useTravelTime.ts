/**
 * Travel time for the Access view, owned by the state layer: once per dataset it fetches the roads and barriers,
 * builds the friction surface (1 km cells over the population's bounding box) per travel mode, runs costDistance in
 * the worker from the facilities in scope, samples the minutes at every population point and summarises them with
 * reachShares, next to the straight-line estimate for the same facilities. The facilities are read once with every
 * column the analyses need (useTravelAnalyses.ts), so the analyses start on the surface at once instead of queueing a
 * second query behind the Access view's heavy catchment queries.
 */
import { useEffect, useMemo, useState } from 'react';
import { DEMO_DATASET } from '../data/demoManifest';
import { parseBarriers, parseLandCover, parseRoads, type BarrierShape, type LandCoverArea, type RoadLine } from '../data/travelLayers';
import { frictionFromRaster, frictionSurface, latLonCellSizes, type FrictionSurface, type LatLonGrid } from '../metrics/frictionSurface';
import { cellOf, facilityCells, gridAround, nearestKm, reachShares, sampleMinutes, speedsFor, straightLineMinutes, type ReachRow, type TravelMode } from '../metrics/reachByTime';
import { TravelTimeClient } from '../metrics/travelTimeClient';
import type { FacilityFilters } from '../queries/overviewSql';
import { analysisFacilitiesQuery, type AnalysisFacilityRow } from '../queries/travelAnalysesSql';
import { facilitiesInScope, travelPointsQuery, type TravelPointRow } from '../queries/travelTimeSql';
import { DEMO_SOURCE } from './datasetStore';
import { useDataset } from './useDataset';
import { useEngineRun, type RunError } from './useEngineRun';
import { useStable } from './useStable';
import { hasUserTravelLayers, useUserTravelLayers } from './userTravelLayers';
import { useQuery } from './useQuery';

export interface TravelLayers { roads: RoadLine[]; barriers: BarrierShape[]; landCover: LandCoverArea[] }
export interface TravelPoints { regionIds: string[]; lons: Float64Array; lats: Float64Array; population: Float64Array }
export interface Shares { districts: ReachRow[]; national: ReachRow }
interface Surface {
  mode: TravelMode;
  grid: LatLonGrid;
  /** Minutes per cell (Infinity = unreached); NaN friction cells are water. */
  minutes: Float32Array;
  friction: Float32Array;
  /** 1 per cell with population points. */
  inhabited: Uint8Array;
  layers: TravelLayers;
  byTime: Shares;
  facilities: number;
  /** For the analyses over the same surface (useTravelAnalyses.ts): the population points and the cells' sizes. */
  points: TravelPoints;
  cellSizeM: FrictionSurface['cellSizeM'];
  /** Every facility of the dataset with its capacity columns (the analyses scope them themselves). */
  allFacilities: AnalysisFacilityRow[];
  /** Worker round trip and search alone, ms. */
  roundTripMs: number;
  computeMs: number;
}
export interface TravelTimeResult extends Surface { byLine: Shares }
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
  layersPromise ??= Promise.all([fetchJson(DEMO_DATASET.roadsUrl), fetchJson(DEMO_DATASET.barriersUrl), fetchJson(DEMO_DATASET.landcoverUrl)])
    .then(([r, b, l]) => ({ roads: parseRoads(r), barriers: parseBarriers(b), landCover: parseLandCover(l) }));
  return layersPromise;
}

let client: TravelTimeClient | null = null;
/** Finished surfaces by friction surface and facility set (both kept by identity in memos), dropped with them. */
const surfaces = new WeakMap<FrictionSurface, Map<string, Surface>>();
/** Passable (0) or not (NaN) per cell of a precomputed surface, derived once per surface. */
const precomputedFriction = new WeakMap<object, Float32Array>();
/** A small key for an object's identity (a friction surface, a loaded travel-time raster) in a run's key. */
const ids = new WeakMap<object, number>();
let lastId = 0;
const idOf = (o: object | null | undefined) => (o ? ids.get(o) ?? (ids.set(o, ++lastId), lastId) : 0);
const POINT_NEEDS = ['population'] as const;
const FACILITY_NEEDS = ['facilities'] as const;
const SURFACE_NEEDS = ['population', 'facilities'] as const;

/**
 * Roads and water belong to the demo's geography: with the user's own population they would be someone else's map. The
 * user's own roads, barriers or friction raster (loaded with their files) make travel time available for any population.
 */
export function useTravelTimeAvailable(): boolean {
  const { sources } = useDataset('sources');
  const user = useUserTravelLayers();
  return hasUserTravelLayers(user) || (sources.population === DEMO_SOURCE && Boolean(DEMO_DATASET.roadsUrl));
}

/** 1 for each cell holding a population point. */
function inhabitedCells(grid: LatLonGrid, pts: TravelPoints): Uint8Array {
  const inhabited = new Uint8Array(grid.width * grid.height);
  for (let i = 0; i < pts.lons.length; i++) {
    const cell = cellOf(grid, pts.lons[i], pts.lats[i]);
    if (cell >= 0) inhabited[cell] = 1;
  }
  return inhabited;
}

/** The roads, water and land cover travel time runs over: the user's, kind by kind, else the demo's (with the demo's population only). */
export function useTravelLayers(on: boolean): TravelLayers | string | null {
  const user = useUserTravelLayers();
  const { sources } = useDataset('sources');
  const demoPopulation = sources.population === DEMO_SOURCE;
  const [layers, setLayers] = useState<TravelLayers | string | null>(null);
  useEffect(() => {
    if (!on) return;
    const mine = (demo: TravelLayers) => ({ roads: user.roads?.roads ?? demo.roads, barriers: user.barriers?.barriers ?? demo.barriers, landCover: user.landCover?.areas ?? demo.landCover });
    if (demoPopulation && DEMO_DATASET.roadsUrl && !(user.roads && user.barriers && user.landCover)) demoLayers().then((d) => setLayers(mine(d)), (e: Error) => setLayers(e.message));
    else setLayers(mine({ roads: [], barriers: [], landCover: [] }));
  }, [on, user.roads, user.barriers, user.landCover, demoPopulation]);
  return layers;
}

/** The friction surface for `mode`: the user's friction GeoTIFF for it when loaded, else built from the layers. */
export function useFriction(pts: TravelPoints | null, layers: TravelLayers | string | null, mode: TravelMode): { grid: LatLonGrid; surface: FrictionSurface } | null {
  const user = useUserTravelLayers();
  // One friction surface per dataset and mode, kept: switching the service, the filters or back to a mode seen before
  // only re-runs the search (or nothing, see `surfaces`). Built as soon as points and roads are in, while the
  // facilities may still be on their way.
  const frictions = useMemo(() => (pts && layers && user.friction ? new Map<TravelMode, { grid: LatLonGrid; surface: FrictionSurface }>() : null), [pts, layers, user.friction]);
  return useMemo(() => {
    if (!frictions || !pts || !layers || typeof layers === 'string') return null;
    let f = frictions.get(mode);
    if (!f) {
      const t = performance.now();
      // A friction GeoTIFF the user loaded for this mode (or for both) is used as it is, on its own grid.
      const raster = user.friction[mode] ?? user.friction.any;
      const grid = raster?.grid ?? gridAround(pts.lons, pts.lats, 1);
      f = { grid, surface: raster ? frictionFromRaster(raster) : frictionSurface({ grid, roads: layers.roads, barriers: layers.barriers, landCover: layers.landCover, speedsKmh: speedsFor(mode) }) };
      performance.measure('travel-time-friction', { start: t, end: performance.now() });
      frictions.set(mode, f);
    }
    return f;
  }, [frictions, pts, layers, mode, user.friction]);
}

const toPoints = (r: TravelPointRow[]): TravelPoints => ({
  regionIds: r.map((p) => p.region_id), lons: Float64Array.from(r, (p) => p.lon), lats: Float64Array.from(r, (p) => p.lat), population: Float64Array.from(r, (p) => p.population),
});

export function useTravelTime(o: { enabled: boolean; mode: TravelMode; service: string | null; filters: FacilityFilters; lineSpeedKmh: number; circuity: number }): TravelTimeState {
  const available = useTravelTimeAvailable();
  const on = o.enabled && available;
  const pointsQ = useMemo(() => (on ? travelPointsQuery() : null), [on]);
  // Typed arrays straight from the run: the points are converted once per answer, not on every render.
  const points = useEngineRun<TravelPoints>(pointsQ, (db) => db.rows<TravelPointRow>(pointsQ!).then(toPoints), POINT_NEEDS, { timing: 'travel-time-points' });
  const facilities = useQuery<AnalysisFacilityRow>(useMemo(() => (on ? analysisFacilitiesQuery() : null), [on]), FACILITY_NEEDS, { timing: 'travel-time-facilities' });
  const user = useUserTravelLayers();
  const layers = useTravelLayers(on);

  const pts = points.status === 'ready' || points.status === 'loading' ? points.value ?? null : null;
  const friction = useFriction(pts, layers, o.mode);

  const allFac = facilities.status === 'ready' && (facilities.rows.length === 0 || 'facility_id' in facilities.rows[0]) ? facilities.rows : null;
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

  const pre = user.surface;
  const ready = (friction || pre) && pts && facArrays && allFac && layers && typeof layers !== 'string';
  const search = useEngineRun<Surface>(ready ? { mode: o.mode, facKey, friction: idOf(friction?.surface), pre: idOf(pre) } : null, async () => {
    if (pre) {
      // A surface computed beforehand (npm run travel-time): shown as it is, no search; cells without a time count as
      // barriers for sampling, so a point there takes its quickest neighbour, as on water.
      const frictionOf = precomputedFriction.get(pre) ?? pre.minutes.map((m) => (m === Infinity ? NaN : 0));
      precomputedFriction.set(pre, frictionOf);
      const atPoints = sampleMinutes(pre.grid, frictionOf, pre.minutes, pts!.lons, pts!.lats);
      return {
        mode: o.mode, grid: pre.grid, minutes: pre.minutes, friction: frictionOf, inhabited: inhabitedCells(pre.grid, pts!), layers: layers as TravelLayers,
        byTime: reachShares(pts!.regionIds, pts!.population, atPoints), facilities: pre.zeroCells, roundTripMs: 0, computeMs: 0,
        points: pts!, cellSizeM: latLonCellSizes(pre.grid), allFacilities: allFac!,
      };
    }
    const { grid, surface } = friction!;
    // The same surface again (back to a mode or service seen before).
    const cached = surfaces.get(surface)?.get(facKey);
    if (cached) return cached;
    const { cells } = facilityCells(grid, surface.minutesPerMetre, facArrays!.lons, facArrays!.lats);
    client ??= new TravelTimeClient();
    const t0 = performance.now();
    const r = await client.surface({ width: grid.width, height: grid.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: cells }, { copyInput: true });
    const roundTripMs = performance.now() - t0;
    performance.measure('travel-time-search', { start: t0, end: performance.now() });
    const atPoints = sampleMinutes(grid, surface.minutesPerMetre, r.minutes, pts!.lons, pts!.lats);
    const result: Surface = {
      mode: o.mode, grid, minutes: r.minutes, friction: surface.minutesPerMetre, inhabited: inhabitedCells(grid, pts!), layers: layers as TravelLayers,
      byTime: reachShares(pts!.regionIds, pts!.population, atPoints), facilities: cells.length, roundTripMs, computeMs: r.computeMs,
      points: pts!, cellSizeM: surface.cellSizeM, allFacilities: allFac!,
    };
    const forSurface = surfaces.get(surface) ?? new Map<string, Surface>();
    if (forSurface.size >= 8) forSurface.delete(forSurface.keys().next().value!);
    surfaces.set(surface, forSurface.set(facKey, result));
    return result;
  }, SURFACE_NEEDS, { timing: 'access-travel-time' });

  const shown = search.status === 'ready' || search.status === 'loading' ? search.value ?? null : null;
  const result = useMemo(() => (shown && pts && lineKm
    ? { ...shown, byLine: reachShares(pts.regionIds, pts.population, straightLineMinutes(lineKm, o.lineSpeedKmh, o.circuity)) }
    : null), [shown, pts, lineKm, o.lineSpeedKmh, o.circuity]);

  if (!o.enabled) return { status: 'off' };
  if (!available) return { status: 'unavailable' };
  if (typeof layers === 'string') return { status: 'error', error: { code: 'query', message: layers } };
  for (const s of [points, facilities, search]) if (s.status === 'error') return s;
  if (search.status === 'ready' && result) return { status: 'ready', result };
  return { status: 'loading', previous: result };
}
