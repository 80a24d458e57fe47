/**
 * Floating catchment accessibility with travel-time costs: 2SFCA (Luo & Wang 2003) and E2SFCA (Luo & Qi 2009) with the
 * catchment and the decay on minutes over the friction surface instead of straight-line km, the formula of
 * floatingCatchment (access.ts): R_j = S_j / sum_k P_k W(t_kj), A_i = sum_j R_j W(t_ij), W = 0 beyond the catchment
 * (the bound is inclusive). Each facility's catchment is one bounded search from its cell (sourceSearch.ts), so no
 * travel-time matrix is ever formed; demand is the people per grid cell.
 */
import { gaussianWeight, stepWeight, validateSteps, type Step } from './access';
import { SourceSearch, type SurfaceInput } from './sourceSearch';
import { capacityUnits, type CapacityFields, type CoverageCapacity } from './capacityCoverage';

/**
 * A facility's supply as the straight-line catchment SQL counts it (accessSql.ts CAPACITY_SQL), so the two compare:
 * a column capacity counts its reported value and adds nothing where it is not reported (a floor, as stated in the
 * view); workforce adds the cadres reported; `typed` and `facilities` are capacityUnits'.
 */
export function catchmentSupply(f: CapacityFields, capacity: CoverageCapacity): number | null {
  if (capacity === 'workforce') return f.doctors == null && f.nurses == null && f.midwives == null ? null : (f.doctors ?? 0) + (f.nurses ?? 0) + (f.midwives ?? 0);
  return capacityUnits(f, capacity);
}

export type TimeDecay = { kind: 'none' } | { kind: 'gaussian'; sigmaMinutes: number } | { kind: 'step'; steps: Step[] };

export interface TimeCatchmentInput {
  surface: SurfaceInput;
  /** People per grid cell. */
  population: Float64Array;
  /** Start cell (-1 = not on the grid, left out) and supply; a null supply adds nothing (as the SQL's floor). */
  facilities: readonly { cell: number; capacity: number | null }[];
  catchmentMinutes: number;
  /** none = 2SFCA (weight 1 within the catchment). */
  decay: TimeDecay;
}

export interface TimeCatchmentResult {
  /** Capacity per person at each cell (x 10,000 for per 10,000). */
  accessibility: Float64Array;
  /** Facilities with weighted demand in their catchment (the others reach nobody and contribute nothing). */
  withDemand: number;
}

function weightOf(decay: TimeDecay): (t: number) => number {
  if (decay.kind === 'none') return () => 1;
  if (decay.kind === 'gaussian') {
    gaussianWeight(0, decay.sigmaMinutes); // validates sigma
    return (t) => gaussianWeight(t, decay.sigmaMinutes);
  }
  validateSteps(decay.steps);
  return (t) => stepWeight(t, decay.steps);
}

export function timeCatchment(input: TimeCatchmentInput): TimeCatchmentResult {
  const w = weightOf(input.decay);
  const search = new SourceSearch(input.surface);
  if (input.population.length !== search.cellCount) throw new RangeError(`population has ${input.population.length} cells, the grid ${search.cellCount}`);
  if (!(input.catchmentMinutes >= 0)) throw new RangeError(`catchmentMinutes must be >= 0, got ${input.catchmentMinutes}`);
  // Step 1 keeps each catchment (cells and weights, concatenated) for step 2, so each facility is searched once.
  let cells = new Int32Array(1 << 16);
  let weights = new Float64Array(1 << 16);
  let used = 0;
  const spans: { start: number; end: number; r: number }[] = [];
  input.facilities.forEach((f, j) => {
    if (f.capacity != null && !(f.capacity >= 0 && Number.isFinite(f.capacity))) throw new RangeError(`capacity of facility ${j} must be a finite number >= 0 or null, got ${f.capacity}`);
    if (f.cell < 0 || !f.capacity) return;
    const c = search.from(f.cell, input.catchmentMinutes, false);
    if (used + c.cells.length > cells.length) {
      const size = Math.max(2 * cells.length, used + c.cells.length);
      const nc = new Int32Array(size); nc.set(cells.subarray(0, used)); cells = nc;
      const nw = new Float64Array(size); nw.set(weights.subarray(0, used)); weights = nw;
    }
    let demand = 0;
    const start = used;
    for (let k = 0; k < c.cells.length; k++) {
      const wt = w(c.minutes[k]);
      if (!(wt > 0)) continue;
      cells[used] = c.cells[k];
      weights[used++] = wt;
      demand += input.population[c.cells[k]] * wt;
    }
    if (demand > 0) spans.push({ start, end: used, r: f.capacity / demand });
    else used = start;
  });
  const accessibility = new Float64Array(search.cellCount);
  for (const { start, end, r } of spans) for (let k = start; k < end; k++) accessibility[cells[k]] += r * weights[k];
  return { accessibility, withDemand: spans.length };
}

export interface CatchmentRow { region_id: string; population: number; accessibility: number | null }

/** Population-weighted accessibility per district and nationally ('') from each point's cell (-1 = 0, reaches nothing). */
export function catchmentByDistrict(points: { regionIds: readonly string[]; population: ArrayLike<number>; cells: Int32Array }, accessibility: Float64Array): { districts: CatchmentRow[]; national: CatchmentRow } {
  const by = new Map<string, { p: number; pa: number }>();
  const all = { p: 0, pa: 0 };
  for (let i = 0; i < points.regionIds.length; i++) {
    let s = by.get(points.regionIds[i]);
    if (!s) by.set(points.regionIds[i], (s = { p: 0, pa: 0 }));
    const p = points.population[i];
    const a = points.cells[i] >= 0 ? accessibility[points.cells[i]] : 0;
    s.p += p; s.pa += p * a; all.p += p; all.pa += p * a;
  }
  const row = (region_id: string, s: { p: number; pa: number }): CatchmentRow => ({ region_id, population: s.p, accessibility: s.p > 0 ? s.pa / s.p : null });
  return { districts: [...by.keys()].sort().map((id) => row(id, by.get(id)!)), national: row('', all) };
}
