import { describe, expect, it } from 'vitest';
import { MEASURES, readMeasure, summaryMeasures, type SummaryInput } from '../inequality';
import { mulberry32 } from './simulate';
import { quantile7, roundHalfEven } from './stats';

const input = (seed?: number, simulations?: number): SummaryInput => ({
  subgroups: [
    { name: 'North', estimate: 62, se: 3, population: 1200, reference: true },
    { name: 'South', estimate: 48, se: 4, population: 900 },
    { name: 'East', estimate: 71, se: 2.5, population: 1500 },
    { name: 'West', estimate: 55, se: 3.5, population: 700 },
  ],
  ordered: false,
  favourable: true,
  scale: 100,
  options: { seed, simulations },
});

const SIMULATED = ['BGSD', 'COV', 'MDMU', 'MDMW', 'MDBU', 'MDBW', 'MDRU', 'MDRW', 'IDISU', 'IDISW'] as const;

describe('simulated confidence intervals', () => {
  it('are identical for the same seed and differ for another seed', () => {
    const a = summaryMeasures(input(7));
    const b = summaryMeasures(input(7));
    const c = summaryMeasures(input(8));
    for (const code of SIMULATED) {
      expect(b[code]).toEqual(a[code]);
      expect(c[code]!.value).toBe(a[code]!.value);
      expect(c[code]!.ciLow).not.toBe(a[code]!.ciLow);
    }
    expect(MEASURES.BGSD.ci).toBe('simulated');
  });

  it('use the default seed (123456) when none is given, and the simulation count', () => {
    expect(summaryMeasures(input())).toEqual(summaryMeasures(input(123456)));
    expect(summaryMeasures(input(1, 100)).COV).not.toEqual(summaryMeasures(input(1, 2000)).COV);
  });

  it('mulberry32 is a fixed sequence', () => {
    const r1 = mulberry32(42);
    const r2 = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('helpers that mirror R', () => {
  it('quantile type 7 and round half to even', () => {
    expect(quantile7([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12); // R: quantile(1:4, .25) = 1.75
    expect(quantile7([10, 0, 5], 0.975)).toBeCloseTo(9.75, 12);
    expect([0.5, 1.5, 2.5, 51.5, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 52, 3]);
  });
});

describe('readings', () => {
  it('give one plain line per measure', () => {
    const r = summaryMeasures(input());
    const ctx = { indicator: 'Skilled birth attendance', unit: 'percentage points', favourable: true };
    // With a reference (North) and a favourable indicator, D = reference - lowest = 62 - 48.
    expect(readMeasure('D', r.D!, ctx)).toBe('Skilled birth attendance in North is 14.0 percentage points higher than in South.');
    expect(readMeasure('MDBU', r.MDBU!, ctx)).toMatch(/behind the best-performing subgroup \(East\)/);
    expect(readMeasure('TI', r.TI!, ctx)).toMatch(/^Theil index \d+\.\d \(x1000\)/);
    expect(MEASURES.RCI.displayMultiplier).toBe(100);
  });
});
