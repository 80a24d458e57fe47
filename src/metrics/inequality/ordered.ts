import { deltaSe, expit, fitLogistic, fitWls } from './glm';
import { normalCi, roundHalfEven, sum, weightedMean } from './stats';
import type { MeasureValue, SiiMethod } from './types';

/** Ordered subgroups, most disadvantaged first (order ascending), every estimate and population present. */
export interface OrderedData {
  est: number[];
  pop: number[];
  order: number[];
}

/**
 * Ridit scores: mid-point of each subgroup's cumulative population share, X_j = sum_{k<j} p_k + p_j / 2.
 * Subgroups that share an order value share one rank (healthequal groups by subgroup_order).
 */
export function riditScores({ pop, order }: Pick<OrderedData, 'pop' | 'order'>): number[] {
  const total = sum(pop);
  const ranks: number[] = new Array(pop.length);
  let before = 0;
  for (let i = 0; i < pop.length; ) {
    let j = i;
    let groupPop = 0;
    while (j < pop.length && order[j] === order[i]) groupPop += pop[j++];
    for (let k = i; k < j; k++) ranks[k] = (before + groupPop / 2) / total;
    before += groupPop;
    i = j;
  }
  return ranks;
}

/**
 * ACI and RCI by the "convenient regression" of Kakwani, Wagstaff & van Doorslaer 1997 (J Econometrics
 * 77:87-103), as healthequal aci()/rci(): regress 2 sigma^2 (y_j / mu) sqrt(N_j) on rank_j sqrt(N_j) and
 * sqrt(N_j), no constant; the rank coefficient is RCI (a fraction, HEAT shows x100), its OLS standard
 * error gives the 95% CI. ACI = the same with 2 sigma^2 y_j (= RCI mu), in the indicator's unit.
 */
export function concentrationIndices(d: OrderedData): { ACI: MeasureValue; RCI: MeasureValue } {
  const total = sum(d.pop);
  const rank = riditScores(d);
  const mu = weightedMean(d.est, d.pop);
  const sigma2 = sum(rank.map((r, j) => (d.pop[j] / total) * (r - 0.5) ** 2));
  const s = d.pop.map(Math.sqrt);
  const rhs = rank.map((r, j) => r * s[j]);
  const rci = noInterceptOls(rhs, s, d.est.map((y, j) => (2 * sigma2 * y * s[j]) / mu));
  const aci = noInterceptOls(rhs, s, d.est.map((y, j) => 2 * sigma2 * y * s[j]));
  return {
    ACI: { value: aci.coef, ...normalCi(aci.coef, aci.se) },
    RCI: { value: rci.coef, ...normalCi(rci.coef, rci.se) },
  };
}

/** OLS of y on two regressors (x1, x2) without constant; coefficient of x1 and its classical SE. */
function noInterceptOls(x1: number[], x2: number[], y: number[]): { coef: number; se: number } {
  let a = 0, b = 0, c = 0, u = 0, v = 0;
  for (let i = 0; i < y.length; i++) {
    a += x1[i] * x1[i];
    b += x1[i] * x2[i];
    c += x2[i] * x2[i];
    u += x1[i] * y[i];
    v += x2[i] * y[i];
  }
  const det = a * c - b * b;
  const b1 = (c * u - b * v) / det;
  const b2 = (a * v - b * u) / det;
  let rss = 0;
  for (let i = 0; i < y.length; i++) rss += (y[i] - b1 * x1[i] - b2 * x2[i]) ** 2;
  const sigma2 = rss / (y.length - 2);
  return { coef: b1, se: Math.sqrt((sigma2 * c) / det) };
}

/**
 * SII and RII from a regression on ridit scores (Schlotheuber & Hosseinpoor 2022, IJERPH 19:3697;
 * healthequal sii()/rii()), predicted at rank 1 vs rank 0: SII = p(1) - p(0) (x scale), RII = p(1) / p(0).
 * 95% CIs by the delta method on an HC1 sandwich covariance, RII's on the log scale.
 *  - logistic (HEAT default): glm(cbind(y, N - y) ~ X, weights = N, family = quasibinomial), with
 *    N = ceiling(pop) and y = round(est / scale * N). R multiplies `weights` by the binomial totals, so
 *    each subgroup is weighted by N^2: reproduced on purpose to match HEAT.
 *  - binomial: the same without `weights` (each subgroup weighted by N).
 *  - linear: weighted least squares of est / scale on X with weights N.
 * Returns null when the logistic counts are impossible (an estimate outside [0, scale]); RII is null
 * when the linear fit is not positive at both ends.
 */
export function slopeIndices(
  d: OrderedData,
  scale: number,
  method: SiiMethod,
): { SII: MeasureValue; RII: MeasureValue | null } | null {
  const x = riditScores(d);
  const n = d.pop.map(Math.ceil);
  if (method === 'linear') {
    const fit = fitWls(x, d.est.map((y) => y / scale), n);
    const { a, b } = fit;
    const SII = scaled(b, deltaSe(fit.cov, 0, 1), scale);
    // RII = (a + b) / a only exists when the fitted line is positive at both ends.
    if (!(a > 0 && a + b > 0)) return { SII, RII: null };
    return { SII, RII: ratioCi(Math.log((a + b) / a), deltaSe(fit.cov, 1 / (a + b) - 1 / a, 1 / (a + b))) };
  }
  const y = d.est.map((e, j) => roundHalfEven((e / scale) * n[j]));
  if (y.some((yj, j) => yj < 0 || yj > n[j])) return null;
  const prop = y.map((yj, j) => (n[j] === 0 ? 0 : yj / n[j]));
  const w = n.map((nj) => (method === 'logistic' ? nj * nj : nj));
  const fit = fitLogistic(x, prop, w);
  const p0 = expit(fit.a);
  const p1 = expit(fit.a + fit.b);
  return {
    SII: scaled(p1 - p0, deltaSe(fit.cov, p1 * (1 - p1) - p0 * (1 - p0), p1 * (1 - p1)), scale),
    RII: ratioCi(Math.log(p1 / p0), deltaSe(fit.cov, p0 - p1, 1 - p1)),
  };
}

function scaled(sii: number, se: number, scale: number): MeasureValue {
  const ci = normalCi(sii, se);
  return { value: sii * scale, ciLow: ci.ciLow * scale, ciHigh: ci.ciHigh * scale };
}

function ratioCi(lnRii: number, lnSe: number): MeasureValue {
  const ci = normalCi(lnRii, lnSe);
  return { value: Math.exp(lnRii), ciLow: Math.exp(ci.ciLow), ciHigh: Math.exp(ci.ciHigh) };
}
