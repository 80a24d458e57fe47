import { groupBy, isWealthDimension } from './equityMeasures';
import type { SeriesRow } from './equityModel';

export interface Headline {
  year: number;
  gap: number;
  firstYear: number;
  firstGap: number;
  /** Change of |gap| per year, positive = closing. null when only one year has a gap. */
  closingPerYear: number | null;
  trend: 'closing' | 'widening' | 'unchanged' | 'single-year';
  /** Names of the two ends, most advantaged first. */
  top: string;
  bottom: string;
  wealth: boolean;
}

/**
 * "How much higher is coverage at the advantaged end than at the disadvantaged end, and is the gap
 * closing?": gap = estimate of the highest-order subgroup minus that of order 1 (HEAT's D for a favourable
 * ordered dimension), in `year` and in the first year with both estimates; the rate is the average
 * change of the gap's size per year between the two (endpoints, not a fitted slope: a reader can check it).
 */
export function headlineGap(rows: readonly SeriesRow[], year: number, dimension: string): Headline | null {
  const gaps = new Map<number, { gap: number; top: string; bottom: string }>();
  for (const [y, rs] of groupBy(rows, (r) => r.year)) {
    const withOrder = rs.filter((r) => r.subgroup_order !== null);
    if (withOrder.length < 2 || withOrder.length !== rs.length) continue;
    const lo = withOrder.reduce((m, r) => (r.subgroup_order! < m.subgroup_order! ? r : m));
    const hi = withOrder.reduce((m, r) => (r.subgroup_order! > m.subgroup_order! ? r : m));
    if (lo.estimate === null || hi.estimate === null) continue;
    gaps.set(y, { gap: hi.estimate - lo.estimate, top: hi.subgroup, bottom: lo.subgroup });
  }
  const now = gaps.get(year);
  if (!now) return null;
  const firstYear = Math.min(...[...gaps.keys()].filter((y) => y <= year));
  const firstGap = gaps.get(firstYear)!.gap;
  const closingPerYear = firstYear === year ? null : (Math.abs(firstGap) - Math.abs(now.gap)) / (year - firstYear);
  const trend = closingPerYear === null ? 'single-year'
    : Math.abs(closingPerYear) < 0.05 ? 'unchanged' : closingPerYear > 0 ? 'closing' : 'widening';
  return {
    year, gap: now.gap, firstYear, firstGap, closingPerYear, trend, top: now.top, bottom: now.bottom,
    wealth: isWealthDimension(dimension) && gaps.size > 0 && rows.filter((r) => r.year === year).length === 5,
  };
}
