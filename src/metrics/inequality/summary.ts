import { evaluate } from './evaluate';
import { MEASURE_CODES, type Availability, type MeasureCode, type MeasureResults, type SummaryInput } from './types';

/**
 * HEAT's summary measures of inequality for one indicator x dimension x setting x year, each with a 95%
 * confidence interval where HEAT gives one. null = not applicable or not computable: ask
 * measureAvailability() for the reason. Units and readings: see metadata.ts.
 */
export function summaryMeasures(input: SummaryInput): MeasureResults {
  const outcomes = evaluate(input, true);
  return Object.fromEntries(
    MEASURE_CODES.map((c) => [c, 'value' in outcomes[c] ? outcomes[c].value : null]),
  ) as MeasureResults;
}

/** Why each measure is (or is not) computed for this input; the same checks summaryMeasures() applies. */
export function measureAvailability(input: SummaryInput): Record<MeasureCode, Availability> {
  const outcomes = evaluate(input, false);
  return Object.fromEntries(
    MEASURE_CODES.map((c) => {
      const o = outcomes[c];
      return [c, 'value' in o ? { ok: true } : { ok: false, reason: o.reason }];
    }),
  ) as Record<MeasureCode, Availability>;
}
