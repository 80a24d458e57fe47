import { invert2 } from './stats';

/**
 * Two-parameter regressions y ~ a + b x for SII/RII, reproducing what R's glm + sandwich::vcovHC(type =
 * "HC1") give (healthequal's `marginaleffects::avg_comparisons(..., vcov = "HC1")`).
 * A covariance is [var(a), cov(a, b), var(b)].
 */
export interface Fit {
  a: number;
  b: number;
  /** HC1 sandwich covariance of (a, b). */
  cov: [number, number, number];
}

/** (X'WX)^-1 for X = [1, x]. */
function bread(x: readonly number[], w: readonly number[]): [number, number, number] {
  let s0 = 0, s1 = 0, s2 = 0;
  for (let i = 0; i < x.length; i++) {
    s0 += w[i];
    s1 += w[i] * x[i];
    s2 += w[i] * x[i] * x[i];
  }
  return invert2(s0, s1, s2);
}

/** HC1 sandwich B (sum u_i^2 x_i x_i') B * n / (n - 2), u_i = prior weight * response residual (R's
 *  working residual times working weight). The quasi-dispersion cancels out, as in sandwich's estfun.glm. */
function sandwichHC1(x: readonly number[], u: readonly number[], B: [number, number, number]): [number, number, number] {
  let m0 = 0, m1 = 0, m2 = 0;
  for (let i = 0; i < x.length; i++) {
    const u2 = u[i] * u[i];
    m0 += u2;
    m1 += u2 * x[i];
    m2 += u2 * x[i] * x[i];
  }
  const [p, q, r] = B;
  // B M B for symmetric 2x2 matrices.
  const t00 = p * m0 + q * m1, t01 = p * m1 + q * m2;
  const t10 = q * m0 + r * m1, t11 = q * m1 + r * m2;
  const k = x.length / (x.length - 2);
  return [k * (t00 * p + t01 * q), k * (t00 * q + t01 * r), k * (t10 * q + t11 * r)];
}

export const expit = (eta: number): number => 1 / (1 + Math.exp(-eta));

/**
 * Logistic regression of proportions y_i (successes / trials) on x by IRLS (Fisher scoring, canonical
 * logit link), prior weights w_i as R's binomial family sets them (its `weights` argument times trials).
 */
export function fitLogistic(x: readonly number[], y: readonly number[], w: readonly number[]): Fit {
  // R's binomial()$initialize: mustart = (w y + 0.5) / (w + 1).
  let eta = y.map((yi, i) => Math.log((w[i] * yi + 0.5) / (w[i] + 1) / (1 - (w[i] * yi + 0.5) / (w[i] + 1))));
  let a = 0, b = 0;
  let dev = Infinity;
  for (let iter = 0; iter < 100; iter++) {
    const mu = eta.map(expit);
    const W = mu.map((m, i) => w[i] * m * (1 - m));
    const z = eta.map((e, i) => (W[i] > 0 ? e + (y[i] - mu[i]) / (mu[i] * (1 - mu[i])) : e));
    const [p, q, r] = bread(x, W);
    let c0 = 0, c1 = 0;
    for (let i = 0; i < x.length; i++) {
      c0 += W[i] * z[i];
      c1 += W[i] * x[i] * z[i];
    }
    a = p * c0 + q * c1;
    b = q * c0 + r * c1;
    eta = x.map((xi) => a + b * xi);
    const next = binomialDeviance(y, eta.map(expit), w);
    const done = Math.abs(next - dev) / (Math.abs(next) + 0.1) < 1e-14;
    dev = next;
    if (done) break;
  }
  const mu = eta.map(expit);
  const B = bread(x, mu.map((m, i) => w[i] * m * (1 - m)));
  const u = mu.map((m, i) => w[i] * (y[i] - m));
  return { a, b, cov: sandwichHC1(x, u, B) };
}

function binomialDeviance(y: readonly number[], mu: readonly number[], w: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    if (w[i] === 0) continue;
    if (y[i] > 0) d += 2 * w[i] * y[i] * Math.log(y[i] / mu[i]);
    if (y[i] < 1) d += 2 * w[i] * (1 - y[i]) * Math.log((1 - y[i]) / (1 - mu[i]));
  }
  return d;
}

/** Weighted least squares y ~ a + b x with weights w (R: glm(family = gaussian, weights = w)). */
export function fitWls(x: readonly number[], y: readonly number[], w: readonly number[]): Fit {
  const B = bread(x, w);
  let c0 = 0, c1 = 0;
  for (let i = 0; i < x.length; i++) {
    c0 += w[i] * y[i];
    c1 += w[i] * x[i] * y[i];
  }
  const a = B[0] * c0 + B[1] * c1;
  const b = B[1] * c0 + B[2] * c1;
  const u = x.map((xi, i) => w[i] * (y[i] - a - b * xi));
  return { a, b, cov: sandwichHC1(x, u, B) };
}

/** Delta-method standard error of g(a, b) with gradient (ga, gb). */
export function deltaSe(cov: [number, number, number], ga: number, gb: number): number {
  return Math.sqrt(ga * ga * cov[0] + 2 * ga * gb * cov[1] + gb * gb * cov[2]);
}
