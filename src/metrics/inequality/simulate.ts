import { mulberry32 } from '../random';
import { quantile7 } from './stats';

/**
 * Seeded parametric bootstrap for the measures whose 95% CI HEAT simulates (Ahn et al. 2019, PLoS One
 * 14(7), as in healthequal): draw every subgroup estimate from N(estimate, se), truncated to [0, 100]
 * for percentages (scale 100) and to >= 0 otherwise, recompute the measure, take the 2.5th and 97.5th
 * percentiles (R quantile type 7). Same seed, same input -> same interval, on every machine.
 * Each draw recomputes the whole measure (setting average, best and reference subgroup included);
 * healthequal's idisw() keeps the observed average inside the loop, its other measures do not.
 * The draws come from mulberry32 + Box-Muller, not R's Mersenne Twister, so intervals agree with
 * HEAT's in distribution, not digit for digit.
 */

export { mulberry32 };

/** Standard normal draws by Box-Muller from a uniform source. */
export function normalSource(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** One draw of N(mean, sd) restricted to [lo, hi] by rejection, as healthequal's `repeat` loop; after
 *  10,000 rejections (an estimate far outside its range) the bound is returned instead of looping forever. */
function truncatedNormal(normal: () => number, mean: number, sd: number, lo: number, hi: number): number {
  for (let i = 0; i < 10_000; i++) {
    const x = mean + sd * normal();
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, mean));
}

export interface SimulationSettings {
  simulations: number;
  seed: number;
  scale: number;
}

/** 95% percentile interval of `measure` over simulated estimate vectors. */
export function simulatedCi(
  est: readonly number[],
  se: readonly number[],
  measure: (simulated: number[]) => number,
  { simulations, seed, scale }: SimulationSettings,
): { ciLow: number; ciHigh: number } {
  const normal = normalSource(mulberry32(seed));
  const hi = scale === 100 ? 100 : Infinity;
  const values: number[] = [];
  for (let s = 0; s < simulations; s++) {
    const draw = est.map((y, j) => truncatedNormal(normal, y, se[j], 0, hi));
    values.push(measure(draw));
  }
  return { ciLow: quantile7(values, 0.025), ciHigh: quantile7(values, 0.975) };
}
