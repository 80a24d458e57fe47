import { describe, expect, it } from 'vitest';
import { applyUpdates, candidateCells, cellPopulation } from './planTime';
import { addSource, costDistance, type CostDistanceInput } from './travelTime';
import { mulberry32 } from './random';

const grid = (seed: number, width: number, height: number): CostDistanceInput => {
  const rnd = mulberry32(seed);
  return {
    width, height, cellSizeM: 1000, sources: Int32Array.of(0, width * height - 1),
    minutesPerMetre: Float32Array.from({ length: width * height }, () => (rnd() < 0.12 ? NaN : 0.004 + rnd() * 0.02)),
  };
};

describe('plan by time, pure parts', () => {
  it('applyUpdates: today plus a scenario\'s addSource replies equals a full recomputation with the facilities appended', () => {
    for (const seed of [1, 2, 3]) {
      const input = grid(seed, 40, 30);
      const today = costDistance(input);
      const work = { minutes: today.minutes.slice(), nearest: today.nearest.slice() };
      const added = [617, 95, 1100].filter((c) => !Number.isNaN(input.minutesPerMetre[c]));
      const updates = added.map((cell, k) => {
        const { changed } = addSource(work, input, cell, 2 + k);
        return { changed, minutes: Float32Array.from(changed, (c) => work.minutes[c]) };
      });
      const scenario = applyUpdates(today.minutes, updates);
      const full = costDistance({ ...input, sources: Int32Array.from([...input.sources, ...added]) });
      scenario.forEach((m, c) => (Number.isFinite(full.minutes[c]) ? expect(m).toBeCloseTo(full.minutes[c], 3) : expect(m).toBe(Infinity)));
      // Today's array is untouched, and the update visited fewer cells than the grid has.
      expect([...today.minutes]).toEqual([...costDistance(input).minutes]);
      expect(updates.reduce((s, u) => s + u.changed.length, 0)).toBeLessThan(3 * input.width * input.height);
    }
  });

  it('applyUpdates names a bad update', () => {
    expect(() => applyUpdates(new Float32Array(4), [{ changed: Int32Array.of(9), minutes: Float32Array.of(1) }])).toThrow(/cell 9, outside the grid's 4 cells/);
    expect(() => applyUpdates(new Float32Array(4), [{ changed: Int32Array.of(1, 2), minutes: Float32Array.of(1) }])).toThrow(/2 cells but 1 values/);
  });

  it('cellPopulation sums the points of each cell and leaves out points with no cell', () => {
    expect([...cellPopulation(4, Int32Array.of(1, 3, 1, -1), [10, 5, 2.5, 99])]).toEqual([0, 12.5, 0, 5]);
  });

  it('candidateCells: the most populous cell of each block, as a brute force over the blocks finds it', () => {
    const rnd = mulberry32(7);
    const [w, h] = [23, 17];
    const people = Float64Array.from({ length: w * h }, () => (rnd() < 0.4 ? 0 : Math.floor(rnd() * 50)));
    for (const block of [2, 3, 5, 30]) {
      const expected: number[] = [];
      for (let br = 0; br < h; br += block) {
        for (let bc = 0; bc < w; bc += block) {
          let best = -1;
          for (let r = br; r < Math.min(h, br + block); r++) {
            for (let c = bc; c < Math.min(w, bc + block); c++) {
              const k = r * w + c;
              if (people[k] > 0 && (best < 0 || people[k] > people[best] || (people[k] === people[best] && k < best))) best = k;
            }
          }
          if (best >= 0) expected.push(best);
        }
      }
      expect([...candidateCells(w, h, people, block)]).toEqual(expected.sort((a, b) => a - b));
    }
    expect([...candidateCells(w, h, people, 0)]).toEqual([...people.keys()].filter((k) => people[k] > 0));
    expect(() => candidateCells(w, h, people.subarray(1), 2)).toThrow(/390 cells, the grid 391/);
  });
});
