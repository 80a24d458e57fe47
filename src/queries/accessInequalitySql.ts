import type { Query } from '../db/sqlText';
import { MIN_KNOWN_SHARE } from '../metrics/knownShare';

/**
 * Extra SQL for the equity view: the indicator menu, the settings (country and provinces), and the
 * "inequality of access" bridge (health workforce across districts ranked by poverty). Pure builders:
 * (filters) -> { sql, params }; every value is a `?` parameter.
 */

export interface EquityIndicatorRow {
  indicator_id: string;
  name: string;
  unit: string | null;
  favourable: boolean;
  scale: number;
}

/**
 * Indicators that have subgroup estimates in `coverage`, with their catalog entry. An indicator missing
 * from the catalog is shown by its id, treated as a favourable percentage (scale 100): the common case
 * for coverage data, and stated in the view's notes.
 */
export function equityIndicatorsQuery(): Query {
  return {
    sql: `SELECT c.indicator_id, COALESCE(ic.name, c.indicator_id) AS name, ic.unit,
  COALESCE(ic.favourable, true) AS favourable, COALESCE(ic.scale, 100)::DOUBLE AS scale
FROM (SELECT DISTINCT indicator_id FROM coverage) c
LEFT JOIN indicator_catalog ic ON ic.indicator_id = c.indicator_id
ORDER BY name, c.indicator_id`,
    params: [],
  };
}

export interface SettingRow {
  region_id: string;
  name: string;
  level: number;
}

/** The settings the equity view compares: the country (level 0) and the provinces (level 1). */
export function equitySettingsQuery(): Query {
  return {
    sql: `SELECT region_id, name, level FROM regions WHERE level <= 1 ORDER BY level, name, region_id`,
    params: [],
  };
}

export interface AccessByPovertyFilters {
  /** Province region_id, or null for every district of the country. */
  province: string | null;
  /** socioeconomic indicator used to rank districts (default poverty_rate: higher = poorer). */
  povertyIndicator?: string;
}

export interface AccessByPovertyRow {
  region_id: string;
  name: string;
  province_id: string | null;
  population: number | null;
  /** Over the facilities reporting all three cadres; null when none of the district's does (0 with no facility). */
  workforce: number | null;
  workforce_per_10k: number | null;
  poverty_rate: number | null;
  /** The latest year of the poverty indicator in the whole table (one year for every district). */
  poverty_year: number | null;
  /** 1 = poorest district; null when the district has no poverty value. */
  poverty_rank: number | null;
}

/**
 * Districts in scope with their health workforce (doctors + nurses + midwives, WHO SDG 3.c) per 10,000
 * people and their poverty rate in the latest year of the socioeconomic table, ranked from the poorest
 * (rank 1, highest poverty rate; ties broken by region_id). The view treats districts as the ordered
 * subgroups of summaryMeasures(): concentration index and slope index of workforce by poverty rank.
 */
export function accessByPovertyQuery(f: AccessByPovertyFilters): Query {
  const indicator = f.povertyIndicator ?? 'poverty_rate';
  return {
    sql: `WITH districts AS (
  SELECT r.region_id, r.name, r.parent_id AS province_id, r.population
  FROM regions r
  WHERE r.level = 2 AND (?::VARCHAR IS NULL OR r.parent_id = ?::VARCHAR)
),
staff AS (
  SELECT region_id, SUM(doctors + nurses + midwives)::DOUBLE AS workforce, COUNT(doctors + nurses + midwives) AS known, COUNT(*) AS n
  FROM facilities GROUP BY region_id
),
held AS (SELECT COUNT(doctors + nurses + midwives) > 0 AS staff FROM facilities),
latest AS (
  SELECT MAX(year) AS year FROM socioeconomic WHERE indicator_id = ? AND value IS NOT NULL
),
poverty AS (
  SELECT s.region_id, s.value AS poverty_rate, s.year AS poverty_year
  FROM socioeconomic s, latest
  WHERE s.indicator_id = ? AND s.year = latest.year AND s.value IS NOT NULL
),
joined AS (
  SELECT d.region_id, d.name, d.province_id, d.population::DOUBLE AS population,
    CASE WHEN h.staff THEN (CASE WHEN s.n IS NULL THEN 0 ELSE s.workforce END) END AS workforce,
    -- Absent is not zero (metrics/knownShare.ts): no density where staff are not in the dataset, or known for fewer
    -- than MIN_KNOWN_SHARE of the district's facilities; summed over the facilities that report all three cadres.
    CASE WHEN d.population > 0 AND h.staff AND (s.n IS NULL OR s.known >= ${MIN_KNOWN_SHARE} * s.n)
      THEN 1e4 * COALESCE(s.workforce, 0) / d.population END AS workforce_per_10k,
    p.poverty_rate, p.poverty_year
  FROM districts d CROSS JOIN held h LEFT JOIN staff s USING (region_id) LEFT JOIN poverty p USING (region_id)
)
SELECT *,
  CASE WHEN poverty_rate IS NOT NULL
    THEN ROW_NUMBER() OVER (PARTITION BY poverty_rate IS NULL ORDER BY poverty_rate DESC, region_id) END::INTEGER AS poverty_rank
FROM joined
ORDER BY poverty_rank NULLS LAST, region_id`,
    params: [f.province, f.province, indicator, indicator],
  };
}
