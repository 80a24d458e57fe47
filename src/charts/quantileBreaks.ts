import { quantile7 } from '../metrics/inequality/stats';

/**
 * Class breaks for `n` equal-count classes (quantiles at 1/n ... (n-1)/n, type 7 as d3's quantile scale), without
 * repeats: when many districts share a value (e.g. no facility of the chosen type), repeated breaks would show as
 * empty classes and a legend reading "0.0 0.0". Fewer classes are honest there. All values equal: one break at it.
 */
export function quantileBreaks(values: readonly (number | null | undefined)[], n: number): number[] {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return [];
  // A value equal to a break goes to the class above it, so a break at the minimum would leave the first class empty.
  const min = Math.min(...xs);
  const breaks = [...new Set(Array.from({ length: n - 1 }, (_, i) => quantile7(xs, (i + 1) / n)))].filter((b) => b > min);
  return breaks.length ? breaks : [min];
}
