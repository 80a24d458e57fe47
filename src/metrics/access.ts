/**
 * Geographic access measures, pure and exact: distance, floating catchment accessibility, densities,
 * shortage flags and a district priority score. The SQL versions in `src/queries/accessSql.ts` are tested
 * against these functions.
 */
import {
  HPSA_HIGH_NEED_POPULATION_PER_PHYSICIAN,
  HPSA_POPULATION_PER_PHYSICIAN,
  WHO_WORKFORCE_PER_10K,
  type TravelAssumptions,
} from './accessThresholds';

/** Mean Earth radius used everywhere (km); the SQL uses the same value. */
export const EARTH_RADIUS_KM = 6371;

const RAD = Math.PI / 180;

// Haversine great-circle distance (Sinnott 1984); R = 6371 km. The SQL builders use the same formula and order.
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

// ---------------------------------------------------------------------------------------------------------------
// Distance decay

// Gaussian decay exp(-d^2 / (2 sigma^2)) (Dai 2010; pysal `access` gaussian weights).
export function gaussianWeight(d: number, sigma: number): number {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new Error(`invalid gaussianSigma: ${sigma}`);
  return Math.exp(-(d * d) / (2 * sigma * sigma));
}

export interface Step {
  upTo: number;
  weight: number;
}

// Stepwise decay of E2SFCA (Luo & Qi 2009): the weight of the first step with d <= upTo; 0 beyond the last step.
export function stepWeight(d: number, steps: readonly Step[]): number {
  for (const s of steps) if (d <= s.upTo) return s.weight;
  return 0;
}

/** Steps must be non-empty, with strictly increasing finite `upTo` and finite weights >= 0. */
export function validateSteps(steps: readonly Step[]): void {
  if (steps.length === 0) throw new Error('weights: need at least one step');
  steps.forEach((s, i) => {
    if (!Number.isFinite(s.upTo) || s.upTo < 0) throw new Error(`invalid step upTo: ${s.upTo}`);
    if (!Number.isFinite(s.weight) || s.weight < 0) throw new Error(`invalid step weight: ${s.weight}`);
    if (i > 0 && s.upTo <= steps[i - 1].upTo) throw new Error(`steps not increasing at upTo: ${s.upTo}`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Floating catchment area

export type CatchmentMethod = '2sfca' | 'e2sfca' | 'gravity';

export interface CatchmentInput {
  demand: { id: string; population: number }[];
  supply: { id: string; capacity: number }[];
  /** Travel cost per demand-supply pair; a missing pair is unreachable. */
  costs: { demand: string; supply: string; cost: number }[];
  method: CatchmentMethod;
  /** Pairs with cost <= catchment count (the bound is inclusive). Required for 2SFCA. */
  catchment?: number;
  /** Stepwise decay for E2SFCA. */
  weights?: Step[];
  /** Gaussian decay sigma for E2SFCA. */
  gaussianSigma?: number;
  /** Any other decay for E2SFCA; overrides `weights` and `gaussianSigma`. */
  decay?: (cost: number) => number;
  /** Gravity exponent: weight = cost^-beta. */
  beta?: number;
}

/**
 * Floating catchment accessibility, one formula for the three methods (Luo & Wang 2003; Luo & Qi 2009):
 *   R_j = S_j / sum_k P_k W(d_kj),   A_i = sum_j R_j W(d_ij),
 * with W(d) = 0 for a missing pair or d > catchment, and otherwise
 *   2sfca: 1 (Luo & Wang 2003, eq. 1-2);  e2sfca: step or Gaussian decay (Luo & Qi 2009, eq. 1-2);
 *   gravity: d^-beta (Luo & Wang 2003, eq. 6; Joseph & Bantock 1982).
 * A facility with no weighted demand contributes nothing (R_j is undefined; it reaches nobody with P > 0).
 * Every demand id is in the result; unreachable demand gets 0. Result is in capacity units per person.
 */
export function floatingCatchment(input: CatchmentInput): Map<string, number> {
  const weight = catchmentWeight(input);
  const population = indexById(input.demand, 'demand', (d) => d.population, 'population');
  const capacity = indexById(input.supply, 'supply', (s) => s.capacity, 'capacity');

  const pairs: { i: string; j: string; w: number }[] = [];
  const seen = new Set<string>();
  for (const { demand, supply, cost } of input.costs) {
    if (!population.has(demand)) throw new Error(`unknown demand id in costs: ${demand}`);
    if (!capacity.has(supply)) throw new Error(`unknown supply id in costs: ${supply}`);
    if (!Number.isFinite(cost) || cost < 0) throw new Error(`invalid cost for ${demand}-${supply}: ${cost}`);
    const key = JSON.stringify([demand, supply]);
    if (seen.has(key)) throw new Error(`duplicate pair in costs: ${demand}-${supply}`);
    seen.add(key);
    const w = weight(cost, demand, supply);
    if (w > 0) pairs.push({ i: demand, j: supply, w });
  }

  const weightedDemand = new Map<string, number>();
  for (const { i, j, w } of pairs) weightedDemand.set(j, (weightedDemand.get(j) ?? 0) + population.get(i)! * w);

  const access = new Map<string, number>(input.demand.map((d) => [d.id, 0]));
  for (const { i, j, w } of pairs) {
    const v = weightedDemand.get(j)!;
    if (v > 0) access.set(i, access.get(i)! + (capacity.get(j)! / v) * w);
  }
  return access;
}

/** The weight W(d) for a validated input; throws on options that do not fit the method. */
function catchmentWeight(input: CatchmentInput): (cost: number, i: string, j: string) => number {
  const { method, catchment, weights, gaussianSigma, decay, beta } = input;
  if (catchment !== undefined && !(catchment >= 0)) throw new Error(`invalid catchment: ${catchment}`);
  const within = (d: number) => catchment === undefined || d <= catchment;
  const e2Only = (name: string, v: unknown) => {
    if (v !== undefined && method !== 'e2sfca') throw new Error(`${name} applies to e2sfca only, not ${method}`);
  };
  e2Only('weights', weights);
  e2Only('gaussianSigma', gaussianSigma);
  e2Only('decay', decay);
  if (beta !== undefined && method !== 'gravity') throw new Error(`beta applies to gravity only, not ${method}`);

  switch (method) {
    case '2sfca':
      if (catchment === undefined) throw new Error('2sfca needs a catchment');
      return (d) => (within(d) ? 1 : 0);
    case 'e2sfca': {
      let f: (d: number) => number;
      if (decay) f = decay;
      else if (weights && gaussianSigma !== undefined) throw new Error('e2sfca: give weights or gaussianSigma, not both');
      else if (weights) {
        validateSteps(weights);
        f = (d) => stepWeight(d, weights);
      } else if (gaussianSigma !== undefined) {
        gaussianWeight(0, gaussianSigma); // validates sigma
        f = (d) => gaussianWeight(d, gaussianSigma);
      } else throw new Error('e2sfca needs weights, gaussianSigma or decay');
      return (d) => {
        if (!within(d)) return 0;
        const w = f(d);
        if (!Number.isFinite(w) || w < 0) throw new Error(`decay gave invalid weight ${w} at cost ${d}`);
        return w;
      };
    }
    case 'gravity': {
      if (beta === undefined || !Number.isFinite(beta) || beta < 0) throw new Error(`gravity needs beta >= 0, got: ${beta}`);
      return (d, i, j) => {
        if (!within(d)) return 0;
        if (d === 0 && beta > 0) throw new Error(`gravity needs cost > 0, got 0 for ${i}-${j}`);
        return d ** -beta;
      };
    }
    default:
      throw new Error(`unknown method: ${String(method)}`);
  }
}

function indexById<T extends { id: string }>(
  rows: readonly T[],
  side: string,
  value: (r: T) => number,
  name: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const v = value(r);
    if (!Number.isFinite(v) || v < 0) throw new Error(`invalid ${name} for ${side} ${r.id}: ${v}`);
    if (out.has(r.id)) throw new Error(`duplicate ${side} id: ${r.id}`);
    out.set(r.id, v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Travel time from straight-line distance (assumptions in accessThresholds.ts: WALKING, MOTORISED)

/** Minutes to cover a straight-line distance: km * circuity / speed. */
export function travelMinutes(straightKm: number, a: TravelAssumptions): number {
  checkTravel(a);
  if (!(straightKm >= 0)) throw new Error(`invalid distance: ${straightKm}`);
  return ((straightKm * a.circuity) / a.speedKmh) * 60;
}

/** Straight-line km reachable in `minutes`: the inverse of travelMinutes, for "share within Y minutes". */
export function reachableKm(minutes: number, a: TravelAssumptions): number {
  checkTravel(a);
  if (!(minutes >= 0)) throw new Error(`invalid minutes: ${minutes}`);
  return ((minutes / 60) * a.speedKmh) / a.circuity;
}

function checkTravel(a: TravelAssumptions): void {
  if (!(a.speedKmh > 0) || !Number.isFinite(a.speedKmh)) throw new Error(`invalid speedKmh: ${a.speedKmh}`);
  if (!(a.circuity >= 1) || !Number.isFinite(a.circuity)) throw new Error(`invalid circuity: ${a.circuity}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Densities and shortage flags

export interface RegionResources {
  population: number;
  facilities: number;
  beds: number;
  doctors: number;
  nurses: number;
  midwives: number;
}

export interface Densities {
  facilities: number | null;
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
  /** doctors + nurses + midwives, the WHO workforce threshold's numerator. */
  workforce: number | null;
}

/** Count per 10,000 people; null when the population is 0 (a rate is not defined). */
export function per10k(count: number, population: number): number | null {
  if (!Number.isFinite(count) || count < 0) throw new Error(`invalid count: ${count}`);
  if (!Number.isFinite(population) || population < 0) throw new Error(`invalid population: ${population}`);
  return population === 0 ? null : (count / population) * 10_000;
}

export function densities(r: RegionResources): Densities {
  return {
    facilities: per10k(r.facilities, r.population),
    beds: per10k(r.beds, r.population),
    doctors: per10k(r.doctors, r.population),
    nurses: per10k(r.nurses, r.population),
    midwives: per10k(r.midwives, r.population),
    workforce: per10k(r.doctors + r.nurses + r.midwives, r.population),
  };
}

// WHO Workforce 2030: shortage when doctors + nurses + midwives per 10,000 is below 44.5.
export function workforceShortage(workforcePer10k: number): boolean {
  if (!Number.isFinite(workforcePer10k) || workforcePer10k < 0) throw new Error(`invalid workforce density: ${workforcePer10k}`);
  return workforcePer10k < WHO_WORKFORCE_PER_10K;
}

/**
 * HRSA primary-care HPSA (42 CFR Part 5, App. A, Part I.A): shortage when population per FTE primary-care
 * physician is >= 3,500, or > 3,000 with unusually high need. No physician and people living there: ratio Infinity.
 */
export function hpsaShortage(
  population: number,
  physicians: number,
  highNeed = false,
): { ratio: number | null; shortage: boolean } {
  if (!Number.isFinite(population) || population < 0) throw new Error(`invalid population: ${population}`);
  if (!Number.isFinite(physicians) || physicians < 0) throw new Error(`invalid physicians: ${physicians}`);
  if (population === 0) return { ratio: null, shortage: false };
  const ratio = physicians === 0 ? Infinity : population / physicians;
  const shortage =
    ratio >= HPSA_POPULATION_PER_PHYSICIAN || (highNeed && ratio > HPSA_HIGH_NEED_POPULATION_PER_PHYSICIAN);
  return { ratio, shortage };
}

// ---------------------------------------------------------------------------------------------------------------
// District priority: low access and high need

export interface PriorityInput {
  id: string;
  /** Higher is better (e.g. E2SFCA accessibility, workforce per 10,000). */
  accessibility: number;
  /** Higher is worse (e.g. poverty rate); null for every district when the dataset holds no poverty figure. */
  poverty: number | null;
}

export interface Priority {
  id: string;
  /** Percentile rank of low accessibility: 1 = least access. */
  accessNeed: number;
  /** Percentile rank of poverty: 1 = poorest; null when no district has a poverty figure. */
  povertyNeed: number | null;
  /** Mean of the two, in [0, 1]; higher means go there first. */
  priority: number;
}

/**
 * Priority = mean of two percentile ranks, each (rank - 1) / (N - 1) as in the CDC/ATSDR Social Vulnerability
 * Index documentation; tied values share their average rank; a single district gets 0.5. Rank-based, so units
 * and outliers do not matter, and each criterion weighs the same. Input order is kept.
 * Absent is not zero: when no district has a poverty figure (no socio-economic table), priority is the access rank
 * alone; a mix of known and missing poverty is refused (the caller ranks only the districts with both).
 */
export function priorityScores(districts: readonly PriorityInput[]): Priority[] {
  const ids = new Set<string>();
  for (const d of districts) {
    if (ids.has(d.id)) throw new Error(`duplicate district id: ${d.id}`);
    ids.add(d.id);
    if (!Number.isFinite(d.accessibility)) throw new Error(`invalid accessibility for ${d.id}: ${d.accessibility}`);
    if (d.poverty !== null && !Number.isFinite(d.poverty)) throw new Error(`invalid poverty for ${d.id}: ${d.poverty}`);
  }
  const noPoverty = districts.every((d) => d.poverty === null);
  if (!noPoverty && districts.some((d) => d.poverty === null)) throw new Error('poverty must be given for every district or for none');
  const accessNeed = percentileRanks(districts.map((d) => -d.accessibility));
  const povertyNeed = noPoverty ? null : percentileRanks(districts.map((d) => d.poverty!));
  return districts.map((d, k) => ({
    id: d.id,
    accessNeed: accessNeed[k],
    povertyNeed: povertyNeed ? povertyNeed[k] : null,
    priority: povertyNeed ? (accessNeed[k] + povertyNeed[k]) / 2 : accessNeed[k],
  }));
}

/** (average rank - 1) / (n - 1), ascending; 0.5 for n = 1. */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [0.5];
  const order = values.map((v, k) => ({ v, k })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && order[end + 1].v === order[start].v) end++;
    const rank = (start + end) / 2 + 1; // average of 1-based ranks start+1..end+1
    for (let t = start; t <= end; t++) out[order[t].k] = (rank - 1) / (n - 1);
    start = end + 1;
  }
  return out;
}
