import { logistic, round, type Rng } from './random';

export const SOCIO_YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

export const SOCIO_INDICATORS = [
  { id: 'poverty_rate', name: 'Population below the national poverty line', unit: '%', favourable: false, scale: 100 },
  { id: 'gdp_per_capita', name: 'GDP per capita', unit: 'USD', favourable: true, scale: 1 },
  { id: 'literacy_rate', name: 'Adult literacy rate', unit: '%', favourable: true, scale: 100 },
  { id: 'urban_share', name: 'Urban population share', unit: '%', favourable: true, scale: 100 },
  // WDI: out-of-pocket share of current health spending, 47-54% typical for lower-middle income.
  { id: 'oop_share', name: 'Out-of-pocket share of health spending', unit: '%', favourable: false, scale: 100 },
] as const;

export interface SocioRow { indicator_id: string; region_id: string; year: number; value: number }

/** One row per indicator, region and year; poverty falls with wealth (5-10x between best and worst district). */
export function buildSocioeconomic(regions: { region_id: string; wealthDev: number; urbanShare: number }[], rng: Rng): SocioRow[] {
  const rows: SocioRow[] = [];
  for (const r of regions) {
    const noise = rng.normal(0, 0.1);
    for (const year of SOCIO_YEARS) {
      const t = year - 2015;
      const values: Record<string, number> = {
        poverty_rate: 100 * logistic(-0.9 - 1.9 * r.wealthDev + noise - 0.03 * t),
        gdp_per_capita: 2600 * Math.exp(1.1 * r.wealthDev - noise) * 1.03 ** t,
        literacy_rate: 100 * logistic(0.9 + 1.6 * r.wealthDev - noise + 0.04 * t),
        urban_share: 100 * r.urbanShare * 1.01 ** (t - 9),
        oop_share: 100 * logistic(0.05 - 0.5 * r.wealthDev + noise - 0.01 * t),
      };
      for (const ind of SOCIO_INDICATORS) {
        rows.push({ indicator_id: ind.id, region_id: r.region_id, year, value: round(Math.min(ind.scale === 100 ? 100 : Infinity, values[ind.id]), 2) });
      }
    }
  }
  return rows;
}
