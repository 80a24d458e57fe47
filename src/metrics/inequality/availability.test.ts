import { describe, expect, it } from 'vitest';
import {
  MEASURE_CODES, measureAvailability, summaryMeasures, type MeasureCode, type Subgroup, type SummaryInput,
} from '../inequality';

const ALL_ORDER: MeasureCode[] = ['D', 'R', 'PAF', 'PAR', 'ACI', 'RCI', 'SII', 'RII'];
const NON_ORDERED: MeasureCode[] = MEASURE_CODES.filter((c) => !['ACI', 'RCI', 'SII', 'RII'].includes(c));

function regions(n: number, patch: (s: Subgroup, i: number) => Partial<Subgroup> = () => ({})): SummaryInput {
  return {
    subgroups: Array.from({ length: n }, (_, i) => {
      const s: Subgroup = { name: `R${i + 1}`, estimate: 40 + 3 * i, se: 2, population: 1000 + 100 * i, reference: i === 0 };
      return { ...s, ...patch(s, i) };
    }),
    ordered: false,
    favourable: true,
    scale: 100,
    options: { simulations: 50 },
  };
}

function quintiles(patch: (s: Subgroup, i: number) => Partial<Subgroup> = () => ({}), n = 5): SummaryInput {
  return {
    subgroups: Array.from({ length: n }, (_, i) => {
      const s: Subgroup = { name: `Q${i + 1}`, estimate: 30 + 10 * i, se: 2, population: 100, order: i + 1 };
      return { ...s, ...patch(s, i) };
    }),
    ordered: true,
    favourable: true,
    scale: 100,
  };
}

const computed = (input: SummaryInput) =>
  Object.entries(summaryMeasures(input)).filter(([, v]) => v !== null).map(([k]) => k).sort();

/** summaryMeasures returns a value exactly when measureAvailability says ok. */
function expectConsistent(input: SummaryInput) {
  const values = summaryMeasures(input);
  const av = measureAvailability(input);
  for (const c of MEASURE_CODES) expect(values[c] !== null, c).toBe(av[c].ok);
}

describe('applicability', () => {
  it('ordered dimensions get D, R, PAF, PAR, ACI, RCI, SII, RII only', () => {
    expect(computed(quintiles())).toEqual([...ALL_ORDER].sort());
    const av = measureAvailability(quintiles());
    expect(av.BGV).toEqual({ ok: false, reason: expect.stringMatching(/non-ordered/) });
  });

  it('non-ordered dimensions get everything but ACI, RCI, SII, RII', () => {
    expect(computed(regions(6))).toEqual([...NON_ORDERED].sort());
    expect(measureAvailability(regions(6)).SII).toEqual({ ok: false, reason: expect.stringMatching(/ordered/) });
  });

  it('two subgroups (e.g. sex): only D, R, PAF, PAR', () => {
    expect(computed(regions(2))).toEqual(['D', 'PAF', 'PAR', 'R']);
    expect(measureAvailability(regions(2)).BGV).toEqual({ ok: false, reason: expect.stringMatching(/more than two/) });
    const two = quintiles(() => ({}), 2);
    expect(computed(two)).toEqual(['D', 'PAF', 'PAR', 'R']);
    expect(measureAvailability(two).SII).toEqual({ ok: false, reason: expect.stringMatching(/more than two/) });
  });

  it('one subgroup: nothing', () => {
    expect(computed(regions(1))).toEqual([]);
    expect(measureAvailability(regions(1)).D).toEqual({ ok: false, reason: expect.stringMatching(/two subgroups/) });
  });
});

describe('85% rule', () => {
  it('6 of 7 estimates (86%) is enough, 5 of 7 (71%) is not', () => {
    const six = regions(7, (_, i) => (i === 6 ? { estimate: undefined } : {}));
    expect(computed(six)).toEqual([...NON_ORDERED].sort());
    const five = regions(7, (_, i) => (i >= 5 ? { estimate: NaN } : {}));
    expect(computed(five)).toEqual([]);
    expect(measureAvailability(five).D).toEqual({ ok: false, reason: expect.stringMatching(/5 of 7.*85%/) });
  });

  it('exactly 85% (17 of 20) is enough', () => {
    const input = regions(20, (_, i) => (i >= 17 ? { estimate: null } : {}));
    expect(summaryMeasures(input).BGV).not.toBeNull();
  });

  it('one missing quintile (80%) stops everything; one missing decile stops the ordered regression measures', () => {
    expect(computed(quintiles((_, i) => (i === 2 ? { estimate: undefined } : {})))).toEqual([]);
    const deciles = quintiles((_, i) => (i === 4 ? { estimate: undefined } : {}), 10);
    expect(computed(deciles)).toEqual(['D', 'PAF', 'PAR', 'R']);
    expect(measureAvailability(deciles).RII).toEqual({ ok: false, reason: expect.stringMatching(/every subgroup estimate.*Q5/) });
  });

  it('an ordered extreme without estimate stops D and R, and PAR/PAF if it is the most advantaged', () => {
    const noTop = quintiles((_, i) => (i === 9 ? { estimate: undefined } : {}), 10);
    expect(computed(noTop)).toEqual([]);
    expect(measureAvailability(noTop).D).toEqual({ ok: false, reason: expect.stringMatching(/most advantaged.*Q10/) });
  });
});

describe('missing inputs', () => {
  it('a missing population stops the population-weighted measures and names the subgroup', () => {
    const input = regions(5, (_, i) => (i === 3 ? { population: undefined } : {}));
    expect(computed(input)).toEqual(['D', 'MDBU', 'MDRU', 'R']);
    expect(measureAvailability(input).TI).toEqual({ ok: false, reason: expect.stringMatching(/population is missing for R4/) });
    const ordered = quintiles((_, i) => (i === 0 ? { population: NaN } : {}));
    expect(computed(ordered)).toEqual(['D', 'R']);
  });

  it('a population missing where the estimate is missing too does not matter', () => {
    const input = regions(7, (_, i) => (i === 6 ? { estimate: undefined, population: undefined } : {}));
    expect(summaryMeasures(input).BGV).not.toBeNull();
  });

  it('MDRU/MDRW need exactly one reference subgroup with an estimate', () => {
    const none = regions(5, () => ({ reference: false }));
    expect(measureAvailability(none).MDRW).toEqual({ ok: false, reason: expect.stringMatching(/no reference/) });
    expect(summaryMeasures(none).MDBW).not.toBeNull();
    const two = regions(5, (_, i) => ({ reference: i < 2 }));
    expect(measureAvailability(two).MDRU).toEqual({ ok: false, reason: expect.stringMatching(/more than one reference/) });
    const gone = regions(7, (_, i) => (i === 0 ? { estimate: undefined } : {}));
    expect(measureAvailability(gone).MDRU).toEqual({ ok: false, reason: expect.stringMatching(/reference subgroup \(R1\) has no estimate/) });
  });

  it('R is null when the denominator subgroup has an estimate of 0', () => {
    const input = regions(4, (_, i) => (i === 1 ? { estimate: 0 } : { reference: false }));
    expect(summaryMeasures(input).R).toBeNull();
    expect(measureAvailability(input).R).toEqual({ ok: false, reason: expect.stringMatching(/R2 has an estimate of 0/) });
  });

  it('logistic SII/RII need estimates within [0, scale]; the linear option does not', () => {
    const input = quintiles((_, i) => (i === 4 ? { estimate: 104 } : {}));
    expect(measureAvailability(input).SII).toEqual({ ok: false, reason: expect.stringMatching(/between 0 and 100/) });
    expect(summaryMeasures({ ...input, options: { siiMethod: 'linear' } }).SII).not.toBeNull();
  });

  it('SII/RII are null when all estimates are equal; a bad scale stops everything', () => {
    expect(computed(quintiles(() => ({ estimate: 50 })))).toEqual(['ACI', 'D', 'PAF', 'PAR', 'R', 'RCI']);
    expect(computed({ ...quintiles(), scale: 0 })).toEqual([]);
  });

  it('availability and values agree on every case above', () => {
    for (const input of [
      quintiles(), regions(6), regions(2), regions(1), quintiles(() => ({}), 2),
      regions(7, (_, i) => (i >= 5 ? { estimate: NaN } : {})),
      regions(5, (_, i) => (i === 3 ? { population: undefined } : {})),
      quintiles((_, i) => (i === 4 ? { estimate: undefined } : {}), 10),
      quintiles((_, i) => (i === 4 ? { estimate: 104 } : {})),
      regions(5, () => ({ reference: false })),
    ]) expectConsistent(input);
  });
});
