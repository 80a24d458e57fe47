import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { addSource, costDistance, type CostDistanceInput } from './travelTime';

function randomInput(seed: number, width: number, height: number, barriers: number, sources: number, knightsMove: boolean, maxMinutes?: number): CostDistanceInput {
  const rnd = mulberry32(seed);
  const f = new Float32Array(width * height);
  for (let i = 0; i < f.length; i++) f[i] = rnd() < barriers ? NaN : 0.0008 + rnd() * 0.03;
  const cellSizeM = seed % 2 ? 1000 : { x: Float64Array.from({ length: height }, (_, r) => 900 - 4 * r), y: 926 };
  return { width, height, minutesPerMetre: f, cellSizeM, sources: Int32Array.from({ length: sources }, () => Math.floor(rnd() * f.length)), knightsMove, maxMinutes };
}

describe('addSource: the bounded update equals a full recomputation', () => {
  const cases = Array.from({ length: 16 }, (_, i) => ({
    seed: 500 + i, width: 20 + 7 * (i % 5), height: 15 + 6 * (i % 4), barriers: [0, 0.08, 0.2, 0.35][i % 4], sources: 1 + (i % 6),
    knightsMove: i % 2 === 0, maxMinutes: i % 5 === 4 ? 120 : undefined, added: 1 + (i % 3),
  }));
  it.each(cases)('seed $seed: $width x $height, barriers $barriers, $sources + $added sources, knight $knightsMove, max $maxMinutes', (c) => {
    const input = randomInput(c.seed, c.width, c.height, c.barriers, c.sources, c.knightsMove, c.maxMinutes);
    const result = costDistance(input);
    const rnd = mulberry32(c.seed * 7);
    const all = [...input.sources];
    let changedTotal = 0;
    for (let k = 0; k < c.added; k++) {
      const cell = Math.floor(rnd() * c.width * c.height);
      const before = result.minutes.slice();
      const { changed } = addSource(result, input, cell, all.length);
      all.push(cell);
      changedTotal += changed.length;
      // Exactly the cells whose time went down are reported, each once.
      const lowered = [...before.keys()].filter((i) => result.minutes[i] < before[i]);
      expect([...changed].sort((a, b) => a - b)).toEqual(lowered);
    }
    const full = costDistance({ ...input, sources: Int32Array.from(all) });
    for (let i = 0; i < full.minutes.length; i++) {
      const a = result.minutes[i];
      const b = full.minutes[i];
      if (b === Infinity) expect(a, `cell ${i}`).toBe(Infinity);
      else expect(Math.abs(a - b), `cell ${i}`).toBeLessThanOrEqual(1e-6 * b);
      if (result.nearest[i] !== full.nearest[i]) {
        // Only a tie may end with another source: the one named must reach the cell in the same time on its own.
        expect(result.nearest[i], `nearest of cell ${i}`).toBeGreaterThanOrEqual(0);
        const alone = costDistance({ ...input, sources: Int32Array.of(all[result.nearest[i]]) }).minutes[i];
        expect(Math.abs(alone - b), `nearest of cell ${i}`).toBeLessThanOrEqual(1e-6 * b);
      }
    }
    expect(changedTotal).toBeGreaterThan(0);
  });

  it('changes only cells the new source reaches first, and reports them', () => {
    const input = randomInput(9, 60, 40, 0.1, 4, true);
    const result = costDistance(input);
    const before = result.nearest.slice();
    const cell = 20 * 60 + 30;
    const { changed } = addSource(result, input, cell, 4);
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.length).toBeLessThan(60 * 40);
    for (let i = 0; i < before.length; i++) expect(result.nearest[i]).toBe(changed.includes(i) ? 4 : before[i]);
  });

  it('a new source on an existing start cell changes nothing', () => {
    const input = randomInput(3, 10, 10, 0, 2, false);
    const result = costDistance(input);
    const copy = result.minutes.slice();
    expect(addSource(result, input, input.sources[0], 2).changed.length).toBe(0);
    expect([...result.minutes]).toEqual([...copy]);
  });

  it('names bad input', () => {
    const input = randomInput(3, 10, 10, 0, 2, false);
    const result = costDistance(input);
    expect(() => addSource(result, input, 100, 2)).toThrow(/the new source is cell 100, outside the grid's 100 cells/);
    expect(() => addSource(result, input, 5, -1)).toThrow(/index must be a non-negative integer/);
    expect(() => addSource({ minutes: new Float32Array(4), nearest: new Int32Array(4) }, input, 5, 2)).toThrow(/result has 4 cells, the grid 100/);
  });
});
