import { describe, expect, it } from 'vitest';
import { placeFacilities, povertyWeight, type PlacementInput, type PlacementObjective } from './placement';
import { mulberry32 } from './random';


// Greedy's bound for monotone submodular maximisation (Nemhauser, Wolsey & Fisher 1978).
const BOUND = 1 - 1 / Math.E;
const INSTANCES = 300;

/** A small random instance: up to 10 demand points, 7 candidates, sparse costs, some covered/existing. */
function randomInstance(rand: () => number, objective: PlacementObjective): PlacementInput {
  const nd = 1 + Math.floor(rand() * 10);
  const nc = 1 + Math.floor(rand() * 7);
  const demand = Array.from({ length: nd }, (_, i) => ({
    id: `d${i}`,
    population: Math.floor(rand() * 100), // integers and quarter weights: sums are exact, ties are real ties
    weight: rand() < 0.5 ? undefined : povertyWeight(1 + Math.floor(rand() * 5)),
  }));
  const candidates = Array.from({ length: nc }, (_, j) => ({ id: `c${j}` }));
  const costs = [];
  for (const d of demand) for (const c of candidates) if (rand() < 0.5) costs.push({ demand: d.id, candidate: c.id, cost: Math.round(rand() * 150) / 10 });
  const threshold = 5 + rand() * 5;
  const existingCost: Record<string, number> = {};
  const covered: string[] = [];
  for (const d of demand) {
    const u = rand();
    if (u < 0.15) covered.push(d.id);
    else if (u < 0.4) existingCost[d.id] = Math.round(rand() * 150) / 10;
  }
  return { demand, candidates, costs, covered, existingCost, k: 1 + Math.floor(rand() * 4), threshold, objective };
}

/** The objective's value for a set, computed independently of placeFacilities: weighted people or weighted cost saved. */
function value(input: PlacementInput, set: readonly string[]): number {
  const { threshold } = input;
  const unreached = input.unreachedCost ?? threshold;
  let total = 0;
  for (const d of input.demand) {
    const e = input.existingCost?.[d.id];
    const isCovered = input.covered?.includes(d.id) ?? false;
    const reach = input.costs.filter((c) => c.demand === d.id && set.includes(c.candidate) && c.cost <= threshold).map((c) => c.cost);
    const mass = d.population * (d.weight ?? 1);
    if (input.objective === 'coverage') {
      if (!isCovered && !(e !== undefined && e <= threshold) && reach.length > 0) total += mass;
    } else {
      const base = e !== undefined ? (e <= threshold ? e : unreached) : isCovered ? 0 : unreached;
      total += mass * (base - Math.min(base, ...reach));
    }
  }
  return total;
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}

function optimum(input: PlacementInput, size: number): { best: number; ids: string[] } {
  let best = -1;
  let ids: string[] = [];
  for (const s of subsets(input.candidates.map((c) => c.id), Math.min(size, input.candidates.length))) {
    const v = value(input, s);
    if (v > best) [best, ids] = [v, s]; // subsets come in lexicographic order: the first best has the smallest ids
  }
  return { best, ids };
}

const nonIncreasing = (g: number[]) => g.every((x, t) => t === 0 || x <= g[t - 1]);

describe('placeFacilities, coverage (MCLP)', () => {
  it(`K = 1 equals the brute-force optimum (value and smallest-id site), on ${INSTANCES} seeded instances`, () => {
    const rand = mulberry32(1);
    for (let n = 0; n < INSTANCES; n++) {
      const input = { ...randomInstance(rand, 'coverage'), k: 1 };
      const { chosen, gains } = placeFacilities(input);
      const opt = optimum(input, 1);
      if (opt.best > 0) {
        expect(chosen).toEqual(opt.ids);
        expect(gains[0]).toBe(opt.best);
      } else expect(chosen).toEqual([]);
    }
  });

  it(`K = 2..4 stays within 1 - 1/e of the brute-force optimum; gains never increase and sum to the value`, () => {
    const rand = mulberry32(2);
    let belowOptimum = 0;
    for (let n = 0; n < INSTANCES; n++) {
      const input = randomInstance(rand, 'coverage');
      input.k = 2 + (n % 3);
      const { chosen, gains } = placeFacilities(input);
      const got = value(input, chosen);
      const opt = optimum(input, input.k).best;
      expect(got).toBeGreaterThanOrEqual(BOUND * opt);
      expect(nonIncreasing(gains)).toBe(true);
      expect(gains.reduce((a, b) => a + b, 0)).toBe(got);
      expect(gains.every((g) => g > 0)).toBe(true);
      if (got < opt) belowOptimum++;
    }
    // The bound is not vacuous here: greedy does miss the optimum on some instances.
    expect(belowOptimum).toBeGreaterThan(0);
  });

  it('greedy misses the optimum where the bound says it may (textbook instance)', () => {
    // c0 reaches a+b (6 people), c1 a+x (5), c2 b+y (5): greedy takes c0 then c1 (8); the optimum is c1+c2 (10).
    const input: PlacementInput = {
      demand: [{ id: 'a', population: 3 }, { id: 'b', population: 3 }, { id: 'x', population: 2 }, { id: 'y', population: 2 }],
      candidates: [{ id: 'c0' }, { id: 'c1' }, { id: 'c2' }],
      costs: [
        { demand: 'a', candidate: 'c0', cost: 1 }, { demand: 'b', candidate: 'c0', cost: 1 },
        { demand: 'a', candidate: 'c1', cost: 1 }, { demand: 'x', candidate: 'c1', cost: 1 },
        { demand: 'b', candidate: 'c2', cost: 1 }, { demand: 'y', candidate: 'c2', cost: 1 },
      ],
      k: 2,
      threshold: 1,
      objective: 'coverage',
    };
    expect(placeFacilities(input)).toEqual({ chosen: ['c0', 'c1'], gains: [6, 2] });
    expect(value(input, ['c1', 'c2'])).toBe(10);
  });

  it('covered demand never counts again: same result as deleting it, and existingCost <= threshold means covered', () => {
    const rand = mulberry32(3);
    for (let n = 0; n < INSTANCES; n++) {
      const input = randomInstance(rand, 'coverage');
      const gone = new Set([...(input.covered ?? []), ...Object.entries(input.existingCost ?? {}).filter(([, e]) => e <= input.threshold).map(([id]) => id)]);
      const reduced: PlacementInput = {
        ...input,
        demand: input.demand.filter((d) => !gone.has(d.id)),
        costs: input.costs.filter((c) => !gone.has(c.demand)),
        covered: [],
        existingCost: {},
      };
      expect(placeFacilities(input)).toEqual(placeFacilities(reduced));
    }
  });

  it('poverty weights change the choice as documented: 80 of the poorest outweigh 100 of the richest', () => {
    const base = (weighted: boolean): PlacementInput => ({
      demand: [
        { id: 'rich', population: 100, weight: weighted ? povertyWeight(5) : undefined },
        { id: 'poor', population: 80, weight: weighted ? povertyWeight(1) : undefined },
      ],
      candidates: [{ id: 'A' }, { id: 'B' }],
      costs: [{ demand: 'rich', candidate: 'A', cost: 2 }, { demand: 'poor', candidate: 'B', cost: 2 }],
      k: 1,
      threshold: 5,
      objective: 'coverage',
    });
    expect(placeFacilities(base(false))).toEqual({ chosen: ['A'], gains: [100] });
    expect(placeFacilities(base(true))).toEqual({ chosen: ['B'], gains: [160] });
  });
});

describe('placeFacilities, p-median', () => {
  it(`K = 1 equals the brute-force optimum, on ${INSTANCES} seeded instances`, () => {
    const rand = mulberry32(4);
    for (let n = 0; n < INSTANCES; n++) {
      const input = { ...randomInstance(rand, 'p-median'), k: 1, unreachedCost: rand() < 0.5 ? undefined : 20 };
      const { chosen, gains } = placeFacilities(input);
      const opt = optimum(input, 1);
      if (opt.best > 0) {
        expect(chosen).toEqual(opt.ids);
        expect(gains[0]).toBeCloseTo(opt.best, 9);
      } else expect(chosen).toEqual([]);
    }
  });

  it('K = 2..4: the cost reduction is within 1 - 1/e of the best (Cornuejols et al. 1977); gains never increase; no worse than a random set', () => {
    const rand = mulberry32(5);
    for (let n = 0; n < INSTANCES; n++) {
      const input = randomInstance(rand, 'p-median');
      input.k = 2 + (n % 3);
      const { chosen, gains } = placeFacilities(input);
      const got = value(input, chosen);
      expect(got).toBeGreaterThanOrEqual(BOUND * optimum(input, input.k).best - 1e-9);
      expect(nonIncreasing(gains)).toBe(true);
      expect(gains.reduce((a, b) => a + b, 0)).toBeCloseTo(got, 9);
      // "Never worse than a random choice", in the form that is a theorem: a random K-set is at most the optimum, so
      // greedy >= (1 - 1/e) x random; and greedy >= any single site (its first pick is the best one, gains add up).
      const ids = input.candidates.map((c) => c.id).sort(() => rand() - 0.5).slice(0, input.k);
      expect(got).toBeGreaterThanOrEqual(value(input, ids) * BOUND - 1e-9);
      expect(got).toBeGreaterThanOrEqual(value(input, ids.slice(0, 1)) - 1e-9);
    }
  });

  it('gain is the reduction of weighted distance to the nearest open site, existing facilities included', () => {
    const input: PlacementInput = {
      demand: [{ id: 'x', population: 10 }, { id: 'y', population: 5, weight: 2 }],
      candidates: [{ id: 'A' }, { id: 'B' }],
      costs: [{ demand: 'x', candidate: 'A', cost: 3 }, { demand: 'y', candidate: 'B', cost: 4 }, { demand: 'y', candidate: 'A', cost: 12 }],
      existingCost: { x: 8 },
      k: 2,
      threshold: 10,
      objective: 'p-median',
    };
    // x: 10 * (8 - 3) = 50; y has nothing within 10 km so starts at the threshold: 5 * 2 * (10 - 4) = 60.
    expect(placeFacilities(input)).toEqual({ chosen: ['B', 'A'], gains: [60, 50] });
    // A stated penalty for the unreached: y starts at 25, so B gains 10 * (25 - 4) = 210. A's 12 km is out of reach.
    expect(placeFacilities({ ...input, unreachedCost: 25 })).toEqual({ chosen: ['B', 'A'], gains: [210, 50] });
    // Covered without an existing cost: assumed served (cost 0), never credited to a new site.
    expect(placeFacilities({ ...input, covered: ['y'] })).toEqual({ chosen: ['A'], gains: [50] });
  });
});

describe('placeFacilities, edge cases and errors', () => {
  const demand = [{ id: 'a', population: 10 }, { id: 'b', population: 10 }];
  const candidates = [{ id: 'x' }, { id: 'w' }, { id: 'z' }];
  const costs = [{ demand: 'a', candidate: 'x', cost: 1 }, { demand: 'a', candidate: 'w', cost: 1 }, { demand: 'b', candidate: 'z', cost: 1 }];
  const input: PlacementInput = { demand, candidates, costs, k: 5, threshold: 2, objective: 'coverage' };

  it('ties go to the smallest id (string order); stops when nothing more is gained, even with k left', () => {
    expect(placeFacilities(input)).toEqual({ chosen: ['w', 'z'], gains: [10, 10] });
    const numeric = placeFacilities({ ...input, candidates: [{ id: '9' }, { id: '10' }], costs: [{ demand: 'a', candidate: '9', cost: 0 }, { demand: 'a', candidate: '10', cost: 0 }], k: 1 });
    expect(numeric.chosen).toEqual(['10']);
  });

  it('k larger than the candidates, k = 0, no reachable demand, zero population', () => {
    expect(placeFacilities({ ...input, costs: costs.map((c) => ({ ...c, cost: 0 })), k: 99 }).chosen).toEqual(['w', 'z']);
    expect(placeFacilities({ ...input, k: 0 })).toEqual({ chosen: [], gains: [] });
    expect(placeFacilities({ ...input, costs: costs.map((c) => ({ ...c, cost: 3 })) })).toEqual({ chosen: [], gains: [] });
    expect(placeFacilities({ ...input, costs: [] , objective: 'p-median' })).toEqual({ chosen: [], gains: [] });
    expect(placeFacilities({ ...input, demand: demand.map((d) => ({ ...d, population: 0 })) })).toEqual({ chosen: [], gains: [] });
    expect(placeFacilities({ ...input, demand: [], candidates: [], costs: [] })).toEqual({ chosen: [], gains: [] });
  });

  it('bad input throws a short message naming the bad value', () => {
    expect(() => placeFacilities({ ...input, k: -1 })).toThrow('invalid k: -1');
    expect(() => placeFacilities({ ...input, k: 1.5 })).toThrow('invalid k: 1.5');
    expect(() => placeFacilities({ ...input, threshold: NaN })).toThrow('invalid threshold: NaN');
    expect(() => placeFacilities({ ...input, objective: 'median' as PlacementObjective })).toThrow('unknown objective: median');
    expect(() => placeFacilities({ ...input, demand: [{ id: 'a', population: -3 }, demand[1]] })).toThrow('invalid population for demand a: -3');
    expect(() => placeFacilities({ ...input, demand: [{ id: 'a', population: 1, weight: -1 }, demand[1]] })).toThrow('invalid weight for demand a: -1');
    expect(() => placeFacilities({ ...input, demand: [...demand, demand[0]] })).toThrow('duplicate demand id: a');
    expect(() => placeFacilities({ ...input, candidates: [...candidates, { id: 'x' }] })).toThrow('duplicate candidate id: x');
    expect(() => placeFacilities({ ...input, costs: [...costs, { demand: 'q', candidate: 'x', cost: 1 }] })).toThrow('unknown demand id in costs: q');
    expect(() => placeFacilities({ ...input, costs: [...costs, { demand: 'a', candidate: 'q', cost: 1 }] })).toThrow('unknown candidate id in costs: q');
    expect(() => placeFacilities({ ...input, costs: [...costs, { demand: 'b', candidate: 'x', cost: -1 }] })).toThrow('invalid cost for b-x: -1');
    expect(() => placeFacilities({ ...input, costs: [...costs, costs[0]] })).toThrow('duplicate pair in costs: a-x');
    expect(() => placeFacilities({ ...input, covered: ['q'] })).toThrow('unknown demand id in covered: q');
    expect(() => placeFacilities({ ...input, existingCost: { q: 1 } })).toThrow('unknown demand id in existingCost: q');
    expect(() => placeFacilities({ ...input, existingCost: { a: -2 } })).toThrow('invalid existingCost for a: -2');
    expect(() => placeFacilities({ ...input, objective: 'p-median', unreachedCost: 1 })).toThrow('invalid unreachedCost: 1 (must be >= threshold)');
  });

  it('povertyWeight: 2 for the poorest quintile down to 1 for the richest; unknown counts 1', () => {
    expect([1, 2, 3, 4, 5].map(povertyWeight)).toEqual([2, 1.75, 1.5, 1.25, 1]);
    expect(povertyWeight(null)).toBe(1);
    expect(() => povertyWeight(6)).toThrow('invalid wealth quintile: 6');
    expect(() => povertyWeight(2.5)).toThrow('invalid wealth quintile: 2.5');
  });
});
