import { sum } from './stats';

/**
 * Point formulas of HEAT's measures for non-ordered dimensions (Schlotheuber & Hosseinpoor 2022, IJERPH
 * 19:3697, Table 1; as healthequal). `y` = subgroup estimates, `p` = population shares (sum 1),
 * `mu` = sum p_j y_j the setting average. Each takes the estimate vector so the bootstrap can reuse it.
 */

export const mean = (y: readonly number[], p: readonly number[]): number => sum(y.map((v, j) => p[j] * v));

/** BGV = sum p_j (y_j - mu)^2, unit squared (Harper & Lynch 2005, NCI Methods for measuring cancer disparities). */
export const bgv = (y: readonly number[], p: readonly number[]): number => {
  const mu = mean(y, p);
  return sum(y.map((v, j) => p[j] * (v - mu) ** 2));
};

/** BGSD = sqrt(BGV), in the indicator's unit (Harper & Lynch 2005). */
export const bgsd = (y: readonly number[], p: readonly number[]): number => Math.sqrt(bgv(y, p));

/** COV = 100 BGSD / mu, percent of the average (Harper & Lynch 2005). */
export const cov = (y: readonly number[], p: readonly number[]): number => (100 * bgsd(y, p)) / mean(y, p);

/** MDMU = (1/n) sum |y_j - mu|, mu still population-weighted (WHO HEAT technical notes). */
export const mdmu = (y: readonly number[], p: readonly number[]): number => {
  const mu = mean(y, p);
  return sum(y.map((v) => Math.abs(v - mu))) / y.length;
};

/** MDMW = sum p_j |y_j - mu| (WHO HEAT technical notes). */
export const mdmw = (y: readonly number[], p: readonly number[]): number => {
  const mu = mean(y, p);
  return sum(y.map((v, j) => p[j] * Math.abs(v - mu)));
};

/** Best-performing estimate: highest for favourable, lowest for adverse indicators. */
export const best = (y: readonly number[], favourable: boolean): number => (favourable ? Math.max(...y) : Math.min(...y));

/** MDBU = (1/n) sum |y_j - y_best|, n includes the best subgroup (HEAT technical notes; healthequal mdbu()). */
export const mdbu = (y: readonly number[], favourable: boolean): number => {
  const yb = best(y, favourable);
  return sum(y.map((v) => Math.abs(v - yb))) / y.length;
};

/** MDBW = sum p_j |y_j - y_best| (WHO HEAT technical notes). */
export const mdbw = (y: readonly number[], p: readonly number[], favourable: boolean): number => {
  const yb = best(y, favourable);
  return sum(y.map((v, j) => p[j] * Math.abs(v - yb)));
};

/** MDRU = (1/n) sum |y_j - y_ref|, `ref` = index of the reference subgroup (WHO HEAT technical notes). */
export const mdru = (y: readonly number[], ref: number): number => sum(y.map((v) => Math.abs(v - y[ref]))) / y.length;

/** MDRW = sum p_j |y_j - y_ref| (WHO HEAT technical notes). */
export const mdrw = (y: readonly number[], p: readonly number[], ref: number): number =>
  sum(y.map((v, j) => p[j] * Math.abs(v - y[ref])));

/** IDISU = 100 MDMU / mu, percent of the average (Pearcy & Keppel 2002, Public Health Rep 117:273). */
export const idisu = (y: readonly number[], p: readonly number[]): number => (100 * mdmu(y, p)) / mean(y, p);

/** IDISW = 100 MDMW / mu, the population-weighted index of disparity (HEAT technical notes). */
export const idisw = (y: readonly number[], p: readonly number[]): number => (100 * mdmw(y, p)) / mean(y, p);

/** healthequal replaces a zero estimate by 1e-6 in TI and MLD so that the logarithm exists. */
const nonZero = (y: readonly number[]): number[] => y.map((v) => (v === 0 ? 1e-6 : v));

/** TI = 1000 sum p_j r_j ln r_j, r_j = y_j / mu (Theil 1967, Economics and Information Theory; x1000 as HEAT). */
export const ti = (y: readonly number[], p: readonly number[]): number => {
  const z = nonZero(y);
  const mu = mean(z, p);
  return 1000 * sum(z.map((v, j) => p[j] * (v / mu) * Math.log(v / mu)));
};

/** MLD = 1000 sum p_j (-ln r_j), Theil's second measure (Theil 1967; x1000 as HEAT). */
export const mld = (y: readonly number[], p: readonly number[]): number => {
  const z = nonZero(y);
  const mu = mean(z, p);
  return 1000 * sum(z.map((v, j) => -p[j] * Math.log(v / mu)));
};

/** Analytic SE of BGV (Ahn et al. 2018, JCO Clin Cancer Inform 2:1-19, as healthequal bgv()). */
export function bgvSe(y: readonly number[], p: readonly number[], se: readonly number[]): number {
  const mu = mean(y, p);
  const se2 = sum(y.map((v, j) => p[j] ** 2 * se[j] ** 2 * (v - mu) ** 2));
  const s2 = sum(p.map((pj, j) => pj ** 2 * se[j] ** 2));
  const s4 = sum(p.map((pj, j) => pj ** 4 * se[j] ** 4));
  const se4 = sum(p.map((pj, j) => pj ** 2 * (1 - pj) ** 2 * se[j] ** 4));
  return Math.sqrt(4 * se2 + 2 * (s2 ** 2 - s4 + se4));
}

/** Analytic SE of TI x1000 (Ahn et al. 2018; healthequal ti() leaves it unscaled, we scale it with TI). */
export function tiSe(y: readonly number[], p: readonly number[], se: readonly number[]): number {
  const z = nonZero(y);
  const mu = mean(z, p);
  const r = z.map((v) => v / mu);
  const centre = sum(r.map((rj, j) => rj * (1 + Math.log(rj)) * p[j]));
  return 1000 * Math.sqrt(sum(r.map((rj, j) => (1 + Math.log(rj) - centre) ** 2 * (p[j] ** 2 * se[j] ** 2) / mu ** 2)));
}

/** Analytic SE of MLD x1000 (Ahn et al. 2018; scaled with MLD, see tiSe). */
export function mldSe(y: readonly number[], p: readonly number[], se: readonly number[]): number {
  const z = nonZero(y);
  const mu = mean(z, p);
  return 1000 * Math.sqrt(sum(z.map((v, j) => ((se[j] ** 2 * p[j] ** 2) / mu ** 2) * (1 - mu / v) ** 2)));
}
