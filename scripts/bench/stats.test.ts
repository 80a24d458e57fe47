import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarize, throughput } from './stats';

describe('percentile (linear interpolation, as numpy.percentile)', () => {
  // numpy.percentile([1, 2, 3, 4], [50, 95]) -> [2.5, 3.85]; numpy.percentile([15, 20, 35, 40, 50], 40) -> 29.0
  it('matches numpy on small vectors', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 95)).toBeCloseTo(3.85, 12);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
  });
  it('gives the extremes at 0 and 100 and the value itself for one sample', () => {
    expect(percentile([5, 9, 7], 0)).toBe(5);
    expect(percentile([5, 9, 7], 100)).toBe(9);
    expect(percentile([42], 95)).toBe(42);
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
  it('rejects no samples and percentiles out of range', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 101)).toThrow('invalid percentile: 101');
  });
});

describe('summarize, ratio, throughput', () => {
  it('summarizes 1..20', () => {
    const s = summarize(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(s).toEqual({ n: 20, p50: 10.5, p95: 19.05, min: 1, max: 20 });
  });
  it('forms ratios only from two usable numbers', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
  });
  it('converts bytes and rows over milliseconds to MB/s and rows/s', () => {
    expect(throughput(10_000_000, 1_000_000, 500)).toEqual({ mbPerS: 20, rowsPerS: 2_000_000 });
    expect(throughput(1, 1, 0)).toEqual({ mbPerS: null, rowsPerS: null });
  });
});
