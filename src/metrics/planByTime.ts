/**
 * Plan by time: where to add k facilities so that the most people are within X minutes of one, over the friction
 * surface. Greedy maximal covering (Church & ReVelle 1974's maximal covering location problem, solved greedily, which
 * keeps at least 1 - 1/e of the optimum because coverage is submodular; Nemhauser, Wolsey & Fisher 1978), with lazy
 * re-evaluation of the gains (Minoux 1978: a candidate's gain can only fall as others are added, so a stale gain
 * that still tops the queue once recomputed is the best). A candidate's gain is the people its own bounded search
 * (sourceSearch.ts, X minutes) reaches that are not yet within X; the chosen facility then joins the surface through
 * addSource (travelTime.ts), the incremental update that visits only the cells it brings closer.
 */
import { SourceSearch, type SurfaceInput } from './sourceSearch';
import { addSource, costDistance, type CostDistanceInput } from './travelTime';

export interface PlanByTimeInput {
  surface: SurfaceInput;
  /** People per grid cell. */
  population: Float64Array;
  /** Cells of the facilities already there. */
  existing: Int32Array;
  /** Cells where a facility may go. */
  candidates: Int32Array;
  /** How many to add. */
  count: number;
  /** People count as covered within this many minutes (inclusive). */
  maxMinutes: number;
}

export interface PlanByTimeResult {
  /** Indices into candidates, in the order chosen. */
  chosen: number[];
  /** People within maxMinutes before any addition, and after each one. */
  coveredBefore: number;
  coveredAfter: number[];
  /** Cells each addition updated (addSource's bounded search), for the record. */
  changedCells: number[];
}

export function planByTime(input: PlanByTimeInput): PlanByTimeResult {
  const { population, maxMinutes } = input;
  const search = new SourceSearch(input.surface);
  if (population.length !== search.cellCount) throw new RangeError(`population has ${population.length} cells, the grid ${search.cellCount}`);
  if (!(Number.isInteger(input.count) && input.count >= 0)) throw new RangeError(`count must be a whole number >= 0, got ${input.count}`);
  const costInput: CostDistanceInput = { ...input.surface, sources: input.existing, maxMinutes };
  // Bounded at maxMinutes: only "within X or not" matters, and the search stops there.
  const surface = costDistance(costInput);
  let covered = 0;
  for (let c = 0; c < population.length; c++) if (surface.minutes[c] <= maxMinutes) covered += population[c];
  const gainOf = (j: number) => {
    let g = 0;
    for (const c of search.from(input.candidates[j], maxMinutes, false).cells) if (!(surface.minutes[c] <= maxMinutes)) g += population[c];
    return g;
  };
  // Lazy greedy: gains start exact, then go stale (only ever too high) as facilities are added.
  const gain = Float64Array.from(input.candidates, (_, j) => gainOf(j));
  const fresh = new Int32Array(input.candidates.length).fill(0); // the round in which gain[j] was computed
  const taken = new Uint8Array(input.candidates.length);
  const out: PlanByTimeResult = { chosen: [], coveredBefore: covered, coveredAfter: [], changedCells: [] };
  for (let round = 0; round < input.count; round++) {
    let best: number;
    for (;;) {
      best = -1;
      for (let j = 0; j < gain.length; j++) if (!taken[j] && (best < 0 || gain[j] > gain[best])) best = j;
      if (best < 0 || fresh[best] === round) break;
      gain[best] = gainOf(best);
      fresh[best] = round;
    }
    if (best < 0) break;
    taken[best] = 1;
    const { changed } = addSource(surface, costInput, input.candidates[best], input.existing.length + round);
    covered += gain[best];
    out.chosen.push(best);
    out.coveredAfter.push(covered);
    out.changedCells.push(changed.length);
    // Every other candidate's gain is now stale (it may have fallen); it is recomputed when it reaches the top.
  }
  return out;
}
