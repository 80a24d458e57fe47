import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { quantileBreaks } from './quantileBreaks';

describe('quantileBreaks', () => {
  it("equals Plot's (d3's) quantile scale thresholds when values do not tie", () => {
    const values = [3.6, 4.2, 6, 6.7, 6.9, 7.5, 8.4, 18.1, 45.4, 12, 0.5, 2.2, 9.9];
    const plot = Plot.scale({ color: { type: 'quantile', n: 5, domain: values, scheme: 'YlGnBu' } }).domain as number[];
    expect(quantileBreaks(values, 5)).toEqual(plot);
  });

  it('drops repeated breaks when many values tie, and ignores missing values', () => {
    // Five of nine districts with no facility of the chosen type. By hand (type 7, sorted x0..x8): p = .2 and .4 fall
    // on x1..x4 = 0; p = .6: h = 4.8, 0 + .8 * 2.2 = 1.76; p = .8: h = 6.4, 3.0 + .4 * 0.1 = 3.04. d3 gives [0, 0, 1.76,
    // 3.04]: an empty first class (nothing is below 0) and a repeated break. Here: the zeros are the first class.
    const breaks = quantileBreaks([0, 0, 0, 0, 0, 2.2, 3.0, 3.1, 27.9, null, Number.NaN], 5);
    expect(breaks).toHaveLength(2);
    [1.76, 3.04].forEach((b, i) => expect(breaks[i]).toBeCloseTo(b, 12));
    expect(quantileBreaks([5, 5, 5], 5)).toEqual([5]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });
});
