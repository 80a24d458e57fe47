import { describe, expect, it } from 'vitest';
import { highNeedLowAccess, linearFit, median } from './needAccess';

describe('need vs access', () => {
  it('fits a line by least squares (hand-computed: points (1,2), (2,4), (3,5))', () => {
    // mean x = 2, mean y = 11/3; Sxy = (-1)(-5/3) + 0 + (1)(4/3) = 3; Sxx = 2 -> slope 1.5, intercept 11/3 - 3 = 2/3.
    const fit = linearFit([{ need: 1, access: 2 }, { need: 2, access: 4 }, { need: 3, access: 5 }])!;
    expect(fit.slope).toBeCloseTo(1.5, 12);
    expect(fit.intercept).toBeCloseTo(2 / 3, 12);
    // Syy = 25/9 + 1/9 + 16/9 = 42/9 -> r = 3 / sqrt(2 * 42/9) = 0.98198...
    expect(fit.r).toBeCloseTo(3 / Math.sqrt((2 * 42) / 9), 12);
    expect(linearFit([{ need: 1, access: 1 }, { need: 1, access: 2 }, { need: 1, access: 3 }])).toBeNull();
  });

  it('takes medians and flags districts with high need and low access, worst first', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const pts = [
      { id: 'a', need: 80, access: 2, population: 1 }, { id: 'b', need: 70, access: 1, population: 1 },
      { id: 'c', need: 10, access: 3, population: 1 }, { id: 'd', need: 20, access: 30, population: 1 },
      { id: 'e', need: 60, access: 25, population: 1 },
    ];
    expect(highNeedLowAccess(pts, true)).toEqual({ needCut: 60, accessCut: 3, ids: ['b', 'a'] });
    // When low values mean need (e.g. GDP per capita), the other side counts.
    expect(highNeedLowAccess(pts, false).ids).toEqual([]);
  });
});
