/** qnorm(0.975): two-sided 95% normal quantile, as healthequal's `qnorm(cilevel)`. */
export const Z95 = 1.959963984540054;

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Population shares p_j = N_j / sum N. */
export function shares(pop: readonly number[]): number[] {
  const total = sum(pop);
  return pop.map((p) => p / total);
}

/** Population-weighted setting average mu = sum p_j y_j. */
export function weightedMean(est: readonly number[], pop: readonly number[]): number {
  const p = shares(pop);
  return sum(est.map((y, j) => p[j] * y));
}

/** Symmetric normal interval value +/- z se. */
export function normalCi(value: number, se: number): { ciLow: number; ciHigh: number } {
  return { ciLow: value - Z95 * se, ciHigh: value + Z95 * se };
}

/** Sample quantile, R's default type 7 (linear interpolation between order statistics). */
export function quantile7(xs: readonly number[], prob: number): number {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** R's round(): halves go to the even neighbour (IEC 60559), unlike Math.round. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Solve the 2x2 system / invert a symmetric 2x2 matrix [[a, b], [b, d]]. */
export function invert2(a: number, b: number, d: number): [number, number, number] {
  const det = a * d - b * b;
  return [d / det, -b / det, a / det];
}
