/**
 * Which floating catchment to run: exact (point x facility pairs) when the pairs within the catchment fit a budget,
 * else on the finest grid whose cell pairs fit (`griddedCatchmentSql`). The cost of either is its number of pairs
 * within the catchment, estimated here from counts on a coarse grid, without forming a single pair.
 */
import { quoteTable, type Query } from '../db/sqlText';
import type { AccessTables } from './accessSql';
import { CELL_KEY, cellDegreesSql } from './griddedCatchmentSql';

const KEY = CELL_KEY;

/**
 * Pairs one recomputation may form. The exact E2SFCA costs ~0.6 us per pair within the catchment in DuckDB-WASM
 * (demo scale 1: ~3.7 M pairs in ~2.3 s, README "Benchmarks"), so 8 M pairs is ~5 s in the browser; the demo at
 * scale 1 stays exact with room to spare.
 */
export const CATCHMENT_PAIR_BUDGET = 8e6;

/** Grid cell sides tried, finest first (km); all multiples of the first, so coarser cells are unions of finer ones. */
export const GRID_CELLS_KM = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20] as const;

export interface CatchmentPlanOptions {
  tables?: AccessTables;
  catchmentKm: number;
  service?: string;
  cellsKm?: readonly number[];
  /**
   * A table holding `demandCellsSql()` (the app's derived ACCESS_DEMAND_CELLS): the plan then reads the population's
   * cell counts instead of passing over every point. Only with the default cell sides.
   */
  demandCells?: string;
}

/** One row per candidate cell side. */
export interface CatchmentPlanRow {
  cell_km: number;
  /** Occupied grid cells: population cells (demand) and facility cells (supply). */
  demand_cells: number;
  supply_cells: number;
  /** Estimated pairs within the catchment: of grid cells at this side, and of the points and facilities themselves. */
  cell_pairs: number;
  point_pairs: number;
}

/** The cell sides as whole multiples of the first (the base cell), checked. */
function gridMultiples(cells: readonly number[]): { base: number; multiples: number[] } {
  const base = cells[0];
  if (!(base >= 0.01) || !Number.isFinite(base)) throw new Error(`invalid cellsKm: ${base}`);
  const multiples = cells.map((c) => {
    const k = c / base;
    if (!Number.isInteger(k) || k < 1) throw new Error(`cellsKm must be whole multiples of the first: ${c}`);
    return k;
  });
  return { base, multiples };
}

// One BIGINT key per base cell (grouping on one column is the cheaper pass over millions of points), split after.
const cellIndex = (lat: string, lon: string) =>
  `CAST(floor((${lat} + 90) / g.dlat) AS BIGINT) * ${KEY} + CAST(floor((${lon} + 180) / g.dlon) AS BIGINT) AS key`;

/**
 * The demand side of the plan: population points counted per cell at every candidate side k (columns k, y, x, n),
 * with the base cell's degrees (dlat, dlon; the longitude width set at the population's lowest |latitude|). It
 * depends on neither the catchment nor the service, so the app keeps it as a derived table: one pass over the
 * points per load instead of one per plan.
 */
export function demandCellsSql(population = 'population', cellsKm: readonly number[] = GRID_CELLS_KM): string {
  const { base, multiples } = gridMultiples(cellsKm);
  const table = quoteTable(population);
  return `WITH dc_deg AS (${cellDegreesSql(String(base), table)}),
dc_base AS (
  SELECT key // ${KEY} AS y, key % ${KEY} AS x, n
  FROM (SELECT ${cellIndex('CAST(lat AS DOUBLE)', 'CAST(lon AS DOUBLE)')}, count(*) AS n FROM ${table}, dc_deg g GROUP BY key)
)
SELECT c.k, b.y // c.k AS y, b.x // c.k AS x, CAST(sum(b.n) AS DOUBLE) AS n, any_value(g.dlat) AS dlat, any_value(g.dlon) AS dlon
FROM dc_base b, (VALUES ${multiples.map((k) => `(CAST(${k} AS BIGINT))`).join(', ')}) c(k), dc_deg g
GROUP BY c.k, b.y // c.k, b.x // c.k`;
}

/** The derived table the Access view's plan reads (see DERIVED_TABLES). */
export const ACCESS_DEMAND_CELLS = 'access_demand_cells';
export const accessDemandCellsSql = () => `CREATE OR REPLACE TABLE ${ACCESS_DEMAND_CELLS} AS ${demandCellsSql()}`;

/**
 * Counts points per grid cell (`demandCellsSql`, or read from `demandCells`) and facilities (one pass), then per
 * candidate side: occupied cells per bucket (a square of whole cells at least catchmentKm wide), candidate pairs =
 * sum over buckets of demand cells x supply cells in the 3 x 3 buckets around, and pairs within = candidates x
 * (pi c^2) / (9 b^2), the share of the 3 x 3 square inside the catchment circle for evenly spread points. An estimate
 * (it ignores clustering and the antimeridian); the tests compare it with exact counts.
 */
export function catchmentPlanSql(o: CatchmentPlanOptions): Query {
  const cells = o.cellsKm ?? GRID_CELLS_KM;
  if (!(o.catchmentKm > 0) || !Number.isFinite(o.catchmentKm)) throw new Error(`invalid catchmentKm: ${o.catchmentKm}`);
  const { base, multiples } = gridMultiples(cells);
  if (o.service !== undefined && (typeof o.service !== 'string' || o.service === '')) throw new Error(`invalid service: ${String(o.service)}`);
  if (o.demandCells !== undefined && o.cellsKm !== undefined) throw new Error('demandCells holds the default cell sides only');
  const facilities = quoteTable(o.tables?.facilities ?? 'facilities');
  const demand = o.demandCells !== undefined ? quoteTable(o.demandCells) : `(${demandCellsSql(o.tables?.population ?? 'population', cells)})`;
  const bucketed = (from: string, shift: string) =>
    `SELECT c.k, c.y // s.m${shift ? ' + oy.d' : ''} AS by, c.x // s.m${shift ? ' + ox.d' : ''} AS bx, CAST(count(*) AS DOUBLE) AS cells, CAST(sum(c.n) AS DOUBLE) AS points
     FROM ${from} c JOIN plan_span s ON s.k = c.k${shift} GROUP BY ALL`;
  const sql = `WITH plan_args AS (SELECT CAST(? AS DOUBLE) AS radius_km, CAST(? AS VARCHAR) AS service, CAST(? AS DOUBLE) AS base_km),
plan_cells_d AS MATERIALIZED (SELECT k, y, x, n, dlat, dlon FROM ${demand}),
plan_deg AS (SELECT any_value(dlat) AS dlat, any_value(dlon) AS dlon FROM plan_cells_d),
plan_fac AS (
  SELECT CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${facilities}, plan_args a
  WHERE a.service IS NULL OR list_contains(services, a.service)
),
plan_base_s AS (
  SELECT key // ${KEY} AS y, key % ${KEY} AS x, n FROM (SELECT ${cellIndex('lat', 'lon')}, count(*) AS n FROM plan_fac, plan_deg g GROUP BY key)
),
plan_k AS (SELECT * FROM (VALUES ${multiples.map(() => '(CAST(? AS BIGINT))').join(', ')}) v(k)),
plan_span AS (SELECT k, greatest(1, CAST(ceil(a.radius_km / (k * a.base_km)) AS BIGINT)) AS m FROM plan_k, plan_args a),
plan_cells_s AS (SELECT c.k, b.y // c.k AS y, b.x // c.k AS x, sum(b.n) AS n FROM plan_base_s b, plan_k c GROUP BY ALL),
plan_buck_d AS (${bucketed('plan_cells_d', '')}),
plan_buck_s AS (${bucketed('plan_cells_s', ', range(-1, 2) oy(d), range(-1, 2) ox(d)')}),
plan_pairs AS (
  SELECT d.k, sum(d.cells * s.cells) AS cell_candidates, sum(d.points * s.points) AS point_candidates
  FROM plan_buck_d d JOIN plan_buck_s s ON s.k = d.k AND s.by = d.by AND s.bx = d.bx GROUP BY d.k
)
SELECT k * a.base_km AS cell_km,
  CAST((SELECT count(*) FROM plan_cells_d c WHERE c.k = sp.k) AS DOUBLE) AS demand_cells,
  CAST((SELECT count(*) FROM plan_cells_s c WHERE c.k = sp.k) AS DOUBLE) AS supply_cells,
  coalesce(p.cell_candidates, 0) * least(1, pi() * a.radius_km * a.radius_km / (9 * pow(sp.m * k * a.base_km, 2))) AS cell_pairs,
  coalesce(p.point_candidates, 0) * least(1, pi() * a.radius_km * a.radius_km / (9 * pow(sp.m * k * a.base_km, 2))) AS point_pairs
FROM plan_span sp LEFT JOIN plan_pairs p USING (k), plan_args a
ORDER BY cell_km`;
  return { sql, params: [o.catchmentKm, o.service ?? null, base, ...multiples] };
}

export interface CatchmentPlan {
  /** null: exact, point by point; else the grid cell side (km). */
  cellKm: number | null;
  /** Estimated pairs within the catchment of the chosen computation, and of the exact one. */
  pairs: number;
  exactPairs: number;
}

/**
 * Exact when its pairs fit the budget; else the finest cell side whose cell pairs fit; else the coarsest offered.
 * The exact estimate is read at the finest side, whose buckets are closest to the catchment.
 */
export function chooseCatchmentPlan(rows: readonly CatchmentPlanRow[], budget = CATCHMENT_PAIR_BUDGET): CatchmentPlan {
  if (rows.length === 0) throw new Error('chooseCatchmentPlan: no candidate rows');
  const sorted = [...rows].sort((a, b) => a.cell_km - b.cell_km);
  const exactPairs = sorted[0].point_pairs;
  if (exactPairs <= budget) return { cellKm: null, pairs: exactPairs, exactPairs };
  const fit = sorted.find((r) => r.cell_pairs <= budget) ?? sorted[sorted.length - 1];
  return { cellKm: fit.cell_km, pairs: fit.cell_pairs, exactPairs };
}
