/** What each district contributes to the headline numbers. */
export interface DistrictCounts {
  population: number;
  facilities: number;
  beds: number;
  doctors: number;
  nurses: number;
  midwives: number;
}

export interface Kpi extends DistrictCounts {
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
export function kpiOf(districts: readonly DistrictCounts[]): Kpi {
  const sum = (k: keyof DistrictCounts) => districts.reduce((s, d) => s + (d[k] ?? 0), 0);
  const population = sum('population');
  const [facilities, beds, doctors, nurses, midwives] = [sum('facilities'), sum('beds'), sum('doctors'), sum('nurses'), sum('midwives')];
  const workforce = doctors + nurses + midwives;
  const per10k = (x: number) => (population > 0 ? (1e4 * x) / population : null);
  return {
    districts: districts.length, population, facilities, beds, doctors, nurses, midwives, workforce,
    facilities_per_10k: per10k(facilities), beds_per_10k: per10k(beds), doctors_per_10k: per10k(doctors), workforce_per_10k: per10k(workforce),
  };
}
