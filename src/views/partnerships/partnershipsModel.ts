import type { MeasureMeta } from '../../charts/measureMeta';
import type { PartnershipDistrictRow, PartnershipFilters } from '../../queries/partnershipsSql';
import type { DensityMeasure, FacilityFilters } from '../../queries/overviewSql';
import type { PartnershipsSettings } from './settings';

export interface CountRow { partner_type: string; programme: string; n: number }

/** The partnerships queries' filters: the view's settings, the global ones and the measure that defines the gap. */
export function partnershipFilters(s: PartnershipsSettings, province: string | null, facility: FacilityFilters, measure: DensityMeasure): PartnershipFilters {
  return { province, ...facility, year: s.year, partnerType: s.partner, programme: s.programme, measure };
}

/**
 * Do partnerships go where the gaps are: the share of partnerships in the worst-served fifth of districts
 * (`underserved`), beside the share of people who live there. Fewer partnerships than people there: not where the gaps are.
 */
export function gapShares(rows: readonly PartnershipDistrictRow[]) {
  const under = rows.filter((r) => r.underserved);
  const total = rows.reduce((s, r) => s + r.partnerships, 0);
  const population = rows.reduce((s, r) => s + r.population, 0);
  const share = total ? under.reduce((s, r) => s + r.partnerships, 0) / total : 0;
  const popShare = population ? under.reduce((s, r) => s + r.population, 0) / population : 0;
  return { total, share, popShare, notWhereGaps: share < popShare };
}

/** Partnerships counted by partner type or programme, under their label (labels that read alike are added up). */
export function countsBy(rows: readonly CountRow[], key: 'partner_type' | 'programme', label: (code: string) => string): { key: string; n: number }[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(label(r[key]), (sums.get(label(r[key])) ?? 0) + r.n);
  return [...sums].map(([k, n]) => ({ key: k, n }));
}

/** The districts table's order: the measure ascending (worst-served first), districts without a value last. */
export function byMeasure(rows: readonly PartnershipDistrictRow[], column: MeasureMeta['column']): PartnershipDistrictRow[] {
  return [...rows].sort((a, b) => (a[column] ?? Infinity) - (b[column] ?? Infinity));
}
