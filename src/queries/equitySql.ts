import type { Query } from '../db/sqlText';
import type { Subgroup } from '../metrics/inequality';

/**
 * SQL for the equity view, over `coverage` and `indicator_catalog` (and `regions` for names in
 * benchmarks). Pure builders: (filters) -> { sql, params }; every value is a `?` parameter.
 */
export interface SubgroupFilters {
  indicatorId: string;
  dimension: string;
  regionId: string;
  year: number;
}

export interface SeriesFilters {
  indicatorId: string;
  dimension: string;
  regionId: string;
  /** Inclusive year range; either end may be left open. */
  fromYear?: number;
  toYear?: number;
}

export interface BenchmarkFilters {
  indicatorId: string;
  dimension: string;
  year: number;
  /** Settings to compare. When empty or absent, every region at `level` (default: all regions with data). */
  regionIds?: readonly string[];
  level?: number;
}

/** A subgroup row as the builders return it (column names as in the data contract). */
export interface SubgroupRow {
  subgroup: string;
  subgroup_order: number | null;
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  population: number | null;
  reference: boolean | null;
}

const SUBGROUP_COLUMNS = `c.subgroup, c.subgroup_order, c.estimate, c.se, c.ci_low, c.ci_high, c.population, c."reference"`;
// Ordered dimensions by rank (1 = most disadvantaged), non-ordered ones by name.
const SUBGROUP_ORDER = `c.subgroup_order NULLS LAST, c.subgroup`;

/** One indicator's catalog entry: name, unit, direction, scale, provenance. */
export function indicatorQuery(indicatorId: string): Query {
  return {
    sql: `SELECT indicator_id, name, unit, favourable, scale, domain, source, description
FROM indicator_catalog
WHERE indicator_id = ?`,
    params: [indicatorId],
  };
}

/** Subgroup estimates of one indicator x dimension x setting x year, the input of summaryMeasures(). */
export function subgroupEstimatesQuery(f: SubgroupFilters): Query {
  return {
    sql: `SELECT ${SUBGROUP_COLUMNS}
FROM coverage c
WHERE c.indicator_id = ? AND c.dimension = ? AND c.region_id = ? AND c.year = ?
ORDER BY ${SUBGROUP_ORDER}`,
    params: [f.indicatorId, f.dimension, f.regionId, f.year],
  };
}

/** Subgroup estimates over the years (one row per year x subgroup), for trend charts. */
export function subgroupSeriesQuery(f: SeriesFilters): Query {
  const params: unknown[] = [f.indicatorId, f.dimension, f.regionId];
  let years = '';
  if (f.fromYear !== undefined) {
    years += ' AND c.year >= ?';
    params.push(f.fromYear);
  }
  if (f.toYear !== undefined) {
    years += ' AND c.year <= ?';
    params.push(f.toYear);
  }
  return {
    sql: `SELECT c.year, ${SUBGROUP_COLUMNS}
FROM coverage c
WHERE c.indicator_id = ? AND c.dimension = ? AND c.region_id = ?${years}
ORDER BY c.year, ${SUBGROUP_ORDER}`,
    params,
  };
}

/**
 * Benchmark: the same indicator x dimension x year in several settings, one row per setting x subgroup,
 * with each setting's population-weighted average (over subgroups with both estimate and population)
 * and its subgroup count, so the caller can compute summaryMeasures() per setting and rank them.
 */
export function benchmarkQuery(f: BenchmarkFilters): Query {
  const params: unknown[] = [f.indicatorId, f.dimension, f.year];
  let where = '';
  if (f.regionIds && f.regionIds.length > 0) {
    where += ` AND c.region_id IN (${f.regionIds.map(() => '?').join(', ')})`;
    params.push(...f.regionIds);
  } else if (f.level !== undefined) {
    where += ' AND r.level = ?';
    params.push(f.level);
  }
  return {
    sql: `SELECT c.region_id, r.name AS region_name, ${SUBGROUP_COLUMNS},
  SUM(c.estimate * c.population) FILTER (WHERE c.estimate IS NOT NULL AND c.population IS NOT NULL) OVER w
    / SUM(c.population) FILTER (WHERE c.estimate IS NOT NULL AND c.population IS NOT NULL) OVER w AS setting_average,
  COUNT(*) OVER w AS subgroups
FROM coverage c
LEFT JOIN regions r ON r.region_id = c.region_id
WHERE c.indicator_id = ? AND c.dimension = ? AND c.year = ?${where}
WINDOW w AS (PARTITION BY c.region_id)
ORDER BY region_name NULLS LAST, c.region_id, ${SUBGROUP_ORDER}`,
    params,
  };
}

/** Dimensions and years with data for one indicator in one setting (for the filter menus). */
export function equityOptionsQuery(indicatorId: string, regionId: string): Query {
  return {
    sql: `SELECT c.dimension, c.year, COUNT(*) AS subgroups, bool_and(c.subgroup_order IS NOT NULL) AS ordered
FROM coverage c
WHERE c.indicator_id = ? AND c.region_id = ?
GROUP BY c.dimension, c.year
ORDER BY c.dimension, c.year`,
    params: [indicatorId, regionId],
  };
}

/** Rows -> summaryMeasures() subgroups; a dimension is ordered when every subgroup has an order. */
export function subgroupsFromRows(rows: readonly SubgroupRow[]): { subgroups: Subgroup[]; ordered: boolean } {
  return {
    ordered: rows.length > 0 && rows.every((r) => r.subgroup_order !== null && r.subgroup_order !== undefined),
    subgroups: rows.map((r) => ({
      name: r.subgroup,
      estimate: r.estimate ?? undefined,
      se: r.se,
      population: r.population,
      order: r.subgroup_order,
      reference: r.reference === true,
    })),
  };
}
