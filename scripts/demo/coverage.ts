import { logistic, logit, round, type Rng } from './random';

export const COVERAGE_YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** Logit-scale models; 2015 levels aimed at WHO GHO equity ranges (poorest vs richest quintile). */
export const COVERAGE_INDICATORS = [
  // SBA ~51% poorest vs ~90% richest in 2015 (WHO GHO: 56 vs 96 typical for lower-middle income).
  { id: 'sba', name: 'Births attended by skilled health personnel', base: logit(0.76), slope: 0.55, trend: 0.03, bySex: false },
  // DTP3 ~40% vs ~80% (Restrepo-Mendez 2016: full immunisation 33-39 vs 65-70).
  { id: 'dtp3', name: 'DTP3 immunization coverage among 1-year-olds', base: logit(0.62), slope: 0.45, trend: 0.035, bySex: true },
  { id: 'anc4', name: 'Antenatal care coverage, at least four visits', base: logit(0.5), slope: 0.5, trend: 0.03, bySex: false },
  // Insurance 8-11% typical (survey studies), steeply graded by wealth.
  { id: 'insurance', name: 'Health insurance coverage', base: logit(0.1), slope: 0.55, trend: 0.05, bySex: true },
] as const;
const NARROWING_PER_YEAR = 0.002; // the wealth slope shrinks slowly: gaps close by well under a point a year

export interface SettingProfile {
  region_id: string;
  /** Population by national wealth quintile (index 0 = poorest). */
  byQuintile: number[];
  /** Population by quintile among urban and rural residents. */
  urbanByQuintile: number[];
  ruralByQuintile: number[];
  /** Mean latent wealth relative to the national mean. */
  wealthDev: number;
}

export interface CoverageRow {
  indicator_id: string; region_id: string; year: number; dimension: string; subgroup: string;
  subgroup_order: number | null; estimate: number; se: number; ci_low: number; ci_high: number;
  population: number; reference: boolean | null;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const mean = (ps: number[], ws: number[]) => sum(ps.map((p, i) => p * ws[i])) / sum(ws);

/**
 * Coverage by wealth quintile, residence, sex (where it applies) and education for each setting and year,
 * plus (for the national setting) by province. `provinces` are the subnational settings of `national`.
 */
export function buildCoverage(national: SettingProfile, provinces: { profile: SettingProfile; name: string }[], rng: Rng): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const nationalPop = sum(national.byQuintile);
  for (const ind of COVERAGE_INDICATORS) {
    for (const year of COVERAGE_YEARS) {
      const t = year - 2015;
      const growth = 1.026 ** (year - 2024);
      const slope = ind.slope * (1 - NARROWING_PER_YEAR * t);
      // Quintile probabilities per province; the national ones are their population-weighted mean.
      const quintileP = (profile: SettingProfile) =>
        [0, 1, 2, 3, 4].map((q) => logistic(ind.base + slope * (q - 2) + ind.trend * t + 0.9 * profile.wealthDev));
      const provP = provinces.map(({ profile }) => quintileP(profile));
      const natP = [0, 1, 2, 3, 4].map((q) => mean(provP.map((p) => p[q]), provinces.map(({ profile }) => profile.byQuintile[q])));
      const settings = [{ profile: national, p: natP }, ...provinces.map(({ profile }, i) => ({ profile, p: provP[i] }))];
      for (const { profile, p } of settings) {
        const total = sum(profile.byQuintile);
        const add = (dimension: string, subgroup: string, order: number | null, prob: number, popShare: number, reference: boolean | null = null) => {
          // Survey sampling: ~10,000 effective interviews nationally, split by population share.
          const n = Math.max(30, 10_000 * (popShare * total) / nationalPop);
          const pNoisy = logistic(logit(Math.min(0.995, Math.max(0.005, prob))) + rng.normal(0, 0.04));
          const se = Math.sqrt((pNoisy * (1 - pNoisy)) / n);
          rows.push({
            indicator_id: ind.id, region_id: profile.region_id, year, dimension, subgroup, subgroup_order: order,
            estimate: round(100 * pNoisy, 2), se: round(100 * se, 3),
            ci_low: round(100 * Math.max(0, pNoisy - 1.96 * se), 2), ci_high: round(100 * Math.min(1, pNoisy + 1.96 * se), 2),
            population: Math.round(popShare * total * growth), reference,
          });
        };
        const quintileNames = ['Quintile 1 (poorest)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (richest)'];
        p.forEach((prob, q) => add('Economic status (wealth quintile)', quintileNames[q], q + 1, prob, profile.byQuintile[q] / total));
        const urbanPop = sum(profile.urbanByQuintile), ruralPop = sum(profile.ruralByQuintile);
        if (ruralPop > 0) add('Place of residence', 'Rural', null, mean(p, profile.ruralByQuintile), ruralPop / total);
        if (urbanPop > 0) add('Place of residence', 'Urban', null, mean(p, profile.urbanByQuintile), urbanPop / total, true);
        const avg = mean(p, profile.byQuintile);
        if (ind.bySex) {
          add('Sex', 'Female', null, avg - 0.006, 0.505);
          add('Sex', 'Male', null, avg + 0.006, 0.495, true);
        }
        // Education tracks wealth: none ~ the poorest two fifths, secondary+ ~ the richest.
        const eduShare = [0.35 - 0.1 * profile.wealthDev, 0.4, 0.25 + 0.1 * profile.wealthDev];
        const eduNames = ['No education', 'Primary school', 'Secondary school or higher'];
        eduNames.forEach((name, e) => {
          const prob = logistic(ind.base + 1.3 * slope * (e - 1) + ind.trend * t + 0.9 * profile.wealthDev);
          add('Education', name, e + 1, prob, eduShare[e]);
        });
        if (profile === national) {
          provinces.forEach(({ profile: pp, name }, i) =>
            add('Subnational region', name, null, mean(provP[i], pp.byQuintile), sum(pp.byQuintile) / total));
        }
      }
    }
  }
  return rows;
}
