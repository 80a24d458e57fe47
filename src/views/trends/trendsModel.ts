import type { TrendRow } from '../../queries/trendsSql';

export interface TrendIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; domain: string | null }

/** The indicator drawn: the link's when the data have it, else DTP3, else the first. */
export const pickTrendIndicator = (list: readonly TrendIndicator[], wanted: string | null): TrendIndicator | undefined =>
  list.find((i) => i.indicator_id === wanted) ?? list.find((i) => i.indicator_id === 'dtp3') ?? list[0];

/**
 * The chosen region's series against the country's: rows named for display (`name` gives a region's name in the
 * interface language, `country` the whole country's), each series in year order, and the gap in the chosen region's
 * last year (chosen minus country, on the country's last year). Pure.
 */
export function trendsModel(rows: readonly TrendRow[], names: { country: string; region: (id: string, name: string) => string }) {
  const named = rows.map((r) => ({ ...r, name: r.role === 'country' ? names.country : names.region(r.region_id, r.name) }));
  const series = (role: TrendRow['role']) => named.filter((r) => r.role === role).sort((a, b) => a.year - b.year);
  const country = series('country'), chosen = series('region');
  return {
    rows: named, country, chosen,
    latestGap: chosen.length && country.length ? chosen[chosen.length - 1].value - country[country.length - 1].value : null,
    /** The dimension the query averaged over (wealth quintiles, or e.g. subnational region): the source line names it. */
    dimension: rows.find((r) => r.dimension != null)?.dimension ?? null,
  };
}
