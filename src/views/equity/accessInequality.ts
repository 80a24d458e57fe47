import { MEASURE_CODES, measureAvailability, summaryMeasures, type MeasureCode, type MeasureResults } from '../../metrics/inequality';
import type { AccessByPovertyRow } from '../../queries/accessInequalitySql';

export interface AccessInequality {
  districts: number;
  missing: number;
  povertyYear: number | null;
  mean: number;
  results: MeasureResults;
  reasons: Partial<Record<MeasureCode, string>>;
}

/**
 * Inequality of access: districts as the ordered subgroups of summaryMeasures(), ranked from the poorest
 * (order 1 = highest poverty rate), weighted by population; the "estimate" is health workers per 10,000.
 * SII by weighted least squares on ridit scores (siiMethod 'linear'): a density is not a proportion, so
 * HEAT's logistic model does not apply; scale 10,000 (per 10,000 people). RCI/ACI are the grouped
 * concentration indices (Kakwani, Wagstaff & van Doorslaer 1997), RCI shown x100 as HEAT does.
 */
export function accessInequality(rows: readonly AccessByPovertyRow[]): AccessInequality | null {
  const usable = rows.filter((r) => r.poverty_rank !== null && r.workforce_per_10k !== null && (r.population ?? 0) > 0);
  if (usable.length < 3) return null;
  const input = {
    subgroups: usable.map((r) => ({ name: r.name, estimate: r.workforce_per_10k, population: r.population, order: r.poverty_rank })),
    ordered: true,
    favourable: true,
    scale: 1e4,
    options: { siiMethod: 'linear' as const },
  };
  const availability = measureAvailability(input);
  const reasons: Partial<Record<MeasureCode, string>> = {};
  for (const c of MEASURE_CODES) {
    const a = availability[c];
    if (!a.ok) reasons[c] = a.reason;
  }
  const pop = usable.reduce((s, r) => s + r.population!, 0);
  const mean = usable.reduce((s, r) => s + r.workforce_per_10k! * r.population!, 0) / pop;
  return { districts: usable.length, missing: rows.length - usable.length, povertyYear: usable[0].poverty_year, mean, results: summaryMeasures(input), reasons };
}
