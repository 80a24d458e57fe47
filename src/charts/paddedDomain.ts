/**
 * A domain for values that may all be equal (one district, one year, or every district at the same value). Plot and d3
 * give a collapsed scale [v, v] there: every tick lands on one spot and their labels print over each other (read as
 * "00000"). Returns undefined when the values already span an interval (let Plot choose), else an interval around the
 * value: [0, 2v] for a non-negative v when `zero` (so bars and dots sit at the middle of a scale starting at 0), else
 * v ± 10% of |v| (± 1 when v is 0).
 */
export function paddedDomain(values: readonly (number | null | undefined)[], { zero = false } = {}): [number, number] | undefined {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return undefined;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (hi > lo) return undefined;
  if (lo === 0) return [0, 1];
  if (zero && lo > 0) return [0, 2 * lo];
  const pad = Math.abs(lo) * 0.1;
  return [lo - pad, lo + pad];
}
