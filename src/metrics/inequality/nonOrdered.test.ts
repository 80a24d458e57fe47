import { describe, expect, it } from 'vitest';
import { summaryMeasures, type SummaryInput } from '../inequality';

// Four regions, hand-computed. Population 100, 300, 100, 500 (total 1000) -> shares p = .1, .3, .1, .5.
//   A 50, B 70 (reference: capital), C 80, D 60.
//   mu = .1*50 + .3*70 + .1*80 + .5*60 = 5 + 21 + 8 + 30 = 64
const REGIONS: [string, number, number][] = [['A', 50, 100], ['B', 70, 300], ['C', 80, 100], ['D', 60, 500]];

function input(favourable = true, withReference = true, se?: number): SummaryInput {
  return {
    subgroups: REGIONS.map(([name, estimate, population]) => ({
      name, estimate, population, se, reference: withReference && name === 'B',
    })),
    ordered: false,
    favourable,
    scale: 100,
  };
}

describe('non-ordered measures, hand-computed', () => {
  const r = summaryMeasures(input());

  it('BGV, BGSD, COV', () => {
    // BGV = .1*(50-64)^2 + .3*(70-64)^2 + .1*(80-64)^2 + .5*(60-64)^2 = 19.6 + 10.8 + 25.6 + 8 = 64
    expect(r.BGV!.value).toBeCloseTo(64, 10);
    expect(r.BGSD!.value).toBeCloseTo(8, 10); // sqrt(64)
    expect(r.COV!.value).toBeCloseTo(12.5, 10); // 100 * 8 / 64
  });

  it('MDMU, MDMW, IDISU, IDISW', () => {
    // |y - mu| = 14, 6, 16, 4
    expect(r.MDMU!.value).toBeCloseTo(10, 10); // (14 + 6 + 16 + 4) / 4
    expect(r.MDMW!.value).toBeCloseTo(6.8, 10); // 1.4 + 1.8 + 1.6 + 2
    expect(r.IDISU!.value).toBeCloseTo(15.625, 10); // 100 * 10 / 64
    expect(r.IDISW!.value).toBeCloseTo(10.625, 10); // 100 * 6.8 / 64
  });

  it('MDBU, MDBW from the best-performing region (C = 80 when favourable)', () => {
    // |y - 80| = 30, 10, 0, 20
    expect(r.MDBU!.value).toBeCloseTo(15, 10); // 60 / 4
    expect(r.MDBW!.value).toBeCloseTo(16, 10); // 3 + 3 + 0 + 10
    expect(r.MDBU!.reference).toBe('C');
    // Adverse: best = lowest (A = 50); |y - 50| = 0, 20, 30, 10
    const a = summaryMeasures(input(false));
    expect(a.MDBU!.value).toBeCloseTo(15, 10); // 60 / 4
    expect(a.MDBW!.value).toBeCloseTo(14, 10); // 0 + 6 + 3 + 5
    expect(a.MDBW!.reference).toBe('A');
  });

  it('MDRU, MDRW from the reference region (B = 70)', () => {
    // |y - 70| = 20, 0, 10, 10
    expect(r.MDRU!.value).toBeCloseTo(10, 10); // 40 / 4
    expect(r.MDRW!.value).toBeCloseTo(8, 10); // 2 + 0 + 1 + 5
    expect(r.MDRW!.reference).toBe('B');
  });

  it('TI and MLD (x1000)', () => {
    // r_j = y_j / mu = 50/64, 70/64, 80/64, 60/64
    const rj = [0.78125, 1.09375, 1.25, 0.9375];
    const p = [0.1, 0.3, 0.1, 0.5];
    const ti = 1000 * (p[0] * rj[0] * Math.log(rj[0]) + p[1] * rj[1] * Math.log(rj[1]) + p[2] * rj[2] * Math.log(rj[2]) + p[3] * rj[3] * Math.log(rj[3]));
    const mld = -1000 * (p[0] * Math.log(rj[0]) + p[1] * Math.log(rj[1]) + p[2] * Math.log(rj[2]) + p[3] * Math.log(rj[3]));
    expect(r.TI!.value).toBeCloseTo(ti, 10);
    expect(r.MLD!.value).toBeCloseTo(mld, 10);
    expect(ti).toBeCloseTo(7.7586, 4);
    expect(mld).toBeCloseTo(7.7573, 4);
  });

  it('D, R, PAR, PAF with and without a reference region', () => {
    // Favourable, reference B: D = y_ref - y_lowest = 70 - 50; R = 70 / 50.
    expect(r.D!.value).toBeCloseTo(20, 12);
    expect(r.R!.value).toBeCloseTo(1.4, 12);
    expect(r.D!.compared).toEqual(['B', 'A']);
    // PAR uses the best-performing region (C = 80): 80 - 64 = 16; PAF = 100 * 16 / 64 = 25.
    expect(r.PAR!.value).toBeCloseTo(16, 10);
    expect(r.PAF!.value).toBeCloseTo(25, 10);
    expect(r.PAR!.reference).toBe('C');
    // No reference: highest - lowest = 80 - 50; R = 80 / 50.
    const n = summaryMeasures(input(true, false));
    expect(n.D!.value).toBeCloseTo(30, 12);
    expect(n.R!.value).toBeCloseTo(1.6, 12);
    // Adverse with reference B: D = y_highest - y_ref = 80 - 70, R = 80 / 70.
    const a = summaryMeasures(input(false));
    expect(a.D!.value).toBeCloseTo(10, 12);
    expect(a.R!.value).toBeCloseTo(80 / 70, 12);
    // Adverse PAR: best = lowest (A = 50): 50 - 64 = -14; PAF = 100 * -14 / 64 = -21.875.
    expect(a.PAR!.value).toBeCloseTo(-14, 10);
    expect(a.PAF!.value).toBeCloseTo(-21.875, 10);
  });

  it('PAR is 0 when the reference does no better than the average', () => {
    // Ordered, favourable, richest worst: y_ref = 20 < mu -> PAR = 0, PAF = 0.
    const r0 = summaryMeasures({
      subgroups: [40, 30, 20].map((estimate, i) => ({ name: `G${i + 1}`, estimate, population: 10, order: i + 1 })),
      ordered: true, favourable: true, scale: 100,
    });
    expect(r0.PAR!.value).toBe(0);
    expect(r0.PAF!.value).toBe(0);
  });
});

describe('confidence intervals of non-ordered measures', () => {
  it('BGV: analytic SE (Ahn et al. 2018), hand-computed for three equal groups', () => {
    // y = 10, 20, 30, p = 1/3 each, se = 1: mu = 20, BGV = 200/3.
    // Var = 4 sum p^2 se^2 (y-mu)^2 + 2 (s2^2 - s4 + se4), with
    //   sum p^2 se^2 (y-mu)^2 = 200/9; s2 = 3/9 = 1/3; s4 = 3/81 = 1/27; se4 = 3 (1/9)(4/9) = 4/27
    //   Var = 800/9 + 2 (1/9 - 1/27 + 4/27) = 800/9 + 12/27 = 89.3333; se = 9.45163
    const r = summaryMeasures({
      subgroups: [10, 20, 30].map((estimate, i) => ({ name: `R${i}`, estimate, se: 1, population: 5 })),
      ordered: false, favourable: true, scale: 100,
    });
    const se = Math.sqrt(800 / 9 + 12 / 27);
    expect(r.BGV!.value).toBeCloseTo(200 / 3, 10);
    expect(r.BGV!.ciHigh!).toBeCloseTo(200 / 3 + 1.959963984540054 * se, 8);
    expect(r.BGV!.ciLow!).toBeCloseTo(200 / 3 - 1.959963984540054 * se, 8);
  });

  it('D: se = sqrt(se1^2 + se2^2); R: on the log scale', () => {
    const r = summaryMeasures(input(true, true, 3));
    // D = 20 +/- 1.96 * sqrt(9 + 9)
    expect(r.D!.ciLow!).toBeCloseTo(20 - 1.959963984540054 * Math.sqrt(18), 10);
    // ln R = ln 1.4, se = sqrt(3^2 + 1.4^2 3^2) / (50 * 1.4)
    const lnSe = Math.sqrt(9 + 1.96 * 9) / 70;
    expect(r.R!.ciHigh!).toBeCloseTo(Math.exp(Math.log(1.4) + 1.959963984540054 * lnSe), 10);
  });

  it('no standard errors: values but no intervals', () => {
    const r = summaryMeasures(input());
    for (const code of ['D', 'R', 'BGV', 'BGSD', 'MDRW', 'TI', 'MLD'] as const) {
      expect(r[code]!.ciLow).toBeUndefined();
      expect(r[code]!.ciHigh).toBeUndefined();
    }
    // PAR/PAF intervals need populations only (Walter 1978).
    expect(r.PAR!.ciLow).toBeDefined();
  });

  it('simulated intervals bracket the estimate and TI/MLD intervals are symmetric', () => {
    const r = summaryMeasures(input(true, true, 2));
    for (const code of ['BGSD', 'COV', 'MDMU', 'MDMW', 'MDBU', 'MDBW', 'MDRU', 'MDRW', 'IDISU', 'IDISW'] as const) {
      expect(r[code]!.ciLow!).toBeLessThan(r[code]!.ciHigh!);
      expect(r[code]!.ciLow!).toBeGreaterThanOrEqual(0);
    }
    expect(r.TI!.value - r.TI!.ciLow!).toBeCloseTo(r.TI!.ciHigh! - r.TI!.value, 10);
  });
});
