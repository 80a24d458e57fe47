/**
 * Where should the next K facilities go? Greedy site selection for two classic location problems, pure and exact.
 *
 * coverage (maximal covering location problem, Church & ReVelle 1974): maximise the weighted population newly
 *   within `threshold` of an open site. F(S) = sum of w_i P_i over demand reached by S and not already covered.
 *   F is monotone submodular, so greedy is within a factor 1 - 1/e (~0.632) of the optimum for every K
 *   (Nemhauser, Wolsey & Fisher 1978), and its gains never increase (diminishing returns).
 * p-median (Hakimi 1964; greedy/interchange heuristics after Teitz & Bart 1968): minimise the weighted distance
 *   sum_i w_i P_i d_i(S). The gain of a choice is the reduction of that total, see `PlacementInput.existingCost`.
 *   Greedy has NO constant-factor guarantee on the total distance itself. The reduction from the starting total
 *   is monotone submodular, so greedy is within 1 - 1/e of the best possible reduction (Cornuejols, Fisher &
 *   Nemhauser 1977) and gains never increase; the tests check both.
 *
 * Choices: ties go to the smallest candidate id (plain string order, `<`). When no remaining candidate gains
 * anything (nobody left within reach), selection STOPS: `chosen` may be shorter than k, and every gain is > 0.
 * Implementation: lazy greedy (Minoux 1978) -- exact, because submodularity makes old gains upper bounds.
 */

export type PlacementObjective = 'coverage' | 'p-median';

export interface PlacementInput {
  /** `weight` (default 1, >= 0) multiplies population, e.g. `povertyWeight(quintile)` so the poorest count more. */
  demand: { id: string; population: number; weight?: number }[];
  candidates: { id: string }[];
  /** A missing pair, or one with cost > threshold, is out of reach. */
  costs: { demand: string; candidate: string; cost: number }[];
  /** Demand ids already covered by existing facilities: they gain nothing (p-median: cost 0 unless existingCost says). */
  covered?: string[];
  k: number;
  /** cost <= threshold covers a demand point (coverage) or lets a site serve it (p-median). */
  threshold: number;
  objective: PlacementObjective;
  /**
   * Cost from a demand point to its nearest existing facility. Starting cost of point i for p-median:
   * existingCost_i when <= threshold, else `unreachedCost` (0 for ids in `covered` without an entry).
   * For coverage, existingCost_i <= threshold marks the point covered, like `covered`.
   */
  existingCost?: Record<string, number>;
  /** p-median: cost charged while no open site is within threshold; default = threshold (distance capped there). */
  unreachedCost?: number;
}

export interface PlacementResult {
  chosen: string[];
  /** gains[t]: objective gained by chosen[t] (coverage: weighted people; p-median: weighted cost reduction). */
  gains: number[];
}

/** Points per step of poverty weighting: each poorer wealth quintile counts 0.25 more. */
export const POVERTY_WEIGHT_STEP = 0.25;

/**
 * Equity weight of a person in wealth quintile q (1 = poorest, 5 = richest): 1 + (5 - q) * 0.25, so
 * q5 -> 1, q4 -> 1.25, q3 -> 1.5, q2 -> 1.75, q1 -> 2: a poorest-quintile person counts twice a richest one.
 * Why: a new site should go first where poor people lack care (distributional weighting of benefits, as in
 * equity-weighted cost-benefit analysis); linear steps keep it explainable in one sentence. The 2x ratio is a
 * policy assumption, not a published constant. Unknown quintile (null) -> 1: without wealth data nobody is up-weighted.
 */
export function povertyWeight(quintile: number | null | undefined): number {
  if (quintile === null || quintile === undefined) return 1;
  if (!Number.isInteger(quintile) || quintile < 1 || quintile > 5) throw new Error(`invalid wealth quintile: ${quintile}`);
  return 1 + (5 - quintile) * POVERTY_WEIGHT_STEP;
}

/** Greedy K-site selection; see the top of this file for guarantees and choices. */
export function placeFacilities(input: PlacementInput): PlacementResult {
  const { demand, candidates, k, threshold, objective } = input;
  if (!Number.isInteger(k) || k < 0) throw new Error(`invalid k: ${k}`);
  if (!Number.isFinite(threshold) || threshold < 0) throw new Error(`invalid threshold: ${threshold}`);
  if (objective !== 'coverage' && objective !== 'p-median') throw new Error(`unknown objective: ${String(objective)}`);

  const dIndex = new Map<string, number>();
  const mass: number[] = []; // w_i * P_i, in input order
  for (const d of demand) {
    if (!Number.isFinite(d.population) || d.population < 0) throw new Error(`invalid population for demand ${d.id}: ${d.population}`);
    const w = d.weight ?? 1;
    if (!Number.isFinite(w) || w < 0) throw new Error(`invalid weight for demand ${d.id}: ${w}`);
    if (dIndex.has(d.id)) throw new Error(`duplicate demand id: ${d.id}`);
    dIndex.set(d.id, mass.length);
    mass.push(w * d.population);
  }
  const cIndex = new Map<string, number>();
  for (const c of candidates) {
    if (cIndex.has(c.id)) throw new Error(`duplicate candidate id: ${c.id}`);
    cIndex.set(c.id, cIndex.size);
  }

  const cur = startingCosts(input, dIndex);
  const { off, di, dc } = pairsByCandidate(input, dIndex, cIndex);
  const gainOf = (j: number) => {
    let g = 0;
    for (let t = off[j]; t < off[j + 1]; t++) if (dc[t] < cur[di[t]]) g += mass[di[t]] * (cur[di[t]] - dc[t]);
    return g;
  };
  const heap = new MaxHeap(candidates.map((c, j) => ({ j, id: c.id, gain: Infinity, round: -1 })));
  const chosen: string[] = [];
  const gains: number[] = [];
  while (chosen.length < k && heap.size > 0) {
    const top = heap.pop()!;
    if (top.round !== chosen.length) {
      top.gain = gainOf(top.j); // lazy re-evaluation: old gains bound new ones from above (submodularity)
      top.round = chosen.length;
      heap.push(top);
      continue;
    }
    if (!(top.gain > 0)) break; // nobody left within reach: stop rather than propose a site that helps no one
    chosen.push(top.id);
    gains.push(top.gain);
    for (let t = off[top.j]; t < off[top.j + 1]; t++) if (dc[t] < cur[di[t]]) cur[di[t]] = dc[t];
  }
  return { chosen, gains };
}

/**
 * Pairs within the threshold as compressed rows per candidate (off[j]..off[j+1]): demand index `di` and effective
 * cost `dc` (0 for coverage). Counting-sorted by demand index, so a gain is always summed in the same order and
 * submodularity keeps old gains exact upper bounds, even in floating point; typed arrays keep 1M pairs cheap.
 */
function pairsByCandidate(input: PlacementInput, dIndex: Map<string, number>, cIndex: Map<string, number>) {
  const n = input.costs.length;
  const pi = new Int32Array(n);
  const pj = new Int32Array(n);
  const pc = new Float64Array(n);
  let m = 0;
  for (const { demand: d, candidate: c, cost } of input.costs) {
    const i = dIndex.get(d);
    if (i === undefined) throw new Error(`unknown demand id in costs: ${d}`);
    const j = cIndex.get(c);
    if (j === undefined) throw new Error(`unknown candidate id in costs: ${c}`);
    if (!Number.isFinite(cost) || cost < 0) throw new Error(`invalid cost for ${d}-${c}: ${cost}`);
    if (cost > input.threshold) continue;
    [pi[m], pj[m], pc[m]] = [i, j, input.objective === 'coverage' ? 0 : cost];
    m++;
  }
  const byDemand = countingOrder(pi, m, dIndex.size);
  const off = new Int32Array(cIndex.size + 1);
  for (let t = 0; t < m; t++) off[pj[t] + 1]++;
  for (let j = 0; j < cIndex.size; j++) off[j + 1] += off[j];
  const next = off.slice(0, cIndex.size);
  const di = new Int32Array(m);
  const dc = new Float64Array(m);
  for (const t of byDemand) {
    const at = next[pj[t]]++;
    if (at > off[pj[t]] && di[at - 1] === pi[t]) throw new Error(`duplicate pair in costs: ${input.demand[pi[t]].id}-${input.candidates[pj[t]].id}`);
    [di[at], dc[at]] = [pi[t], pc[t]];
  }
  return { off, di, dc };
}

/** Indices 0..m-1 stably sorted by key (counting sort, keys in 0..size-1). */
function countingOrder(key: Int32Array, m: number, size: number): Int32Array {
  const start = new Int32Array(size + 1);
  for (let t = 0; t < m; t++) start[key[t] + 1]++;
  for (let i = 0; i < size; i++) start[i + 1] += start[i];
  const order = new Int32Array(m);
  for (let t = 0; t < m; t++) order[start[key[t]]++] = t;
  return order;
}

/** Each demand point's cost before any new site: coverage 1 (uncovered) or 0; p-median as documented on the input. */
function startingCosts(input: PlacementInput, dIndex: Map<string, number>): number[] {
  const { threshold, objective, existingCost = {}, covered = [] } = input;
  const unreached = input.unreachedCost ?? threshold;
  if (!Number.isFinite(unreached) || unreached < threshold) throw new Error(`invalid unreachedCost: ${unreached} (must be >= threshold)`);
  const cur = new Array<number>(dIndex.size).fill(objective === 'coverage' ? 1 : unreached);
  for (const id of covered) {
    const i = dIndex.get(id);
    if (i === undefined) throw new Error(`unknown demand id in covered: ${id}`);
    cur[i] = 0;
  }
  for (const [id, e] of Object.entries(existingCost)) {
    const i = dIndex.get(id);
    if (i === undefined) throw new Error(`unknown demand id in existingCost: ${id}`);
    if (!Number.isFinite(e) || e < 0) throw new Error(`invalid existingCost for ${id}: ${e}`);
    if (objective === 'coverage') {
      if (e <= threshold) cur[i] = 0;
    } else cur[i] = e <= threshold ? e : unreached;
  }
  return cur;
}

interface Entry {
  j: number;
  id: string;
  gain: number;
  round: number;
}

/** Binary max-heap on (gain desc, id asc): the top is the best gain, ties to the smallest id. */
class MaxHeap {
  private readonly a: Entry[];
  constructor(items: Entry[]) {
    this.a = items;
    for (let t = (items.length >> 1) - 1; t >= 0; t--) this.down(t);
  }
  get size(): number {
    return this.a.length;
  }
  push(e: Entry): void {
    this.a.push(e);
    let t = this.a.length - 1;
    while (t > 0) {
      const p = (t - 1) >> 1;
      if (!before(this.a[t], this.a[p])) break;
      [this.a[t], this.a[p]] = [this.a[p], this.a[t]];
      t = p;
    }
  }
  pop(): Entry | undefined {
    const top = this.a[0];
    const last = this.a.pop();
    if (this.a.length > 0 && last) {
      this.a[0] = last;
      this.down(0);
    }
    return top;
  }
  private down(t: number): void {
    const n = this.a.length;
    for (;;) {
      const l = 2 * t + 1;
      const r = l + 1;
      let m = t;
      if (l < n && before(this.a[l], this.a[m])) m = l;
      if (r < n && before(this.a[r], this.a[m])) m = r;
      if (m === t) return;
      [this.a[t], this.a[m]] = [this.a[m], this.a[t]];
      t = m;
    }
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.gain > y.gain || (x.gain === y.gain && x.id < y.id);
}
