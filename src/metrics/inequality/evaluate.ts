import * as no from './nonOrdered';
import { concentrationIndices, slopeIndices } from './ordered';
import { names, prepare } from './prepare';
import { attributable, attributableReference, comparedPair, difference, ratio } from './simple';
import { simulatedCi } from './simulate';
import { normalCi, shares, sum } from './stats';
import { MEASURE_CODES, type MeasureCode, type MeasureValue, type SummaryInput } from './types';

export type Outcome = { value: MeasureValue } | { reason: string };

const ORDERED_ONLY: MeasureCode[] = ['ACI', 'RCI', 'SII', 'RII'];
const NON_ORDERED_ONLY: MeasureCode[] = MEASURE_CODES.filter((c) => !['D', 'R', 'PAF', 'PAR', ...ORDERED_ONLY].includes(c));
/** Everything but D, R, MDBU and MDRU weights subgroups by population or needs the setting average. */
const NEEDS_POPULATION: MeasureCode[] = MEASURE_CODES.filter((c) => !['D', 'R', 'MDBU', 'MDRU'].includes(c));
const SIMULATED = ['BGSD', 'COV', 'MDMU', 'MDMW', 'MDBU', 'MDBW', 'MDRU', 'MDRW', 'IDISU', 'IDISW'] as const;

/** Compute every measure, or the first reason it cannot be computed; one path for values and reasons. */
export function evaluate(input: SummaryInput, simulate: boolean): Record<MeasureCode, Outcome> {
  const out: Partial<Record<MeasureCode, Outcome>> = {};
  const fail = (codes: readonly MeasureCode[], reason: string) => {
    for (const c of codes) out[c] ??= { reason };
  };
  const put = (code: MeasureCode, value: MeasureValue | null, reason: string) => {
    if (out[code]) return;
    const ok = value !== null && Number.isFinite(value.value);
    out[code] = ok ? { value: value! } : { reason };
  };
  const { ordered, favourable, scale } = input;
  const prep = prepare(input);
  const { subs, all } = prep;
  if (prep.globalReason) fail(MEASURE_CODES, prep.globalReason);

  // Applicability (HEAT technical notes; Schlotheuber & Hosseinpoor 2022, Table 1).
  if (ordered) {
    fail(NON_ORDERED_ONLY, 'only for non-ordered dimensions (such as regions); ordered dimensions use ACI, RCI, SII and RII');
    if (prep.missingOrder.length) fail(MEASURE_CODES, `the subgroup order is missing for ${names(prep.missingOrder)}`);
    if (all.length <= 2) fail(ORDERED_ONLY, 'needs more than two ordered subgroups');
    if (prep.missingEstimates.length)
      fail(ORDERED_ONLY, `ordered measures need every subgroup estimate (missing: ${names(prep.missingEstimates)})`);
  } else {
    fail(ORDERED_ONLY, 'only for ordered dimensions (subgroups with a natural order, such as wealth quintiles)');
    if (subs.length <= 2) fail(NON_ORDERED_ONLY, 'needs more than two subgroups with estimates');
  }
  if (prep.missingPopulation.length) fail(NEEDS_POPULATION, `the population is missing for ${names(prep.missingPopulation)}`);
  else if (sum(subs.map((s) => s.pop!)) <= 0) fail(NEEDS_POPULATION, 'the population is zero in every subgroup');

  if (ordered && !out.D) {
    const byOrder = [...all].sort((a, b) => a.order! - b.order!);
    const least = byOrder[0];
    const most = byOrder[byOrder.length - 1];
    const missing = (s: typeof least) => !subs.some((c) => c.name === s.name && c.order === s.order);
    if (missing(most)) fail(['D', 'R', 'PAR', 'PAF'], `the most advantaged subgroup (${most.name}) has no estimate`);
    if (missing(least)) fail(['D', 'R'], `the most disadvantaged subgroup (${least.name}) has no estimate`);
  }
  if (!ordered) {
    const refs = prep.references;
    if (refs.length > 1) fail(['D', 'R', 'MDRU', 'MDRW'], `more than one reference subgroup is marked (${names(refs)})`);
    else if (refs.length === 1 && !subs.some((s) => s.reference))
      fail(['D', 'R', 'MDRU', 'MDRW'], `the reference subgroup (${refs[0].name}) has no estimate`);
    else if (refs.length === 0) fail(['MDRU', 'MDRW'], 'no reference subgroup is marked (such as the capital region)');
  }

  if (!out.D || !out.R) {
    const pair = comparedPair(subs, ordered, favourable);
    put('D', difference(pair), 'the difference could not be computed');
    if (pair[1].est === 0) fail(['R'], `the ratio is undefined: ${pair[1].name} has an estimate of 0`);
    put('R', ratio(pair), 'the ratio could not be computed');
  }
  if (!out.PAR || !out.PAF) {
    const ref = attributableReference(subs, ordered, favourable);
    const { PAR, PAF } = attributable(subs, ref, favourable, scale);
    put('PAR', PAR, 'PAR could not be computed');
    put('PAF', PAF, 'PAF is undefined: the setting average is 0');
  }

  if (ordered) computeOrdered(input, subs, out, fail, put);
  else computeNonOrdered(input, subs, simulate, out, fail, put);

  return Object.fromEntries(MEASURE_CODES.map((c) => [c, out[c] ?? { reason: 'not computed' }])) as Record<MeasureCode, Outcome>;
}

type Fail = (codes: readonly MeasureCode[], reason: string) => void;
type Put = (code: MeasureCode, value: MeasureValue | null, reason: string) => void;

function computeOrdered(
  input: SummaryInput,
  subs: ReturnType<typeof prepare>['subs'],
  out: Partial<Record<MeasureCode, Outcome>>,
  fail: Fail,
  put: Put,
) {
  if (ORDERED_ONLY.every((c) => out[c])) return;
  const d = { est: subs.map((s) => s.est), pop: subs.map((s) => s.pop!), order: subs.map((s) => s.order!) };
  const { ACI, RCI } = concentrationIndices(d);
  put('ACI', ACI, 'ACI could not be computed');
  put('RCI', RCI, 'RCI is undefined: the setting average is 0');
  const method = input.options?.siiMethod ?? 'logistic';
  if (d.est.every((y) => y === d.est[0])) fail(['SII', 'RII'], 'all subgroup estimates are equal, so there is no gradient to fit');
  if (method !== 'linear' && d.est.some((y) => y < 0 || y > input.scale))
    fail(['SII', 'RII'], `the logistic model needs estimates between 0 and ${input.scale}; use the linear option`);
  if (out.SII && out.RII) return;
  const slope = slopeIndices(d, input.scale, method);
  put('SII', slope?.SII ?? null, 'SII could not be computed');
  put('RII', slope?.RII ?? null, 'RII is undefined: the fitted line is not positive at the bottom of the distribution');
}

function computeNonOrdered(
  input: SummaryInput,
  subs: ReturnType<typeof prepare>['subs'],
  simulate: boolean,
  out: Partial<Record<MeasureCode, Outcome>>,
  fail: Fail,
  put: Put,
) {
  if (NON_ORDERED_ONLY.every((c) => out[c])) return;
  const y = subs.map((s) => s.est);
  const p = shares(subs.map((s) => s.pop ?? 0));
  const se = subs.map((s) => s.se);
  const hasSe = se.every((v) => v !== undefined);
  const seN = se as number[];
  const mu = no.mean(y, p);
  if (!(mu > 0)) fail(['COV', 'IDISU', 'IDISW', 'TI', 'MLD'], 'relative measures need a positive setting average');
  if (y.some((v) => v < 0)) fail(['TI', 'MLD'], 'needs non-negative estimates');

  const fav = input.favourable;
  const refIndex = subs.findIndex((s) => s.reference);
  const bestName = subs[y.indexOf(no.best(y, fav))].name;
  const formulas: Record<(typeof SIMULATED)[number], (v: number[]) => number> = {
    BGSD: (v) => no.bgsd(v, p),
    COV: (v) => no.cov(v, p),
    MDMU: (v) => no.mdmu(v, p),
    MDMW: (v) => no.mdmw(v, p),
    MDBU: (v) => no.mdbu(v, fav),
    MDBW: (v) => no.mdbw(v, p, fav),
    MDRU: (v) => no.mdru(v, refIndex),
    MDRW: (v) => no.mdrw(v, p, refIndex),
    IDISU: (v) => no.idisu(v, p),
    IDISW: (v) => no.idisw(v, p),
  };
  const settings = {
    simulations: input.options?.simulations ?? 1000,
    seed: input.options?.seed ?? 123456,
    scale: input.scale,
  };
  for (const code of SIMULATED) {
    if (out[code]) continue;
    const value: MeasureValue = { value: formulas[code](y) };
    if (code === 'MDBU' || code === 'MDBW') value.reference = bestName;
    if ((code === 'MDRU' || code === 'MDRW') && refIndex >= 0) value.reference = subs[refIndex].name;
    if (simulate && hasSe && Number.isFinite(value.value)) Object.assign(value, simulatedCi(y, seN, formulas[code], settings));
    put(code, value, `${code} could not be computed`);
  }
  const analytic = (v: number, seFn: () => number): MeasureValue => (hasSe ? { value: v, ...normalCi(v, seFn()) } : { value: v });
  put('BGV', analytic(no.bgv(y, p), () => no.bgvSe(y, p, seN)), 'BGV could not be computed');
  put('TI', analytic(no.ti(y, p), () => no.tiSe(y, p, seN)), 'TI could not be computed');
  put('MLD', analytic(no.mld(y, p), () => no.mldSe(y, p, seN)), 'MLD could not be computed');
}
