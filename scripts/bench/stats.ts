/** Small statistics for benchmark samples (milliseconds). Pure: unit-tested in stats.test.ts. */

/** Percentile by linear interpolation between closest ranks (numpy's default, "linear"); p in [0, 100]. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`invalid percentile: ${p}`);
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export interface Summary { n: number; p50: number; p95: number; min: number; max: number }

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), min: Math.min(...samples), max: Math.max(...samples) };
}

/** a / b, or null when either side is missing or b is 0 (a ratio that cannot be formed is shown as "–"). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/** Megabytes (10^6 bytes) per second, and rows per second, for `bytes`/`rows` handled in `ms`. */
export function throughput(bytes: number, rows: number, ms: number): { mbPerS: number | null; rowsPerS: number | null } {
  if (!(ms > 0)) return { mbPerS: null, rowsPerS: null };
  return { mbPerS: bytes / 1e6 / (ms / 1000), rowsPerS: rows / (ms / 1000) };
}
