import { describe, expect, it } from 'vitest';
import { planByTime } from './planByTime';
import { mulberry32 } from './random';
import { costDistance } from './travelTime';

describe('planByTime', () => {
  it('a hand-worked row: the first site covers the most people not yet within reach, the second the rest', () => {
    // 1 minute per cell (1/1024 min/m on 1024 m cells). Existing facility on cell 0; X = 2 minutes covers cells 0..2.
    const population = Float64Array.from([1, 1, 1, 0, 5, 0, 0, 8, 9, 0, 3]);
    const surface = { width: 11, height: 1, minutesPerMetre: new Float32Array(11).fill(1 / 1024), cellSizeM: 1024 };
    const r = planByTime({ surface, population, existing: Int32Array.of(0), candidates: Int32Array.of(3, 8, 5, 10), count: 2, maxMinutes: 2 });
    // Gains: cell 3 -> 5 (cells 1..5 minus the covered 1, 2), cell 8 -> 8 + 9 + 3 = 20 (cells 6..10), cell 5 -> 5 + 8 = 13, cell 10 -> 17.
    expect(r.coveredBefore).toBe(3);
    // Cell 8 (20 more); then cells 3 and 5 both add only cell 4's 5 people: a tie goes to the first candidate, cell 3.
    expect(r.chosen).toEqual([1, 0]);
    expect(r.coveredAfter).toEqual([23, 28]);
  });

  it.each([21, 22, 23, 24, 25, 26])('seed %i: the same choices and coverage as a greedy search with full recomputations', (seed) => {
    const rnd = mulberry32(seed);
    const width = 18, height = 13;
    const friction = Float32Array.from({ length: width * height }, () => (rnd() < 0.12 ? NaN : 0.003 + rnd() * 0.02));
    const population = Float64Array.from({ length: width * height }, () => (rnd() < 0.3 ? 0 : Math.round(rnd() * 100)));
    const cell = () => Math.floor(rnd() * width * height);
    const existing = Int32Array.from({ length: 2 }, cell);
    const candidates = Int32Array.from({ length: 15 }, cell);
    const maxMinutes = 30 + (seed % 3) * 15;
    const surface = { width, height, minutesPerMetre: friction, cellSizeM: 1000, knightsMove: seed % 2 === 0 };
    const r = planByTime({ surface, population, existing, candidates, count: 4, maxMinutes });
    // Brute force: every candidate tried with a full costDistance from all chosen sites, the best (lowest index on ties) kept.
    const coveredWith = (sources: number[]) => {
      const m = costDistance({ ...surface, sources: Int32Array.from(sources) }).minutes;
      return population.reduce((s, p, c) => (m[c] <= maxMinutes ? s + p : s), 0);
    };
    const chosen: number[] = [];
    const after: number[] = [];
    for (let k = 0; k < 4; k++) {
      let best = -1, bestCovered = -1;
      candidates.forEach((c, j) => {
        if (chosen.includes(j)) return;
        const v = coveredWith([...existing, ...chosen.map((i) => candidates[i]), c]);
        if (v > bestCovered + 1e-9) { best = j; bestCovered = v; }
      });
      chosen.push(best);
      after.push(bestCovered);
    }
    expect(r.coveredBefore).toBeCloseTo(coveredWith([...existing]), 6);
    expect(r.chosen).toEqual(chosen);
    r.coveredAfter.forEach((v, k) => expect(v).toBeCloseTo(after[k], 6));
    // The incremental update touched fewer cells than the grid holds.
    expect(Math.max(...r.changedCells)).toBeLessThan(width * height);
  });
});
