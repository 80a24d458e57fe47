import type { Query } from '../db/sqlText';
import { districtDensityQuery, type DistrictDensityRow, type OverviewFilters } from './overviewSql';

export interface NeedAccessFilters extends OverviewFilters {
  /** A socio-economic indicator (socioeconomic.indicator_id). */
  indicator: string;
  /** Year of the indicator; null for its latest year. */
  year: number | null;
}

export type NeedAccessRow = DistrictDensityRow & { need: number; need_year: number };

/** Each district's access densities beside a socio-economic need indicator (latest year unless given). */
export function needAccessQuery(f: NeedAccessFilters): Query {
  const base = districtDensityQuery(f);
  return {
    sql: `WITH d AS (${base.sql}),
yr AS (SELECT COALESCE(?::INTEGER, MAX(year)) AS year FROM socioeconomic WHERE indicator_id = ?),
need AS (SELECT s.region_id, s.value AS need, s.year AS need_year FROM socioeconomic s, yr WHERE s.indicator_id = ? AND s.year = yr.year)
SELECT d.*, need.need, need.need_year FROM d JOIN need USING (region_id) WHERE need.need IS NOT NULL ORDER BY d.region_id`,
    params: [...(base.params ?? []), f.year, f.indicator, f.indicator],
  };
}

/** The socio-economic indicators the data offer, with their direction and years. */
export function needIndicatorsQuery(): Query {
  return {
    sql: `SELECT c.indicator_id, c.name, c.unit, c.favourable, MIN(s.year) AS first_year, MAX(s.year) AS last_year
FROM indicator_catalog c JOIN socioeconomic s USING (indicator_id) GROUP BY ALL ORDER BY c.indicator_id`,
    params: [],
  };
}
