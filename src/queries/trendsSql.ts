import type { Query } from '../db/sqlText';

export interface TrendFilters {
  indicator: string;
  /** The region to compare with the country (a province or a district); null for the country alone. */
  region: string | null;
}

export interface TrendRow {
  region_id: string; name: string; level: number; role: 'country' | 'region' | 'context'; year: number; value: number;
  /** The coverage dimension averaged over (null for a socio-economic indicator): what the source line names. */
  dimension: string | null;
}

/**
 * An indicator over the years for the country, the chosen region, and (as context) the region's peers at the
 * same level. Coverage indicators use the setting average: the population-weighted mean of the subgroup
 * estimates of one dimension (wealth quintiles when present: every person is in exactly one quintile), named in each
 * row so that the source line says which one it was (a district-level indicator has only "Subnational region").
 */
export function trendQuery(f: TrendFilters): Query {
  return {
    sql: `WITH dim AS (
  SELECT dimension FROM coverage WHERE indicator_id = ? GROUP BY dimension
  ORDER BY (dimension ILIKE '%wealth%') DESC, COUNT(*) FILTER (WHERE population > 0) DESC, dimension LIMIT 1
),
cov AS (
  SELECT region_id, year, SUM(estimate * population) / SUM(population) AS value, any_value(dimension) AS dimension FROM coverage
  WHERE indicator_id = ? AND dimension = (SELECT dimension FROM dim) AND estimate IS NOT NULL AND population > 0 GROUP BY ALL
),
soc AS (SELECT region_id, year, value, NULL::VARCHAR AS dimension FROM socioeconomic WHERE indicator_id = ? AND value IS NOT NULL),
series AS (SELECT * FROM cov UNION ALL SELECT * FROM soc),
chosen AS (SELECT region_id, level, parent_id FROM regions WHERE region_id = ?::VARCHAR)
SELECT s.region_id, r.name, r.level,
       CASE WHEN r.level = (SELECT MIN(level) FROM regions) THEN 'country' WHEN s.region_id = ?::VARCHAR THEN 'region' ELSE 'context' END AS role,
       s.year, s.value, s.dimension
FROM series s JOIN regions r USING (region_id)
WHERE r.level = (SELECT MIN(level) FROM regions) OR r.level = (SELECT level FROM chosen)
ORDER BY role, s.region_id, s.year`,
    params: [f.indicator, f.indicator, f.indicator, f.region, f.region],
  };
}

/** Indicators with a time series: coverage (setting averages) and socio-economic ones. */
export function trendIndicatorsQuery(): Query {
  return {
    sql: `SELECT c.indicator_id, c.name, c.unit, c.favourable, c.domain FROM indicator_catalog c
WHERE c.indicator_id IN (SELECT indicator_id FROM coverage UNION SELECT indicator_id FROM socioeconomic)
ORDER BY c.domain, c.name`,
    params: [],
  };
}
