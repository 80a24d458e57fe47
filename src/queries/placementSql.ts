/**
 * Optimal placement at scale: demand = every population point, candidate sites = population points, a grid, or an
 * uploaded list; travel cost = haversine km. SQL does the heavy part -- who is already covered, and which
 * (demand, candidate) pairs could help, through the grid-prefiltered `pairsWithinSql` (no cross product) -- and
 * the greedy itself is `placeFacilities` in TypeScript over the fetched pairs.
 *
 * Why fetch once and run the greedy in TS rather than K SQL rounds: one round = re-aggregating every pair, while
 * the lazy greedy touches a pair about once; and the TS greedy IS the reference, so the two cannot drift.
 * Limit: the useful pairs must fit in memory. They are few because only pairs that can gain are kept: coverage
 * keeps uncovered demand only; p-median keeps a pair only if it is closer than the point's existing facility.
 * A large threshold over dense candidates (every point, cities included) is the worst case: use the grid there.
 */
import type { SqlRunner } from '../db/sqlRunner';
import { FACILITY_FLAGS, LOCATION_FLAGS } from '../data/plausibilitySql';
import { placeFacilities, POVERTY_WEIGHT_STEP, type PlacementObjective, type PlacementResult } from '../metrics/placement';
import { quoteTable, type Query } from '../db/sqlText';
import { pairsWithinSql, type AccessTables } from './accessSql';

export const PLACEMENT_DEMAND_TABLE = 'placement_demand';
export const PLACEMENT_CANDIDATES_TABLE = 'placement_candidates';

/** Candidate sites: every population point, the most populous point of each ~gridKm cell, or a table (candidate_id, lat, lon). */
export type CandidateSites = 'population' | { gridKm: number } | { table: string };

export interface PlacementSqlOptions {
  tables?: AccessTables;
  /** Straight-line km; cost <= thresholdKm covers (coverage) or lets a site serve (p-median). */
  thresholdKm: number;
  objective: PlacementObjective;
  candidates?: CandidateSites;
  /** Weight people by `povertyWeight(wealth_quintile)` (needs the optional population column wealth_quintile). */
  povertyWeighted?: boolean;
  /** Existing facilities count only if they offer this service. */
  service?: string;
  /**
   * Leave out facilities whose location is flagged as implausible (facility_flags, see plausibilitySql.ts): they are
   * treated as unknown places, covering no one. Needs planFacilitiesSql run first (runPlacement does).
   */
  excludeFlagged?: boolean;
}

/** The facility list the Plan reads when flagged facilities are left out: a TEMP view over facilities. */
export const PLAN_FACILITIES = 'plan_facilities';

/** TEMP VIEW plan_facilities: the facilities table without those whose location is flagged (outside every boundary or their district). */
export function planFacilitiesSql(facilities = 'facilities'): Query {
  return {
    sql: `CREATE OR REPLACE TEMP VIEW ${PLAN_FACILITIES} AS SELECT * FROM ${quoteTable(facilities)} f
WHERE NOT EXISTS (SELECT 1 FROM ${FACILITY_FLAGS} g WHERE g.facility_id = f.facility_id AND g.flag IN (${LOCATION_FLAGS.map((x) => `'${x}'`).join(', ')}))`,
    params: [],
  };
}

/** How many facilities the Plan leaves out (distinct facilities with a location flag). */
export const flaggedLeftOutSql: Query = {
  sql: `SELECT CAST(count(DISTINCT facility_id) AS DOUBLE) AS n FROM ${FACILITY_FLAGS} WHERE flag IN (${LOCATION_FLAGS.map((x) => `'${x}'`).join(', ')})`,
  params: [],
};

/**
 * TEMP table placement_demand(cell_id, region_id, lat, lon, population, weight, existing_km): the population points
 * that can still gain. existing_km = distance to the nearest existing facility when within the threshold, else NULL.
 */
export function placementDemandSql(o: PlacementSqlOptions): Query {
  const threshold = checkKm(o.thresholdKm, 'thresholdKm');
  const tables = o.excludeFlagged ? { ...o.tables, facilities: PLAN_FACILITIES } : o.tables;
  const existing = pairsWithinSql({ tables, radiusKm: threshold, service: o.service });
  // povertyWeight (src/metrics/placement.ts): 1 + (5 - q) * 0.25; unknown quintile 1; out-of-range quintiles fail.
  const weight = o.povertyWeighted
    ? `CASE WHEN p.wealth_quintile IS NULL THEN 1.0 WHEN p.wealth_quintile IN (1, 2, 3, 4, 5) THEN 1 + (5 - p.wealth_quintile) * CAST(? AS DOUBLE)
        ELSE error('invalid wealth quintile: ' || CAST(p.wealth_quintile AS VARCHAR)) END`
    : '1.0';
  const keep = o.objective === 'coverage' ? 'e.existing_km IS NULL' : 'e.existing_km IS NULL OR e.existing_km > 0';
  const sql = `CREATE OR REPLACE TEMP TABLE ${PLACEMENT_DEMAND_TABLE} AS
SELECT * FROM (
  SELECT p.cell_id, p.region_id, CAST(p.lat AS DOUBLE) AS lat, CAST(p.lon AS DOUBLE) AS lon, CAST(p.population AS DOUBLE) AS population,
    CAST(${weight} AS DOUBLE) AS weight, e.existing_km
  FROM ${quoteTable(o.tables?.population ?? 'population')} p
  LEFT JOIN (SELECT cell_id, min(distance_km) AS existing_km FROM (${existing.sql}) GROUP BY cell_id) e ON e.cell_id = p.cell_id
  WHERE ${keep}
) WHERE population * weight > 0`;
  return { sql, params: [...(o.povertyWeighted ? [POVERTY_WEIGHT_STEP] : []), ...(existing.params ?? [])] };
}

/** TEMP table placement_candidates(facility_id VARCHAR, lat, lon), named like facilities so pairsWithinSql reads it. */
export function placementCandidatesSql(o: PlacementSqlOptions): Query {
  const population = quoteTable(o.tables?.population ?? 'population');
  const c = o.candidates ?? 'population';
  const create = `CREATE OR REPLACE TEMP TABLE ${PLACEMENT_CANDIDATES_TABLE} AS `;
  if (c === 'population')
    return { sql: `${create}SELECT CAST(cell_id AS VARCHAR) AS facility_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${population}`, params: [] };
  if ('table' in c)
    return { sql: `${create}SELECT CAST(candidate_id AS VARCHAR) AS facility_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${quoteTable(c.table)}`, params: [] };
  if (!('gridKm' in c)) throw new Error(`unknown candidates: ${JSON.stringify(c)}`);
  // Cells of gridKm x gridKm at the population's mean latitude (1 degree of latitude = 6371 * pi / 180 km);
  // each cell's candidate is its most populous point (ties: smallest cell_id), so sites are where people live.
  return {
    sql: `${create}WITH g AS (SELECT CAST(? AS DOUBLE) / (6371 * pi() / 180) AS dlat, CAST(? AS DOUBLE) / (6371 * pi() / 180) / cos(radians(avg(lat))) AS dlon FROM ${population})
SELECT CAST(cell_id AS VARCHAR) AS facility_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${population}, g
QUALIFY row_number() OVER (PARTITION BY floor(lat / g.dlat), floor(lon / g.dlon) ORDER BY population DESC, cell_id) = 1`,
    params: [checkKm(c.gridKm, 'gridKm', true), c.gridKm],
  };
}

/** The pairs that can gain: demand_id, candidate_id (VARCHAR), cost (km <= threshold; p-median: < existing_km). */
export function placementPairsSql(o: PlacementSqlOptions): Query {
  const pairs = pairsWithinSql({ tables: { population: PLACEMENT_DEMAND_TABLE, facilities: PLACEMENT_CANDIDATES_TABLE }, radiusKm: checkKm(o.thresholdKm, 'thresholdKm') });
  const closer = o.objective === 'p-median' ? 'WHERE d.existing_km IS NULL OR q.distance_km < d.existing_km' : '';
  return {
    sql: `SELECT CAST(q.cell_id AS VARCHAR) AS demand_id, q.facility_id AS candidate_id, q.distance_km AS cost
FROM (${pairs.sql}) q JOIN ${PLACEMENT_DEMAND_TABLE} d ON d.cell_id = q.cell_id ${closer}`,
    params: pairs.params,
  };
}

export const placementDemandRowsSql: Query = {
  sql: `SELECT CAST(cell_id AS VARCHAR) AS id, population, weight, existing_km FROM ${PLACEMENT_DEMAND_TABLE} ORDER BY cell_id`,
  params: [],
};

export interface PlacementSite {
  id: string;
  lat: number;
  lon: number;
}

/** Runs the three statements, fetches demand and pairs as Arrow columns, and runs the greedy. */
export async function runPlacement(db: SqlRunner, o: PlacementSqlOptions & { k: number }): Promise<PlacementResult & { sites: PlacementSite[] }> {
  if (o.excludeFlagged) await db.rows(planFacilitiesSql(o.tables?.facilities));
  await db.rows(placementDemandSql(o));
  await db.rows(placementCandidatesSql(o));
  const d = await db.arrow(placementDemandRowsSql);
  const p = await db.arrow(placementPairsSql(o));
  const col = <T>(t: typeof d, name: string) => t.getChild(name)!.toArray() as ArrayLike<T>;
  const [ids, pops, weights, existing] = [col<string>(d, 'id'), col<number>(d, 'population'), col<number>(d, 'weight'), col<number | null>(d, 'existing_km')];
  const demand = Array.from({ length: d.numRows }, (_, i) => ({ id: ids[i], population: pops[i], weight: weights[i] }));
  const existingCost: Record<string, number> = {};
  const existingVec = d.getChild('existing_km')!;
  for (let i = 0; i < d.numRows; i++) if (existingVec.isValid(i)) existingCost[ids[i]] = existing[i] as number;
  const [di, ci, cost] = [col<string>(p, 'demand_id'), col<string>(p, 'candidate_id'), col<number>(p, 'cost')];
  const costs = Array.from({ length: p.numRows }, (_, t) => ({ demand: di[t], candidate: ci[t], cost: cost[t] }));
  const candidates = [...new Set(Array.from(ci))].sort().map((id) => ({ id }));
  const result = placeFacilities({ demand, candidates, costs, existingCost, k: o.k, threshold: o.thresholdKm, objective: o.objective });
  const sites = result.chosen.length
    ? await db.rows<PlacementSite>({
        sql: `SELECT facility_id AS id, lat, lon FROM ${PLACEMENT_CANDIDATES_TABLE} WHERE facility_id IN (${result.chosen.map(() => '?').join(', ')})`,
        params: result.chosen,
      })
    : [];
  const order = new Map(result.chosen.map((id, t) => [id, t]));
  return { ...result, sites: sites.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

function checkKm(v: number, name: string, positive = false): number {
  if (!Number.isFinite(v) || v < 0 || (positive && v === 0)) throw new Error(`invalid ${name}: ${v}`);
  return v;
}

