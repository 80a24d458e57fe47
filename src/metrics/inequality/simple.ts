import { normalCi, sum, Z95 } from './stats';
import type { CleanSubgroup, MeasureValue } from './types';

/**
 * Which two subgroups D and R compare, by healthequal d()/r() (v1.0.1) and the HEAT technical notes:
 *  - ordered, favourable: most advantaged (highest order) vs least advantaged (lowest order);
 *    ordered, adverse: least vs most advantaged;
 *  - non-ordered without reference: highest vs lowest estimate;
 *  - non-ordered with a reference subgroup: favourable reference vs lowest, adverse highest vs reference.
 * So D > 0 and R > 1 mean the advantaged (or reference) subgroup does better, for both kinds of indicator.
 */
export function comparedPair(
  subs: CleanSubgroup[],
  ordered: boolean,
  favourable: boolean,
): [CleanSubgroup, CleanSubgroup] {
  if (ordered) {
    const least = subs.reduce((m, s) => (s.order! < m.order! ? s : m));
    const most = subs.reduce((m, s) => (s.order! > m.order! ? s : m));
    return favourable ? [most, least] : [least, most];
  }
  const high = subs.reduce((m, s) => (s.est > m.est ? s : m));
  const low = subs.reduce((m, s) => (s.est < m.est ? s : m));
  const ref = subs.find((s) => s.reference);
  if (!ref) return [high, low];
  return favourable ? [ref, low] : [high, ref];
}

/** D = y1 - y2 (Schlotheuber & Hosseinpoor 2022); CI: se = sqrt(se1^2 + se2^2). */
export function difference([s1, s2]: [CleanSubgroup, CleanSubgroup]): MeasureValue {
  const value = s1.est - s2.est;
  const out: MeasureValue = { value, compared: [s1.name, s2.name] };
  if (s1.se !== undefined && s2.se !== undefined) Object.assign(out, normalCi(value, Math.hypot(s1.se, s2.se)));
  return out;
}

/** R = y1 / y2; CI on the log scale, se(ln R) = sqrt(se1^2 + R^2 se2^2) / (y2 R) (Ahn et al. 2018, as healthequal r()). */
export function ratio([s1, s2]: [CleanSubgroup, CleanSubgroup]): MeasureValue {
  const value = s1.est / s2.est;
  const out: MeasureValue = { value, compared: [s1.name, s2.name] };
  if (s1.se !== undefined && s2.se !== undefined && value > 0) {
    const lnSe = Math.sqrt(s1.se ** 2 + value ** 2 * s2.se ** 2) / Math.abs(s2.est) / value;
    const ci = normalCi(Math.log(value), lnSe);
    Object.assign(out, { ciLow: Math.exp(ci.ciLow), ciHigh: Math.exp(ci.ciHigh) });
  }
  return out;
}

/** PAR/PAF reference (healthequal parisk()/paf()): the most advantaged subgroup of an ordered dimension,
 *  the best-performing one (highest if favourable, lowest if adverse) of a non-ordered dimension. */
export function attributableReference(subs: CleanSubgroup[], ordered: boolean, favourable: boolean): CleanSubgroup {
  if (ordered) return subs.reduce((m, s) => (s.order! > m.order! ? s : m));
  return subs.reduce((m, s) => ((favourable ? s.est > m.est : s.est < m.est) ? s : m));
}

/**
 * PAR = y_ref - mu, PAF = 100 PAR / mu (Schlotheuber & Hosseinpoor 2022), set to 0 when the reference
 * does no better than the average (PAR < 0 for favourable, > 0 for adverse indicators).
 * 95% CI from Walter's (1978, Int J Epidemiol 7:175) variance of the attributable fraction on the 2x2
 * table of expected counts, as healthequal: se(PAF) in percent = 100 se_f, se(PAR) = |mu| se_f.
 * (healthequal adds the fractional se_f to the percent PAF; we keep the units consistent.)
 */
export function attributable(
  subs: CleanSubgroup[],
  ref: CleanSubgroup,
  favourable: boolean,
  scale: number,
): { PAR: MeasureValue; PAF: MeasureValue | null } {
  const popTotal = sum(subs.map((s) => s.pop!));
  const mu = sum(subs.map((s) => (s.pop! / popTotal) * s.est));
  const raw = ref.est - mu;
  const par = (favourable ? raw < 0 : raw > 0) ? 0 : raw;
  const c = (ref.est / scale) * ref.pop!;
  const d = ref.pop! - c;
  const a = (mu / scale) * popTotal - c;
  const b = popTotal - a - ref.pop!;
  const N = a + b + c + d;
  const seF = Math.sqrt((c * N * (a * d * (N - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3));
  const withCi = (value: number, se: number): MeasureValue =>
    Number.isFinite(se)
      ? { value, ciLow: value - Z95 * se, ciHigh: value + Z95 * se, reference: ref.name }
      : { value, reference: ref.name };
  return {
    PAR: withCi(par, Math.abs(mu) * seF),
    PAF: mu === 0 ? null : withCi((100 * par) / mu, 100 * seF),
  };
}
