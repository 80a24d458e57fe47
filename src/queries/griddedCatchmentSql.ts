/**
 * Floating catchment accessibility on a grid, for inputs too large to pair point by point: the same formula as
 * `catchmentSql` (Luo & Wang 2003; Luo & Qi 2009), with demand and supply first aggregated to square cells
 * (a demand-side aggregation as in Luo & Wang 2003's census tracts, here a regular grid).
 *
 *  - Demand: population points summed per cell, placed at the population-weighted mean position.
 *  - Supply: the chosen capacity of the facilities (offering the service) summed per cell, placed at the
 *    capacity-weighted mean position (plain mean when the cell's capacity is 0; it then supplies nothing).
 *  - R_j and A_i over cell pairs within the catchment (haversine between the cells' positions), then every
 *    population point takes its cell's accessibility. Population and capacity totals are conserved.
 *
 * Cells are `cellKm` tall and at most `cellKm` wide: their longitude width is set at the data's lowest |latitude|,
 * so a weighted position lies within cellKm * sqrt(2) of every point it stands for. The error this introduces
 * is measured against the exact computation in griddedCatchmentSql.test.ts.
 */
import { EARTH_RADIUS_KM } from '../metrics/access';
import { quoteTable, type Query } from '../db/sqlText';
import { capacitySql, catchmentSql, type CatchmentSqlOptions } from './accessSql';

/** Kilometres per degree of latitude on the haversine sphere (R = 6371 km). */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Cell key = row * CELL_KEY + column; columns stay below it for cells of 0.01 km and wider. */
export const CELL_KEY = 10_000_000;

export interface GriddedCatchmentOptions extends Omit<CatchmentSqlOptions, 'costsTable' | 'supplyCapacity'> {
  /** Side of a grid cell (km), at least 0.01. */
  cellKm: number;
}

/**
 * The body of a one-row CTE with `dlat`, `dlon`: degrees of a cell `cellKm` (SQL expression) tall and at most
 * `cellKm` wide anywhere in the data (longitude width taken at the lowest |lat| of `population`, and of `facilities`
 * when given). Cell indices are floor((lat + 90) / dlat) and floor((lon + 180) / dlon): a cell k times as wide holds
 * exactly k x k of them, which the pair estimate uses.
 */
export function cellDegreesSql(cellKm: string, population: string, facilities?: string): string {
  const lowestPoint = `(SELECT min(abs(CAST(lat AS DOUBLE))) FROM ${population})`;
  const lowest = facilities ? `least(${lowestPoint}, (SELECT min(abs(lat)) FROM ${facilities}))` : lowestPoint;
  return `SELECT ${cellKm} / ${KM_PER_DEGREE} AS dlat,
    ${cellKm} / (${KM_PER_DEGREE} * greatest(cos(radians(least(89.9, coalesce(${lowest}, 0)))), 1e-6)) AS dlon`;
}

/** Same columns and order as `catchmentSql`: by 'cell' one row per population point, by 'region' per region. */
export function griddedCatchmentSql(o: GriddedCatchmentOptions): Query {
  if (!Number.isFinite(o.cellKm) || o.cellKm < 0.01) throw new Error(`invalid cellKm: ${o.cellKm}`);
  if ('costsTable' in o && (o as CatchmentSqlOptions).costsTable !== undefined) throw new Error('griddedCatchmentSql needs coordinates, not a costs table');
  const capacity = capacitySql(o.capacity);
  const population = quoteTable(o.tables?.population ?? 'population');
  const facilities = quoteTable(o.tables?.facilities ?? 'facilities');
  if (o.service !== undefined && (typeof o.service !== 'string' || o.service === '')) throw new Error(`invalid service: ${String(o.service)}`);
  const by = o.by ?? 'cell';
  if (by !== 'cell' && by !== 'region') throw new Error(`unknown by: ${by}`);
  // The catchment itself, unchanged, over the cells: a nested WITH reads the outer grid_demand and grid_supply.
  const inner = catchmentSql({
    ...o, service: undefined, by: 'cell', supplyCapacity: 'column', tables: { population: 'grid_demand', facilities: 'grid_supply' },
  });
  const key = (lat: string, lon: string) =>
    `CAST(floor((${lat} + 90) / g.dlat) AS BIGINT) * ${CELL_KEY} + CAST(floor((${lon} + 180) / g.dlon) AS BIGINT)`;
  const weighted = (w: string, col: string) => `coalesce(sum(${w} * ${col}) / nullif(sum(${w}), 0), avg(${col}))`;
  const sql = `WITH grid_args AS (SELECT CAST(? AS DOUBLE) AS cell_km, CAST(? AS VARCHAR) AS service),
grid_fac AS (
  SELECT CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon, CAST(${capacity} AS DOUBLE) AS capacity
  FROM ${facilities}, grid_args a WHERE a.service IS NULL OR list_contains(services, a.service)
),
grid_deg AS (${cellDegreesSql('(SELECT cell_km FROM grid_args)', population, 'grid_fac')}),
grid_point AS (
  SELECT p.cell_id, p.region_id, p.population, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon,
    ${key('CAST(p.lat AS DOUBLE)', 'CAST(p.lon AS DOUBLE)')} AS grid_cell
  FROM ${population} p, grid_deg g
),
grid_demand AS (
  SELECT grid_cell AS cell_id, CAST(NULL AS VARCHAR) AS region_id, sum(population) AS population,
    ${weighted('population', 'lat')} AS lat, ${weighted('population', 'lon')} AS lon
  FROM grid_point GROUP BY grid_cell
),
grid_supply AS (
  SELECT ${key('f.lat', 'f.lon')} AS facility_id, sum(f.capacity) AS capacity,
    ${weighted('f.capacity', 'f.lat')} AS lat, ${weighted('f.capacity', 'f.lon')} AS lon
  FROM grid_fac f, grid_deg g GROUP BY 1
),
grid_access AS (${inner.sql}),
grid_result AS (
  SELECT p.cell_id, p.region_id, p.population, coalesce(a.accessibility, 0) AS accessibility
  FROM grid_point p LEFT JOIN grid_access a ON a.cell_id = p.grid_cell
)
${by === 'cell'
  ? 'SELECT * FROM grid_result ORDER BY cell_id'
  : `SELECT region_id, CAST(sum(population) AS DOUBLE) AS population,
  CASE WHEN sum(population) > 0 THEN sum(population * accessibility) / sum(population) END AS accessibility
FROM grid_result GROUP BY region_id ORDER BY region_id`}`;
  return { sql, params: [o.cellKm, o.service ?? null, ...(inner.params ?? [])] };
}
