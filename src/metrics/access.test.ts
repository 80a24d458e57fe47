import { describe, expect, it } from 'vitest';
import {
  densities,
  floatingCatchment,
  gaussianWeight,
  haversineKm,
  hpsaShortage,
  per10k,
  percentileRanks,
  priorityScores,
  reachableKm,
  stepWeight,
  travelMinutes,
  workforceShortage,
  type CatchmentInput,
} from './access';
import { MOTORISED, WALKING } from './accessThresholds';
import { mulberry32 } from './random';

const close = (actual: number, expected: number, rel = 1e-4) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));


// Luo & Wang 2003, Fig. 3 (as in the R package twostepr's tests): 11 tracts and 2 doctors, distances 20 or 40.
function luoWangFig3(): CatchmentInput {
  const nearA = [1, 2, 3, 4, 6, 7, 9, 10];
  const nearB = [4, 5, 8, 11];
  const tracts = Array.from({ length: 11 }, (_, k) => String(k + 1));
  return {
    demand: tracts.map((id) => ({ id, population: 1 })),
    supply: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 1 },
    ],
    costs: tracts.flatMap((id) => [
      { demand: id, supply: 'a', cost: nearA.includes(+id) ? 20 : 40 },
      { demand: id, supply: 'b', cost: nearB.includes(+id) ? 20 : 40 },
    ]),
    method: '2sfca',
    catchment: 30,
  };
}

// Luo & Wang 2003 eq. 6, twostepr tests: 3 populations, 2 doctors, all distances 1 except population 3 to B = 2.
function gravityCase(beta: number): CatchmentInput {
  return {
    demand: ['1', '2', '3'].map((id) => ({ id, population: 1 })),
    supply: [
      { id: 'A', capacity: 1 },
      { id: 'B', capacity: 1 },
    ],
    costs: ['1', '2', '3'].flatMap((id) => [
      { demand: id, supply: 'A', cost: 1 },
      { demand: id, supply: 'B', cost: id === '3' ? 2 : 1 },
    ]),
    method: 'gravity',
    beta,
  };
}

describe('haversineKm', () => {
  it('matches Rosetta Code BNA-LAX (R = 6371 km)', () => {
    // Rosetta Code "Haversine formula": Nashville (36.12, -86.67) to Los Angeles (33.94, -118.40) = 2886.444 km.
    close(haversineKm(36.12, -86.67, 33.94, -118.4), 2886.444, 1e-6);
  });

  it('is symmetric, zero on the diagonal, and crosses the antimeridian the short way', () => {
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
    close(haversineKm(1, 2, 3, 4), haversineKm(3, 4, 1, 2), 1e-12);
    // 0.2 degrees of longitude at the equator, across 180: 6371 * 0.2 * pi / 180 km.
    close(haversineKm(0, 179.9, 0, -179.9), (6371 * 0.2 * Math.PI) / 180, 1e-9);
  });
});

describe('decay weights', () => {
  it('Gaussian sigma 20 matches pysal access docstrings', () => {
    // pysal `access` weights docstring: d = 0, 20, 40, 60 -> 1, 0.6065307, 0.1353353, 0.0111090.
    [1, 0.6065307, 0.1353353, 0.011109].forEach((w, k) => close(gaussianWeight(k * 20, 20), w, 1e-6));
  });

  it('step {20: 1, 40: 0.68, 60: 0.22} matches pysal access docstrings (bounds inclusive)', () => {
    // pysal `access` step_fn docstring (Luo & Qi 2009 weights): d = 0..70 by 10.
    const steps = [
      { upTo: 20, weight: 1 },
      { upTo: 40, weight: 0.68 },
      { upTo: 60, weight: 0.22 },
    ];
    expect([0, 10, 20, 30, 40, 50, 60, 70].map((d) => stepWeight(d, steps))).toEqual([1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
  });

  it('rejects a bad sigma', () => {
    expect(() => gaussianWeight(1, 0)).toThrow('invalid gaussianSigma: 0');
  });
});

describe('floatingCatchment', () => {
  it('2SFCA reproduces Luo & Wang 2003 Fig. 3', () => {
    const a = floatingCatchment(luoWangFig3());
    // Expected: 0.125 for tracts 1, 2, 3, 6, 7, 9, 10; 0.375 for tract 4; 0.25 for tracts 5, 8, 11.
    const expected = [0.125, 0.125, 0.125, 0.375, 0.25, 0.125, 0.125, 0.25, 0.125, 0.125, 0.25];
    expected.forEach((e, k) => close(a.get(String(k + 1))!, e));
    close([...a.values()].reduce((s, v) => s + v, 0), 2); // population 1 each: sum P_i A_i = total supply
  });

  it('gravity reproduces twostepr for beta 1 and 2', () => {
    const b1 = floatingCatchment(gravityCase(1));
    [0.733333, 0.733333, 0.533333].forEach((e, k) => close(b1.get(String(k + 1))!, e));
    const b2 = floatingCatchment(gravityCase(2));
    [0.777778, 0.777778, 0.444444].forEach((e, k) => close(b2.get(String(k + 1))!, e));
  });

  it('E2SFCA with a single step of weight 1 equals 2SFCA', () => {
    const two = floatingCatchment(luoWangFig3());
    const e2 = floatingCatchment({ ...luoWangFig3(), method: 'e2sfca', catchment: undefined, weights: [{ upTo: 30, weight: 1 }] });
    expect(e2).toEqual(two);
  });

  it('catchment bound is inclusive: cost == catchment counts', () => {
    const input = luoWangFig3();
    const at20 = floatingCatchment({ ...input, catchment: 20 });
    expect(at20).toEqual(floatingCatchment(input));
    const below = floatingCatchment({ ...input, catchment: 19.999 });
    expect([...below.values()].every((v) => v === 0)).toBe(true);
  });

  it('sum_i P_i A_i = sum_j S_j when every facility has demand in its catchment (random, seeded)', () => {
    const rand = mulberry32(20260101);
    for (let c = 0; c < 200; c++) {
      const input = randomCase(rand);
      const a = floatingCatchment(input);
      const reached = new Set<string>();
      const pop = new Map(input.demand.map((d) => [d.id, d.population]));
      const weight = (cost: number) => (input.catchment === undefined || cost <= input.catchment ? 1 : 0);
      for (const p of input.costs) if (weight(p.cost) > 0 && pop.get(p.demand)! > 0) reached.add(p.supply);
      const served = input.supply.filter((s) => reached.has(s.id)).reduce((s, f) => s + f.capacity, 0);
      const total = input.demand.reduce((s, d) => s + d.population * a.get(d.id)!, 0);
      close(total, served, 1e-9);
    }
  });

  it('gives 0 to unreachable demand and ignores facilities with no demand', () => {
    const a = floatingCatchment({
      demand: [
        { id: 'near', population: 10 },
        { id: 'far', population: 5 },
      ],
      supply: [
        { id: 'f', capacity: 2 },
        { id: 'lonely', capacity: 7 },
      ],
      costs: [
        { demand: 'near', supply: 'f', cost: 1 },
        { demand: 'far', supply: 'f', cost: 99 },
      ],
      method: '2sfca',
      catchment: 10,
    });
    expect(a).toEqual(new Map([['near', 0.2], ['far', 0]]));
  });

  it('rejects bad inputs with messages naming the value', () => {
    const base = luoWangFig3();
    const bad = (patch: Partial<CatchmentInput>) => () => floatingCatchment({ ...base, ...patch });
    expect(bad({ demand: [{ id: 'x', population: -1 }] })).toThrow('invalid population for demand x: -1');
    expect(bad({ supply: [{ id: 'a', capacity: NaN }] })).toThrow('invalid capacity for supply a: NaN');
    expect(bad({ costs: [{ demand: 'zz', supply: 'a', cost: 1 }] })).toThrow('unknown demand id in costs: zz');
    expect(bad({ costs: [{ demand: '1', supply: 'q', cost: 1 }] })).toThrow('unknown supply id in costs: q');
    expect(bad({ costs: [{ demand: '1', supply: 'a', cost: -3 }] })).toThrow('invalid cost for 1-a: -3');
    expect(bad({ costs: [base.costs[0], base.costs[0]] })).toThrow('duplicate pair in costs: 1-a');
    expect(bad({ demand: [...base.demand, base.demand[0]] })).toThrow('duplicate demand id: 1');
    expect(bad({ catchment: undefined })).toThrow('2sfca needs a catchment');
    expect(bad({ beta: 1 })).toThrow('beta applies to gravity only, not 2sfca');
    expect(bad({ gaussianSigma: 5 })).toThrow('gaussianSigma applies to e2sfca only, not 2sfca');
    expect(bad({ method: 'e2sfca' })).toThrow('e2sfca needs weights, gaussianSigma or decay');
    expect(bad({ method: 'e2sfca', weights: [{ upTo: 5, weight: 1 }], gaussianSigma: 3 })).toThrow('not both');
    expect(bad({ method: 'e2sfca', weights: [{ upTo: 5, weight: 1 }, { upTo: 5, weight: 0.5 }] })).toThrow('steps not increasing at upTo: 5');
    expect(bad({ method: 'e2sfca', decay: () => -1 })).toThrow('decay gave invalid weight -1 at cost 20');
    expect(bad({ method: 'gravity', catchment: undefined })).toThrow('gravity needs beta >= 0, got: undefined');
    expect(bad({ method: 'gravity', catchment: undefined, beta: 1, costs: [{ demand: '1', supply: 'a', cost: 0 }] })).toThrow(
      'gravity needs cost > 0, got 0 for 1-a',
    );
    expect(bad({ method: 'nope' as '2sfca' })).toThrow('unknown method: nope');
  });
});

/** Random 2SFCA case: populations (some 0), capacities, a sparse cost matrix, a catchment. */
function randomCase(rand: () => number): CatchmentInput {
  const nd = 1 + Math.floor(rand() * 12);
  const ns = 1 + Math.floor(rand() * 5);
  const demand = Array.from({ length: nd }, (_, k) => ({ id: `d${k}`, population: rand() < 0.1 ? 0 : Math.round(rand() * 1000) }));
  const supply = Array.from({ length: ns }, (_, k) => ({ id: `s${k}`, capacity: rand() * 20 }));
  const costs = demand.flatMap((d) =>
    supply.filter(() => rand() < 0.8).map((s) => ({ demand: d.id, supply: s.id, cost: Math.round(rand() * 60) })),
  );
  return { demand, supply, costs, method: '2sfca', catchment: 10 + rand() * 40 };
}

describe('sum property for every method', () => {
  it('holds for E2SFCA (step, Gaussian) and gravity on random cases', () => {
    const rand = mulberry32(7);
    const steps = [
      { upTo: 20, weight: 1 },
      { upTo: 40, weight: 0.68 },
      { upTo: 60, weight: 0.22 },
    ];
    for (let c = 0; c < 100; c++) {
      const base = randomCase(rand);
      // Every supply gets one reachable, populated demand so that the property applies.
      base.demand[0].population = 1 + base.demand[0].population;
      base.costs = base.costs.filter((p) => p.demand !== base.demand[0].id);
      base.costs.push(...base.supply.map((s) => ({ demand: base.demand[0].id, supply: s.id, cost: 1 + rand() * 9 })));
      const total = base.supply.reduce((s, f) => s + f.capacity, 0);
      for (const opts of [{ weights: steps }, { gaussianSigma: 15 }, { decay: (d: number) => 1 / (1 + d) }]) {
        const a = floatingCatchment({ ...base, method: 'e2sfca', catchment: undefined, ...opts });
        close(base.demand.reduce((s, d) => s + d.population * a.get(d.id)!, 0), total, 1e-9);
      }
      const positive = base.costs.map((p) => ({ ...p, cost: p.cost + 0.5 })); // gravity needs cost > 0
      const g = floatingCatchment({ ...base, costs: positive, method: 'gravity', catchment: undefined, beta: 1.5 });
      close(base.demand.reduce((s, d) => s + d.population * g.get(d.id)!, 0), total, 1e-9);
    }
  });
});

describe('travel time', () => {
  it('uses distance * circuity / speed, and reachableKm inverts it', () => {
    close(travelMinutes(5, WALKING), (5 * 1.3 * 60) / 5, 1e-12); // 78 minutes on foot for 5 km straight line
    close(travelMinutes(40, MOTORISED), 78, 1e-12);
    close(reachableKm(travelMinutes(12.3, WALKING), WALKING), 12.3, 1e-12);
    expect(() => travelMinutes(1, { speedKmh: 0, circuity: 1.3 })).toThrow('invalid speedKmh: 0');
    expect(() => reachableKm(60, { speedKmh: 5, circuity: 0.9 })).toThrow('invalid circuity: 0.9');
  });
});

describe('densities and shortage flags', () => {
  it('computes per-10,000 densities with workforce = doctors + nurses + midwives', () => {
    const d = densities({ population: 200_000, facilities: 20, beds: 150, doctors: 100, nurses: 300, midwives: 50 });
    expect(d).toEqual({ facilities: 1, beds: 7.5, doctors: 5, nurses: 15, midwives: 2.5, workforce: 22.5 });
    expect(per10k(3, 0)).toBeNull();
    expect(() => per10k(-1, 10)).toThrow('invalid count: -1');
  });

  it('flags WHO workforce shortage below 44.5 per 10,000', () => {
    expect(workforceShortage(44.49)).toBe(true);
    expect(workforceShortage(44.5)).toBe(false);
  });

  it('flags HPSA at >= 3,500:1, or > 3,000:1 with high need (42 CFR Part 5 App. A)', () => {
    expect(hpsaShortage(35_000, 10)).toEqual({ ratio: 3500, shortage: true });
    expect(hpsaShortage(34_990, 10).shortage).toBe(false);
    expect(hpsaShortage(30_000, 10, true).shortage).toBe(false); // exactly 3,000 is not "greater than"
    expect(hpsaShortage(30_010, 10, true).shortage).toBe(true);
    expect(hpsaShortage(100, 0)).toEqual({ ratio: Infinity, shortage: true });
    expect(hpsaShortage(0, 0)).toEqual({ ratio: null, shortage: false });
  });
});

describe('priorityScores', () => {
  it('ranks low access and high poverty first, ties sharing their average rank', () => {
    const p = priorityScores([
      { id: 'capital', accessibility: 9, poverty: 0.05 },
      { id: 'remote', accessibility: 1, poverty: 0.6 },
      { id: 'middle', accessibility: 5, poverty: 0.3 },
      { id: 'twin', accessibility: 5, poverty: 0.3 },
    ]);
    expect(p.map((d) => d.id)).toEqual(['capital', 'remote', 'middle', 'twin']);
    expect(p[0]).toEqual({ id: 'capital', accessNeed: 0, povertyNeed: 0, priority: 0 });
    expect(p[1]).toEqual({ id: 'remote', accessNeed: 1, povertyNeed: 1, priority: 1 });
    expect(p[2].priority).toBe(0.5);
    expect(p[3].priority).toBe(0.5);
  });

  it('handles one district, and rejects missing values and duplicate ids', () => {
    expect(percentileRanks([3])).toEqual([0.5]);
    expect(percentileRanks([])).toEqual([]);
    expect(() => priorityScores([{ id: 'x', accessibility: NaN, poverty: 1 }])).toThrow('invalid accessibility for x: NaN');
    expect(() =>
      priorityScores([
        { id: 'x', accessibility: 1, poverty: 1 },
        { id: 'x', accessibility: 2, poverty: 1 },
      ]),
    ).toThrow('duplicate district id: x');
  });

  it('without any poverty figure (a registry with no socio-economic table), ranks on access alone; a mix is refused', () => {
    const p = priorityScores([
      { id: 'capital', accessibility: 9, poverty: null },
      { id: 'remote', accessibility: 1, poverty: null },
      { id: 'middle', accessibility: 5, poverty: null },
    ]);
    expect(p).toEqual([
      { id: 'capital', accessNeed: 0, povertyNeed: null, priority: 0 },
      { id: 'remote', accessNeed: 1, povertyNeed: null, priority: 1 },
      { id: 'middle', accessNeed: 0.5, povertyNeed: null, priority: 0.5 },
    ]);
    expect(() => priorityScores([{ id: 'a', accessibility: 1, poverty: 0.2 }, { id: 'b', accessibility: 2, poverty: null }]))
      .toThrow('poverty must be given for every district or for none');
  });
});
