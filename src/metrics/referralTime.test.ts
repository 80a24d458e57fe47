import { describe, expect, it } from 'vitest';
import { referenceEdges, referenceFrom, type ReferenceInput } from './costDistanceReference';
import { mulberry32 } from './random';
import { referralByDistrict, referralTimes } from './referralTime';

describe('referralTimes', () => {
  it('a hand-worked row: 1 minute per cell, a river with no bridge cuts one centre off', () => {
    // Cells 0..7; hospitals on cells 0 and 5; water on cell 6; centres on cells 2, 4, 7 and one off the grid.
    const f = new Float32Array(8).fill(1 / 1024);
    f[6] = NaN;
    const r = referralTimes({ surface: { width: 8, height: 1, minutesPerMetre: f, cellSizeM: 1024 }, hospitalCells: Int32Array.from([0, -1, 5]), centreCells: Int32Array.from([2, 4, 7, -1]) });
    expect([...r.minutes]).toEqual([2, 1, Infinity, NaN]);
    expect([...r.hospital]).toEqual([0, 2, -1, -1]);
  });

  it.each([11, 12, 13, 14, 15, 16])('seed %i: the minimum over hospitals of Bellman-Ford times, with knight\'s moves on even seeds', (seed) => {
    const rnd = mulberry32(seed);
    const width = 16, height = 12;
    const friction = Float32Array.from({ length: width * height }, () => (rnd() < 0.18 ? NaN : 0.001 + rnd() * 0.04));
    const cell = () => Math.floor(rnd() * width * height);
    const hospitals = Int32Array.from({ length: 3 }, cell);
    const centres = Int32Array.from({ length: 25 }, cell);
    const g: ReferenceInput = { width, height, friction, x: () => 1000, y: 1000, knightsMove: seed % 2 === 0 };
    const edges = referenceEdges(g);
    const per = [...hospitals].map((h) => referenceFrom(g, edges, h));
    const r = referralTimes({ surface: { width, height, minutesPerMetre: friction, cellSizeM: 1000, knightsMove: seed % 2 === 0 }, hospitalCells: hospitals, centreCells: centres });
    centres.forEach((c, i) => {
      const best = Math.min(...per.map((d) => d[c]));
      if (best === Infinity) expect(r.minutes[i]).toBe(Infinity);
      else {
        expect(r.minutes[i]).toBeCloseTo(best, 3);
        expect(per[r.hospital[i]][c]).toBeCloseTo(best, 3);
      }
    });
  });
});

describe('referralByDistrict', () => {
  it('median and centres beyond 2 hours; unreached counts beyond; a centre on no cell has no time', () => {
    const minutes = Float32Array.from([30, 150, 90, Infinity, NaN, 200, 10]);
    const { districts, national } = referralByDistrict(['A', 'A', 'A', 'B', 'B', 'B', 'C'], minutes);
    expect(districts).toEqual([
      { region_id: 'A', centres: 3, placed: 3, median: 90, beyond: 1 },
      { region_id: 'B', centres: 3, placed: 2, median: Infinity, beyond: 2 },
      { region_id: 'C', centres: 1, placed: 1, median: 10, beyond: 0 },
    ]);
    // National: 30, 150, 90, Inf, 200, 10 sorted 10 30 90 150 200 Inf: median (90 + 150) / 2.
    expect(national).toEqual({ region_id: '', centres: 7, placed: 6, median: 120, beyond: 3 });
  });
});
