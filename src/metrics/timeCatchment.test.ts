import { describe, expect, it } from 'vitest';
import { floatingCatchment, type CatchmentInput } from './access';
import { referenceEdges, referenceFrom, type ReferenceInput } from './costDistanceReference';
import { mulberry32 } from './random';
import { catchmentByDistrict, catchmentSupply, timeCatchment, type TimeDecay } from './timeCatchment';

interface Case { width: number; height: number; friction: Float32Array; population: Float64Array; facilities: { cell: number; capacity: number | null }[]; knightsMove: boolean }

function randomCase(seed: number, barriers: number): Case {
  const rnd = mulberry32(seed);
  const width = 15 + (seed % 4), height = 12;
  const friction = Float32Array.from({ length: width * height }, () => (rnd() < barriers ? NaN : 0.002 + rnd() * 0.02));
  const population = Float64Array.from({ length: width * height }, () => (rnd() < 0.25 ? 0 : Math.round(rnd() * 400)));
  const facilities = Array.from({ length: 7 }, (_, i) => ({ cell: Math.floor(rnd() * width * height), capacity: i === 3 ? null : 1 + Math.round(rnd() * 30) }));
  return { width, height, friction, population, facilities, knightsMove: seed % 2 === 0 };
}

/** The same measure from access.ts's floatingCatchment, with the pairs' costs from the Bellman-Ford reference times. */
function reference(c: Case, catchment: number, decay: TimeDecay): Float64Array {
  const g: ReferenceInput = { width: c.width, height: c.height, friction: c.friction, x: () => 1000, y: 1000, knightsMove: c.knightsMove };
  const edges = referenceEdges(g);
  const supply = c.facilities.map((f, j) => ({ id: `f${j}`, capacity: f.capacity ?? 0 }));
  const demand = [...c.population.keys()].map((i) => ({ id: `c${i}`, population: c.population[i] }));
  const costs: CatchmentInput['costs'] = [];
  const seen = new Set<string>();
  c.facilities.forEach((f, j) => {
    if (seen.has(`${f.cell}`)) return; // two facilities on one cell: floatingCatchment needs each pair once
    referenceFrom(g, edges, f.cell).forEach((t, i) => { if (t <= catchment) costs.push({ demand: `c${i}`, supply: `f${j}`, cost: t }); });
  });
  const method = decay.kind === 'none' ? '2sfca' : 'e2sfca';
  const a = floatingCatchment({
    demand, supply, costs, method, catchment,
    ...(decay.kind === 'gaussian' ? { gaussianSigma: decay.sigmaMinutes } : decay.kind === 'step' ? { weights: decay.steps } : {}),
  });
  return Float64Array.from(demand, (d) => a.get(d.id)!);
}

const DECAYS: TimeDecay[] = [{ kind: 'none' }, { kind: 'gaussian', sigmaMinutes: 20 }, { kind: 'step', steps: [{ upTo: 15, weight: 1 }, { upTo: 30, weight: 0.68 }, { upTo: 45, weight: 0.22 }] }];

describe('timeCatchment against floatingCatchment over Bellman-Ford travel times', () => {
  it.each(Array.from({ length: 9 }, (_, i) => ({ seed: 300 + i, decay: DECAYS[i % 3], barriers: [0, 0.1, 0.2][Math.floor(i / 3)] })))('seed $seed, decay $decay.kind, barriers $barriers', ({ seed, decay, barriers }) => {
    const c = randomCase(seed, barriers);
    c.facilities = c.facilities.filter((f, j, all) => all.findIndex((g) => g.cell === f.cell) === j);
    const catchment = 45;
    const r = timeCatchment({ surface: { width: c.width, height: c.height, minutesPerMetre: c.friction, cellSizeM: 1000, knightsMove: c.knightsMove }, population: c.population, facilities: c.facilities, catchmentMinutes: catchment, decay });
    const ref = reference(c, catchment, decay);
    // Minutes are stored as float32 by the search, float64 in the reference: equal to 1e-6 relative.
    ref.forEach((v, i) => expect(Math.abs(r.accessibility[i] - v), `cell ${i}`).toBeLessThanOrEqual(1e-6 * v));
    // Luo & Wang's property: sum_i P_i A_i = sum of the supply of the facilities with demand in their catchment.
    const total = c.population.reduce((s, p, i) => s + p * r.accessibility[i], 0);
    expect(total).toBeLessThanOrEqual(c.facilities.reduce((s, f) => s + (f.capacity ?? 0), 0) + 1e-9);
  });
});

describe('by travel time vs by straight line (E2SFCA, Gaussian)', () => {
  // 30 x 20 cells of 1 km, walking 5 km/h everywhere (12 minutes per km). Straight-line E2SFCA: floatingCatchment with
  // costs = km between cell centres x 12 minutes, the view's straight-line model with circuity 1.
  const width = 30, height = 20, perKm = 12;
  const friction = new Float32Array(width * height).fill(perKm / 1000);
  const rnd = mulberry32(5);
  const population = Float64Array.from({ length: width * height }, () => Math.round(rnd() * 100));
  const facilities = [{ cell: 5 * width + 6, capacity: 10 }, { cell: 14 * width + 22, capacity: 25 }, { cell: 3 * width + 25, capacity: 5 }];
  const decay: TimeDecay = { kind: 'gaussian', sigmaMinutes: 60 };
  // Wider than the grid (its diagonal is 36 km = 433 minutes): the decay alone, no cut at the catchment's edge.
  const catchment = 600;
  function straightLine(): Float64Array {
    const costs: CatchmentInput['costs'] = [];
    facilities.forEach((f, j) => {
      for (let i = 0; i < width * height; i++) {
        const km = Math.hypot((i % width) - (f.cell % width), Math.floor(i / width) - Math.floor(f.cell / width));
        if (km * perKm <= catchment) costs.push({ demand: `c${i}`, supply: `f${j}`, cost: km * perKm });
      }
    });
    const a = floatingCatchment({ demand: [...population.keys()].map((i) => ({ id: `c${i}`, population: population[i] })), supply: facilities.map((f, j) => ({ id: `f${j}`, capacity: f.capacity })), costs, method: 'e2sfca', catchment, gaussianSigma: 60 });
    return Float64Array.from(population.keys(), (i) => a.get(`c${i}`)!);
  }
  const line = straightLine();

  it('on open uniform ground with knight\'s moves, within a few per cent of the straight line for most cells', () => {
    const time = timeCatchment({ surface: { width, height, minutesPerMetre: friction, cellSizeM: 1000, knightsMove: true }, population, facilities, catchmentMinutes: catchment, decay }).accessibility;
    const errors = [...line.keys()].map((i) => Math.abs(time[i] - line[i]) / line[i]).sort((a, b) => a - b);
    console.log(`[timeCatchment] per-cell relative difference to the straight line: median ${errors[errors.length >> 1]}, 90th ${errors[Math.floor(errors.length * 0.9)]}, worst ${errors[errors.length - 1]}`);
    // Measured: median 1.7%, 90th percentile 6.0%, worst 19.7% (far corners, where a Gaussian on ~400 minutes
    // magnifies the grid's few per cent of extra time).
    expect(errors[errors.length >> 1]).toBeLessThan(0.03);
    expect(errors[Math.floor(errors.length * 0.9)]).toBeLessThan(0.08);
    expect(errors[errors.length - 1]).toBeGreaterThan(0); // grid moves are not the straight line
    // Both conserve the supply: sum_i P_i A_i = sum_j S_j (every facility has people around it).
    const total = (a: Float64Array) => a.reduce((s, v, i) => s + v * population[i], 0);
    expect(total(time)).toBeCloseTo(40, 9);
    expect(total(line)).toBeCloseTo(40, 9);
  });

  it('a river with one bridge lowers accessibility on the far bank where the straight line sees no difference', () => {
    const f = friction.slice();
    for (let r = 0; r < height; r++) if (r !== 18) f[r * width + 14] = NaN; // column 14 is water except a bridge on row 18
    const time = timeCatchment({ surface: { width, height, minutesPerMetre: f, cellSizeM: 1000, knightsMove: true }, population, facilities: [facilities[0]], catchmentMinutes: 150, decay }).accessibility;
    // Facility 0 is on row 5, column 6; cell (5, 16) across the river: 10 km straight (120 minutes, inside a 150-minute
    // catchment), about 30 km by the bridge: outside it.
    const far = 5 * width + 16;
    expect(time[far]).toBe(0);
    expect(time[5 * width + 8]).toBeGreaterThan(0);
  });

  it('per district: population-weighted, a point on no cell reaches nothing', () => {
    const { districts, national } = catchmentByDistrict({ regionIds: ['A', 'A', 'B'], population: [10, 30, 5], cells: Int32Array.from([0, 1, -1]) }, Float64Array.from([0.2, 0.1]));
    expect(districts[0].accessibility).toBeCloseTo((10 * 0.2 + 30 * 0.1) / 40, 12);
    expect(districts[1].accessibility).toBe(0);
    expect(national.accessibility).toBeCloseTo(5 / 45, 12);
  });
});

describe('catchmentSupply', () => {
  it('counts what the straight-line SQL counts: reported cadres summed, nothing where nothing is reported', () => {
    const f = { type: 'clinic', beds: null, doctors: 2, nurses: null, midwives: 3 };
    expect(catchmentSupply(f, 'workforce')).toBe(5);
    expect(catchmentSupply({ ...f, doctors: null, midwives: null }, 'workforce')).toBeNull();
    expect(catchmentSupply(f, 'beds')).toBeNull();
    expect(catchmentSupply(f, 'typed')).toBe(5); // not all three cadres: the clinic's default
    expect(catchmentSupply(f, 'facilities')).toBe(1);
  });
});
