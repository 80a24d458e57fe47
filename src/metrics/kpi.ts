import { per10k } from './access';
import { isShown, knownStatus, type KnownMeasure } from './knownShare';

/** A district's totals as the overview query gives them: staff and beds null when no facility reports them. */
export interface DistrictTotals {
  population: number;
  facilities: number;
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
  workforce: number | null;
  /** Facilities with a known value; absent (older callers, fully known data) counts as all facilities. */
  beds_known?: number;
  doctors_known?: number;
  workforce_known?: number;
}

export interface Kpi {
  districts: number;
  population: number;
  facilities: number;
  /** Sums over the facilities that report them; null when none does. */
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
  workforce: number | null;
  facilities_per_10k: number | null;
  /** Null when not shown (absent, or known for fewer than MIN_KNOWN_SHARE of the facilities): see `known`. */
  beds_per_10k: number | null;
  doctors_per_10k: number | null;
  workforce_per_10k: number | null;
  /** What each density can say, with the share of facilities that report it. */
  known: { beds: KnownMeasure; doctors: KnownMeasure; workforce: KnownMeasure };
}

/**
 * The headline numbers of the districts in scope: totals, and densities per 10,000 people as ratios of sums (not
 * means of district ratios). Workforce = doctors + nurses + midwives (WHO SDG 3.c indicator 3.c.1 cadres). A measure no
 * district reports stays null; a partly reported one is summed over the facilities that report it (knownShare.ts).
 */
export function kpiOf(districts: readonly DistrictTotals[]): Kpi {
  const total = (k: 'population' | 'facilities') => districts.reduce((s, d) => s + d[k], 0);
  // Null unless some district has a value: a sum of nothing known is not 0.
  const known = (k: 'beds' | 'doctors' | 'nurses' | 'midwives' | 'workforce') =>
    districts.reduce<number | null>((s, d) => (d[k] == null ? s : (s ?? 0) + d[k]), null);
  const count = (k: 'beds_known' | 'doctors_known' | 'workforce_known') => districts.reduce((s, d) => s + (d[k] ?? d.facilities), 0);
  const population = total('population');
  const facilities = total('facilities');
  const [beds, doctors, nurses, midwives, workforce] = [known('beds'), known('doctors'), known('nurses'), known('midwives'), known('workforce')];
  const status = {
    beds: knownStatus(beds, count('beds_known'), facilities),
    doctors: knownStatus(doctors, count('doctors_known'), facilities),
    workforce: knownStatus(workforce, count('workforce_known'), facilities),
  };
  const rate = (x: number | null, m?: KnownMeasure) => (x == null || (m && !isShown(m)) ? null : per10k(x, population));
  return {
    districts: districts.length, population, facilities, beds, doctors, nurses, midwives, workforce,
    facilities_per_10k: rate(facilities), beds_per_10k: rate(beds, status.beds), doctors_per_10k: rate(doctors, status.doctors),
    workforce_per_10k: rate(workforce, status.workforce), known: status,
  };
}
