import { per10k, type RegionResources } from './access';

export interface Kpi extends RegionResources {
  districts: number;
  workforce: number;
  facilities_per_10k: number | null;
  beds_per_10k: number | null;
  doctors_per_10k: number | null;
  workforce_per_10k: number | null;
}

/**
 * The headline numbers of the districts in scope: totals, and densities per 10,000 people as ratios of sums (not
 * means of district ratios). Workforce = doctors + nurses + midwives (WHO SDG 3.c indicator 3.c.1 cadres).
 */
export function kpiOf(districts: readonly RegionResources[]): Kpi {
  const sum = (k: keyof RegionResources) => districts.reduce((s, d) => s + (d[k] ?? 0), 0);
  const population = sum('population');
  const [facilities, beds, doctors, nurses, midwives] = [sum('facilities'), sum('beds'), sum('doctors'), sum('nurses'), sum('midwives')];
  const workforce = doctors + nurses + midwives;
  const rate = (x: number) => per10k(x, population);
  return {
    districts: districts.length, population, facilities, beds, doctors, nurses, midwives, workforce,
    facilities_per_10k: rate(facilities), beds_per_10k: rate(beds), doctors_per_10k: rate(doctors), workforce_per_10k: rate(workforce),
  };
}
