import { describe, expect, it } from 'vitest';
import { riditScores, summaryMeasures, type SiiMethod, type SummaryInput } from '../inequality';

// Reference vector from the WHO `healthequal` R package tests (CRAN healthequal; WHOequity/healthequal):
// five ordered subgroups, most disadvantaged first, favourable indicator, scale 100.
const POP = [78, 91, 162, 103, 105];
const EST = [20, 30, 40, 50, 60];

function input(method?: SiiMethod, est = EST, pop = POP): SummaryInput {
  return {
    subgroups: est.map((e, i) => ({ name: `Q${i + 1}`, estimate: e, population: pop[i], order: i + 1 })),
    ordered: true,
    favourable: true,
    scale: 100,
    options: method ? { siiMethod: method } : undefined,
  };
}

/** |actual - expected| <= tol * |expected| */
function close(actual: number | undefined, expected: number, tol = 1e-4) {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('ordered dimension: healthequal reference vector', () => {
  const r = summaryMeasures(input());

  it('reproduces D, R, ACI, RCI, PAR and PAF (1e-4 relative)', () => {
    close(r.D!.value, 40);
    close(r.R!.value, 3);
    close(r.ACI!.value, 7.3284202);
    close(r.RCI!.value, 0.17776859); // a fraction; HEAT displays 17.776859
    close(r.PAR!.value, 18.775509); // PAR = 60 - mu, mu = 41.22449
    close(r.PAF!.value, 45.544548);
    close(60 - r.PAR!.value, 41.22449); // the setting average
    expect(r.D!.compared).toEqual(['Q5', 'Q1']);
    expect(r.PAR!.reference).toBe('Q5');
  });

  it('reproduces SII and RII with 95% CI from the quasibinomial fit (1e-3)', () => {
    close(r.SII!.value, 44.44502, 1e-3);
    close(r.SII!.ciLow, 40.15109, 1e-3);
    close(r.SII!.ciHigh, 48.73895, 1e-3);
    close(r.RII!.value, 3.159506, 1e-3);
    close(r.RII!.ciLow, 2.719902, 1e-3);
    close(r.RII!.ciHigh, 3.67016, 1e-3);
  });

  it('gives the plain-binomial and WLS variants listed with the reference', () => {
    const b = summaryMeasures(input('binomial'));
    close(b.SII!.value, 44.905, 1e-3);
    close(b.RII!.value, 3.224, 1e-3);
    const l = summaryMeasures(input('linear'));
    close(l.SII!.value, 46.254, 1e-3);
    close(l.RII!.value, 3.556, 1e-3);
    expect(l.SII!.ciLow!).toBeLessThan(l.SII!.value);
    expect(l.SII!.ciHigh!).toBeGreaterThan(l.SII!.value);
  });

  it('ridit scores are the mid-points of cumulative population shares', () => {
    const x = riditScores({ pop: POP, order: [1, 2, 3, 4, 5] });
    close(x[0], 39 / 539); // 78 / 2 / 539
    close(x[2], (78 + 91 + 81) / 539);
    close(x[4], (539 - 52.5) / 539);
    // Tied orders share one rank.
    expect(riditScores({ pop: [1, 1, 2], order: [1, 1, 2] })).toEqual([0.25, 0.25, 0.75]);
  });
});

/** Concentration index from the concentration curve: 1 - 2 x (trapezoid area under L(p)). */
function concentrationFromCurve(est: number[], pop: number[]): number {
  const total = pop.reduce((a, b) => a + b, 0);
  const health = est.reduce((a, y, j) => a + y * pop[j], 0);
  let x0 = 0, l0 = 0, area = 0;
  for (let j = 0; j < est.length; j++) {
    const x1 = x0 + pop[j] / total;
    const l1 = l0 + (est[j] * pop[j]) / health;
    area += ((x1 - x0) * (l0 + l1)) / 2;
    x0 = x1;
    l0 = l1;
  }
  return 1 - 2 * area;
}

describe('relative concentration index', () => {
  it('equals the grouped concentration index from the trapezoid concentration curve', () => {
    close(summaryMeasures(input()).RCI!.value, concentrationFromCurve(EST, POP), 1e-9);
    const est = [71.5, 64.2, 80.1, 77, 90.3, 88.8, 95.2];
    const pop = [1200, 900, 1500, 700, 1100, 650, 400];
    const r = summaryMeasures(input(undefined, est, pop));
    close(r.RCI!.value, concentrationFromCurve(est, pop), 1e-9);
    // ACI = RCI x mu
    const mu = est.reduce((a, y, j) => a + y * pop[j], 0) / pop.reduce((a, b) => a + b, 0);
    close(r.ACI!.value, r.RCI!.value * mu, 1e-9);
  });
});

describe('ordered dimension, adverse indicator', () => {
  it('D and R compare least vs most advantaged; PAR is negative towards the most advantaged', () => {
    // Mortality per 1000 falling from poorest (Q1) to richest (Q5).
    const r = summaryMeasures({ ...input(), favourable: false, scale: 1000, subgroups: input(undefined, [60, 50, 40, 30, 20]).subgroups });
    expect(r.D!.value).toBeCloseTo(40, 12); // 60 - 20
    expect(r.R!.value).toBeCloseTo(3, 12); // 60 / 20
    expect(r.D!.compared).toEqual(['Q1', 'Q5']);
    // mu = (78*60 + 91*50 + 162*40 + 103*30 + 105*20) / 539 = 20900 / 539
    expect(r.PAR!.value).toBeCloseTo(20 - 20900 / 539, 10);
    expect(r.SII!.value).toBeLessThan(0);
    expect(r.RCI!.value).toBeLessThan(0);
  });
});
