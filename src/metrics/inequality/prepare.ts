import type { CleanSubgroup, Subgroup, SummaryInput } from './types';

/** HEAT does not compute a summary measure when fewer than 85% of subgroup estimates exist. */
export const MIN_ESTIMATE_SHARE = 0.85;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export interface Prepared {
  /** Subgroups with an estimate; ordered dimensions sorted by order (most disadvantaged first). */
  subs: CleanSubgroup[];
  /** All subgroups as given (for messages naming missing ones). */
  all: Subgroup[];
  /** A reason every measure shares, or null. */
  globalReason: string | null;
  missingEstimates: Subgroup[];
  /** Subgroups with an estimate but no usable population. */
  missingPopulation: CleanSubgroup[];
  missingOrder: Subgroup[];
  references: Subgroup[];
}

export function prepare(input: SummaryInput): Prepared {
  const all = input.subgroups;
  const missingEstimates = all.filter((s) => !isNum(s.estimate));
  const subs: CleanSubgroup[] = all
    .filter((s) => isNum(s.estimate))
    .map((s) => ({
      name: s.name,
      est: s.estimate as number,
      se: isNum(s.se) && s.se >= 0 ? s.se : undefined,
      pop: isNum(s.population) && s.population >= 0 ? s.population : undefined,
      order: isNum(s.order) ? s.order : undefined,
      reference: s.reference === true,
    }));
  const missingOrder = all.filter((s) => !isNum(s.order));
  if (input.ordered && missingOrder.length === 0) subs.sort((a, b) => a.order! - b.order!);
  const present = subs.length;
  let globalReason: string | null = null;
  if (!(isNum(input.scale) && input.scale > 0)) globalReason = `the indicator scale must be a positive number (got ${input.scale})`;
  else if (all.length < 2) globalReason = 'at least two subgroups are needed';
  else if (present / all.length < MIN_ESTIMATE_SHARE)
    globalReason = `only ${present} of ${all.length} subgroup estimates exist (missing: ${names(missingEstimates)}); HEAT needs at least 85%`;
  else if (present < 2) globalReason = 'at least two subgroup estimates are needed';
  return {
    subs,
    all,
    globalReason,
    missingEstimates,
    missingPopulation: subs.filter((s) => s.pop === undefined),
    missingOrder,
    references: all.filter((s) => s.reference === true),
  };
}

/** "a, b and 2 more" */
export function names(list: readonly { name: string }[]): string {
  const shown = list.slice(0, 3).map((s) => s.name).join(', ');
  return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown;
}
