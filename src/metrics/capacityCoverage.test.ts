import { describe, expect, it } from 'vitest';
import { capacityCoverage, capacityUnits, cellPopulation, coverageByDistrict, coverageCapacities, PEOPLE_PER_UNIT, type CoverageFacility, type CoverageOrder } from './capacityCoverage';
import { referenceEdges, referenceFrom, type ReferenceInput } from './costDistanceReference';
import { mulberry32 } from './random';
import { SourceSearch } from './sourceSearch';

// 1/1024 minute per metre on 1024 m cells: exactly 1 minute per cell along a row (exact in float32).
const row = (pop: number[]) => ({
  surface: { width: pop.length, height: 1, minutesPerMetre: new Float32Array(pop.length).fill(1 / 1024), cellSizeM: 1024 },
  population: Float64Array.from(pop),
});

describe('capacityCoverage: hand-worked cases', () => {
  it('nearest bands first, the first band that does not fit served in proportion (AccessMod inner and outer rings)', () => {
    // Cells 0..6 at 1 minute apart; A on cell 0 serves 25 people, B on cell 6 serves 100; catchments 3 minutes.
    const r = capacityCoverage({ ...row([10, 20, 30, 40, 50, 60, 70]), facilities: [{ cell: 0, capacity: 25 }, { cell: 6, capacity: 100 }], maxMinutes: 3, order: 'given' });
    // A: minute 0 holds 10 (fits, 15 left), minute 1 holds 20 > 15: 15 of 20 served, 5 left on cell 1.
    expect(r.facilities[0]).toEqual({ rank: 1, withinReach: 100, served: 25, unused: 0, fullTo: 0, partBand: 1, unservedWithinReach: null });
    // B: minute 0 holds 70 (30 left), minute 1 holds 60 > 30: half of cell 5 served.
    expect(r.facilities[1]).toEqual({ rank: 2, withinReach: 220, served: 100, unused: 0, fullTo: 0, partBand: 1, unservedWithinReach: null });
    expect([...r.residual]).toEqual([0, 5, 30, 40, 50, 30, 0]);
    expect(r.population).toBe(280);
    expect(r.served).toBe(125);
  });

  it('the order decides who serves the people both reach; capacity not reported is not processed, its reach reported', () => {
    // 100 people on cell 3, 3 minutes from A (cell 0, capacity 60) and from B (cell 6, capacity 80).
    const base = { ...row([0, 0, 0, 100, 0, 0, 0, 0, 20]), maxMinutes: 3 };
    const facilities: CoverageFacility[] = [
      { cell: 0, capacity: 60, type: 'health_post' }, { cell: 6, capacity: 80, type: 'hospital' }, { cell: 8, capacity: null, type: 'clinic' },
    ];
    const run = (order: CoverageOrder) => capacityCoverage({ ...base, facilities, order });
    const given = run('given');
    // A first takes 60 of the 100; B then takes the 20 on cell 8 (minute 2) and the 40 left on cell 3 (minute 3).
    expect(given.facilities.map((f) => [f.rank, f.served, f.unused])).toEqual([[1, 60, 0], [2, 60, 20], [null, null, null]]);
    expect(given.residual[3]).toBe(0);
    // By capacity (B first) and by type (the hospital first): B takes 20 + 60, A the 40 left, 20 of its capacity unused.
    for (const order of ['capacity', 'type'] as const) {
      expect(run(order).facilities.map((f) => [f.rank, f.served, f.unused])).toEqual([[2, 40, 20], [1, 80, 0], [null, null, null]]);
    }
    // By population within reach: B reaches 120, A 100: B first.
    expect(run('population').facilities.map((f) => f.rank)).toEqual([2, 1, null]);
    // The facility with no capacity reported: nobody left unserved within its 3 minutes (cells 5..8).
    expect(given.facilities[2].unservedWithinReach).toBe(0);
    const alone = capacityCoverage({ ...base, facilities: [{ cell: 0, capacity: 10 }, facilities[2]], order: 'given' });
    expect(alone.facilities[1].unservedWithinReach).toBe(20);
    expect(alone.served).toBe(10);
  });

  it('a barrier cuts the catchment; bad input is named', () => {
    const r = row([5, 5, 5, 5]);
    r.surface.minutesPerMetre[1] = NaN;
    const out = capacityCoverage({ ...r, facilities: [{ cell: 0, capacity: 100 }], maxMinutes: 10, order: 'given' });
    expect([...out.residual]).toEqual([0, 5, 5, 5]);
    expect(() => capacityCoverage({ ...r, facilities: [{ cell: 0, capacity: -1 }], maxMinutes: 10, order: 'given' })).toThrow(/capacity of facility 0/);
    expect(() => capacityCoverage({ ...r, population: new Float64Array(3), facilities: [], maxMinutes: 10, order: 'given' })).toThrow(/population has 3 cells/);
  });
});

describe('capacityCoverage against a brute-force allocation over Bellman-Ford travel times', () => {
  // The reference: times from costDistanceReference.ts (float64, every edge listed), then for each facility in order
  // and each whole minute m = 0, 1, ... the people at floor(time) = m, taken whole or in proportion.
  function reference(seed: number, order: CoverageOrder) {
    const rnd = mulberry32(seed);
    const width = 14 + (seed % 5), height = 11 + (seed % 3);
    const friction = Float32Array.from({ length: width * height }, () => (rnd() < 0.12 ? NaN : 0.002 + rnd() * 0.02));
    const population = Float64Array.from({ length: width * height }, () => (rnd() < 0.3 ? 0 : Math.round(rnd() * 500)));
    const facilities: CoverageFacility[] = Array.from({ length: 9 }, (_, i) => ({
      cell: Math.floor(rnd() * width * height), capacity: i === 4 ? null : Math.round(200 + rnd() * 3000), type: ['hospital', 'clinic', 'health_post'][i % 3],
    }));
    const maxMinutes = 40 + (seed % 4) * 20;
    const g: ReferenceInput = { width, height, friction, x: () => 1000, y: 1000, knightsMove: false };
    const edges = referenceEdges(g);
    const times = facilities.map((f) => referenceFrom(g, edges, f.cell));
    const reach = (j: number, residual: Float64Array) => times[j].reduce((s, t, c) => (t <= maxMinutes ? s + residual[c] : s), 0);
    const known = facilities.map((_, j) => j).filter((j) => facilities[j].capacity != null);
    const rankKey = (j: number) => order === 'capacity' ? -facilities[j].capacity! : order === 'population' ? -reach(j, population)
      : order === 'type' ? ['hospital', 'health_centre', 'clinic', 'health_post'].indexOf(facilities[j].type!) : 0;
    const sorted = [...known].sort((a, b) => rankKey(a) - rankKey(b) || a - b);
    const residual = population.slice();
    const served = new Map<number, number>();
    for (const j of sorted) {
      let left = facilities[j].capacity!;
      for (let m = 0; m <= maxMinutes && left > 0; m++) {
        const band = [...times[j].keys()].filter((c) => times[j][c] <= maxMinutes && Math.floor(times[j][c]) === m);
        const people = band.reduce((s, c) => s + residual[c], 0);
        const take = Math.min(1, left / (people || 1));
        for (const c of band) residual[c] -= residual[c] * take;
        left -= Math.min(left, people);
      }
      served.set(j, facilities[j].capacity! - left);
    }
    return { input: { surface: { width, height, minutesPerMetre: friction, cellSizeM: 1000 }, population, facilities, maxMinutes, order }, residual, served, sorted };
  }

  it.each(Array.from({ length: 12 }, (_, i) => ({ seed: 900 + i, order: (['given', 'capacity', 'population', 'type'] as const)[i % 4] })))('seed $seed, order $order', ({ seed, order }) => {
    const ref = reference(seed, order);
    const r = capacityCoverage(ref.input);
    expect(r.facilities.filter((f) => f.rank != null).sort((a, b) => a.rank! - b.rank!).map((f) => r.facilities.indexOf(f))).toEqual(ref.sorted);
    for (const [j, s] of ref.served) expect(r.facilities[j].served!).toBeCloseTo(s, 6);
    r.residual.forEach((v, c) => expect(v, `cell ${c}`).toBeCloseTo(ref.residual[c], 6));
    expect(r.served + r.residual.reduce((a, b) => a + b, 0)).toBeCloseTo(r.population, 6);
    // The facility whose capacity is not reported serves nobody in the count.
    expect(r.facilities[4].served).toBeNull();
  });
});

describe('coverage per district, capacity units, the search', () => {
  it('served + unserved = population in every district; a point on no cell is unserved', () => {
    const cells = Int32Array.from([0, 0, 1, -1]);
    const population = [30, 10, 50, 7];
    const initial = cellPopulation(cells, population, 2);
    expect([...initial]).toEqual([40, 50]);
    const { districts, national } = coverageByDistrict({ regionIds: ['B', 'A', 'A', 'B'], population, cells }, initial, Float64Array.from([10, 50]));
    expect(districts).toEqual([
      { region_id: 'A', population: 60, served: 7.5, unserved: 52.5 },
      { region_id: 'B', population: 37, served: 22.5, unserved: 14.5 },
    ]);
    expect(national).toEqual({ region_id: '', population: 97, served: 30, unserved: 67 });
  });

  it('capacity units: absent is not zero; health workers known only with all three cadres', () => {
    const f = { type: 'clinic', beds: null, doctors: 2, nurses: 5, midwives: null };
    expect(capacityUnits(f, 'workforce')).toBeNull();
    expect(capacityUnits(f, 'beds')).toBeNull();
    expect(capacityUnits(f, 'doctors')).toBe(2);
    expect(capacityUnits(f, 'typed')).toBe(5);
    expect(capacityUnits({ ...f, midwives: 1 }, 'typed')).toBe(8);
    expect(capacityUnits(f, 'facilities')).toBe(1);
  });

  it.each([false, true])('SourceSearch gives the Bellman-Ford times, sorted, and leaves no trace between searches (zero friction: %s)', (zero) => {
    const rnd = mulberry32(77);
    const width = 17, height = 13;
    const friction = Float32Array.from({ length: width * height }, () => (rnd() < 0.15 ? NaN : 0.001 + rnd() * 0.03));
    if (zero) friction[50] = 0; // a zero-friction cell: no bucket width, the heap path
    const g: ReferenceInput = { width, height, friction, x: (r) => 900 - 5 * r, y: 930, knightsMove: true };
    const s = new SourceSearch({ width, height, minutesPerMetre: friction, cellSizeM: { x: Float64Array.from({ length: height }, (_, r) => 900 - 5 * r), y: 930 }, knightsMove: true });
    const edges = referenceEdges(g);
    for (const start of [0, 40, 111, 200]) {
      const ref = referenceFrom(g, edges, start);
      const { cells, minutes } = s.from(start, 90);
      expect(cells.length).toBe(ref.filter((t) => t <= 90).length);
      cells.forEach((c, i) => {
        expect(minutes[i]).toBeCloseTo(ref[c], 3);
        if (i) expect(minutes[i]).toBeGreaterThanOrEqual(minutes[i - 1]);
      });
      // Unsorted: the same cells and minutes.
      const loose = s.from(start, 90, false);
      expect([...loose.cells].sort((a, b) => a - b)).toEqual([...cells].sort((a, b) => a - b));
    }
  });
});

describe('coverageCapacities: absent is not zero', () => {
  const f = (beds: number | null, type = 'clinic') => ({ type, beds, doctors: null, nurses: null, midwives: null });
  it('capacity in people where reported, null where not; the 50% rule of knownShare.ts', () => {
    const all = [f(10, 'hospital'), f(null), f(null), f(4)];
    const half = coverageCapacities(all, [all[0], all[1]], 'beds');
    expect(half.facilities.map((x) => x.people)).toEqual([10 * PEOPLE_PER_UNIT.beds, null]);
    expect(half.known).toEqual({ status: 'partial', share: 0.5 });
    expect(coverageCapacities(all, all.slice(0, 3), 'beds').known.status).toBe('incomplete');
    // No facility in the dataset reports beds: not in this dataset (no number, not zero).
    expect(coverageCapacities([f(null)], [f(null)], 'beds').known).toEqual({ status: 'absent', share: null });
    // Each facility counts 1, or staff by type: always known.
    expect(coverageCapacities([f(null)], [f(null)], 'facilities')).toEqual({ facilities: [{ ...f(null), people: 10_000 }], known: { status: 'known', share: 1 } });
    expect(coverageCapacities([f(null)], [f(null)], 'typed').facilities[0].people).toBeCloseTo(5 * 10_000 / 44.5, 9);
  });
});
