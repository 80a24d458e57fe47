/**
 * SQL builders for geographic access at scale: (options) -> { sql, params } over the data contract's tables
 *   population(cell_id, region_id, lat, lon, population)
 *   facilities(facility_id, region_id, lat, lon, type, beds, doctors, nurses, midwives, services VARCHAR[])
 * The exact TypeScript versions live in `src/metrics/access.ts`; the tests run both and compare.
 *
 * No builder forms the population x facility cross product. Pairs come from a coarse lat/lon grid whose cells
 * are at least the search radius wide, so a pair within the radius is always in the same or a neighbouring
 * cell (3 x 3 join on cell keys); the exact haversine (R = 6371 km) then keeps pairs with distance <= radius.
 * Grid widths are derived from the haversine formula itself, so the prefilter never drops a pair:
 *   d <= D  implies  |dlat| <= D / R  and  sin(|dlon| / 2) <= sin(D / 2R) / cos(max |lat|)
 * (hav(d/R) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon) >= cos^2(max |lat|) hav(dlon)), with max |lat| taken
 * over both tables, a 1e-6 safety margin, longitude cells that divide 360 (so the antimeridian wraps), and a
 * single longitude cell when the bound reaches the pole.
 *
 * Values go in as `?` parameters; table names must be plain identifiers; capacity columns come from an allow-list.
 */
import { quoteTable, type Query } from '../db/sqlText';
import { EARTH_RADIUS_KM, validateSteps, type Step } from '../metrics/access';
import { WORKFORCE_BY_TYPE } from '../metrics/accessThresholds';

/** Table names; defaults are the data contract's. Must be plain identifiers (letters, digits, underscore). */
export interface AccessTables {
  population?: string;
  facilities?: string;
}

/**
 * What a facility supplies. `workforce` = doctors + nurses + midwives; `facilities` counts each facility once; `typed` =
 * the facility's workforce where all three cadres are known, else its type's default (WORKFORCE_BY_TYPE, an assumption).
 */
export type Capacity = 'facilities' | 'beds' | 'doctors' | 'nurses' | 'midwives' | 'workforce' | 'typed';

// The by-type default as one CASE over constants (codes and numbers from accessThresholds.ts, never user input).
const typeDefault = `CASE type ${Object.entries(WORKFORCE_BY_TYPE).map(([t, n]) => `WHEN '${t}' THEN ${n}`).join(' ')} ELSE 1 END`;

// Allow-list: the only SQL expressions a capacity option can produce. For a column capacity NULL counts as 0, so a
// partly reported column gives a floor; the view offers a column only when some facility reports it (dataHolds).
const CAPACITY_SQL: Record<Capacity, string> = {
  facilities: '1.0',
  beds: 'coalesce(beds, 0)',
  doctors: 'coalesce(doctors, 0)',
  nurses: 'coalesce(nurses, 0)',
  midwives: 'coalesce(midwives, 0)',
  workforce: 'coalesce(doctors, 0) + coalesce(nurses, 0) + coalesce(midwives, 0)',
  typed: `coalesce(doctors + nurses + midwives, ${typeDefault})`,
};

/** The SQL expression (over facilities columns) for a capacity option; only allow-listed options pass. */
export function capacitySql(capacity: Capacity): string {
  const sql = CAPACITY_SQL[capacity];
  if (sql === undefined) throw new Error(`unknown capacity: ${capacity}`);
  return sql;
}

const R = EARTH_RADIUS_KM;

/** Haversine in SQL, same formula and argument order as `haversineKm` (arguments are column expressions). */
export function haversineSql(lat1: string, lon1: string, lat2: string, lon2: string): string {
  return (
    `2 * ${R} * asin(least(1, sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2)` +
    ` + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2))))`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Public builders

export interface PairsOptions {
  tables?: AccessTables;
  radiusKm: number;
  /** Keep only facilities whose `services` list contains this value. */
  service?: string;
}

/** Every (cell, facility) pair with distance_km <= radiusKm: cell_id, facility_id, distance_km. */
export function pairsWithinSql(o: PairsOptions): Query {
  const { b, pairs } = withinKm(o.tables, o.radiusKm, 'radiusKm', o.service);
  return b.build(`SELECT cell_id, facility_id, cost AS distance_km FROM ${pairs} ORDER BY cell_id, facility_id`);
}

export interface NearestOptions {
  tables?: AccessTables;
  service?: string;
  /**
   * Increasing search radii (km). Cells with no facility within the first radius are searched again within the
   * next, and so on; cells still unmatched fall back to a scan of all facilities, so the result is always exact.
   * Small radii keep the pair join small in dense cities; the fallback should only see remote cells.
   */
  searchRadiiKm?: readonly number[];
}

/**
 * The default search radii: doubling from 1 km, so a cell is paired only with facilities within about twice its
 * nearest one's distance (README, *Benchmarks*: the measured gain over wider radii).
 */
export const NEAREST_SEARCH_KM: readonly number[] = [1, 2, 4, 8, 16, 32, 64];

/** Distance to the nearest facility per population cell: cell_id, region_id, population, distance_km,
 *  facility_id (ties go to the smallest facility_id). NULL distance when there is no facility at all. */
export function nearestFacilitySql(o: NearestOptions = {}): Query {
  const radii = o.searchRadiiKm ?? NEAREST_SEARCH_KM;
  if (radii.length === 0) throw new Error('searchRadiiKm: need at least one radius');
  radii.forEach((r, k) => {
    checkKm(r, 'searchRadiiKm');
    if (k > 0 && r <= radii[k - 1]) throw new Error(`searchRadiiKm not increasing at: ${r}`);
  });
  const b = new Builder(o.tables);
  const fac = b.facilities(o.service, null);
  const found: string[] = [];
  radii.forEach((r, k) => {
    const radius = b.arg(r, 'DOUBLE');
    const todo = found.length === 0 ? 'pop' : b.cte(`todo${k}`, `SELECT * FROM pop WHERE cell_id NOT IN (${found.map((f) => `SELECT cell_id FROM ${f}`).join(' UNION ALL ')})`);
    const pairs = b.geoPairs(`s${k}`, todo, fac, radius);
    found.push(b.cte(`near${k}`, `SELECT cell_id, min(struct_pack(d := cost, id := facility_id)) AS m FROM ${pairs} GROUP BY cell_id`));
  });
  const rest = b.cte('rest', `SELECT * FROM pop WHERE cell_id NOT IN (${found.map((f) => `SELECT cell_id FROM ${f}`).join(' UNION ALL ')})`);
  found.push(
    b.cte(
      'near_scan',
      `SELECT p.cell_id, min(struct_pack(d := ${haversineSql('p.lat', 'p.lon', 'f.lat', 'f.lon')}, id := f.facility_id)) AS m
       FROM ${rest} p CROSS JOIN ${fac} f GROUP BY p.cell_id`,
    ),
  );
  const nearest = b.cte('nearest', found.map((f) => `SELECT cell_id, m FROM ${f}`).join(' UNION ALL '));
  return b.build(
    `SELECT p.cell_id, p.region_id, p.population, n.m.d AS distance_km, n.m.id AS facility_id
     FROM pop p LEFT JOIN ${nearest} n ON n.cell_id = p.cell_id ORDER BY p.cell_id`,
  );
}

export interface ShareWithinOptions {
  tables?: AccessTables;
  /** Straight-line km; for minutes convert with `reachableKm` from src/metrics/access.ts. Inclusive (<=). */
  withinKm: number;
  service?: string;
}

/**
 * Share of population with a facility within `withinKm` (distance <= withinKm): one row per region
 * (scope 'region') and one national row (scope 'national', region_id NULL). Columns: scope, region_id,
 * population, population_within, share (NULL when population is 0). Only pairs within the radius are formed.
 */
export function shareWithinSql(o: ShareWithinOptions): Query {
  const { b, pairs } = withinKm(o.tables, o.withinKm, 'withinKm', o.service);
  const reached = b.cte('reached', `SELECT DISTINCT cell_id FROM ${pairs}`);
  return b.build(
    `SELECT scope, region_id, population, population_within,
       CASE WHEN population > 0 THEN population_within / population END AS share
     FROM (
       SELECT CASE WHEN grouping(p.region_id) = 1 THEN 'national' ELSE 'region' END AS scope,
         CASE WHEN grouping(p.region_id) = 0 THEN p.region_id END AS region_id,
         CAST(coalesce(sum(p.population), 0) AS DOUBLE) AS population,
         CAST(coalesce(sum(p.population) FILTER (WHERE r.cell_id IS NOT NULL), 0) AS DOUBLE) AS population_within
       FROM pop p LEFT JOIN ${reached} r ON r.cell_id = p.cell_id
       GROUP BY GROUPING SETS ((p.region_id), ())
     ) ORDER BY scope DESC, region_id`,
  );
}

export interface CatchmentSqlOptions {
  tables?: AccessTables;
  method: '2sfca' | 'e2sfca' | 'gravity';
  capacity: Capacity;
  /** Pairs with cost <= catchmentKm count. Required, except for stepwise E2SFCA (defaults to the last step). */
  catchmentKm?: number;
  /** Stepwise decay (E2SFCA), as in `stepWeight`. */
  weights?: Step[];
  /** Gaussian decay sigma (E2SFCA), as in `gaussianWeight`. */
  gaussianSigma?: number;
  /** Gravity exponent; gravity is truncated at catchmentKm (a catchment beyond the data extent = untruncated). */
  beta?: number;
  service?: string;
  /** One row per population cell (default) or population-weighted per region. */
  by?: 'cell' | 'region';
  /**
   * Take costs from a table (cell_id, facility_id, cost) instead of haversine km: the same formula over any
   * travel-time matrix (and how published cases with given costs are tested). Lat/lon are then not needed.
   */
  costsTable?: string;
  /**
   * 'column': the facilities table already holds the supply in a `capacity` column (facilities summed to grid
   * cells by `griddedCatchmentSql`); `capacity` then only names what it is.
   */
  supplyCapacity?: 'column';
}

/**
 * Floating catchment accessibility, the formula of `floatingCatchment` (Luo & Wang 2003; Luo & Qi 2009):
 * R_j = S_j / sum_k P_k W(d_kj), A_i = sum_j R_j W(d_ij); facilities without weighted demand contribute 0.
 * by 'cell': cell_id, region_id, population, accessibility (capacity per person; x 10,000 for per 10,000).
 * by 'region': region_id, population, accessibility = sum(P_i A_i) / sum(P_i) (NULL when population is 0).
 */
export function catchmentSql(o: CatchmentSqlOptions): Query {
  const capacity = o.supplyCapacity === 'column' ? 'coalesce(capacity, 0)' : capacitySql(o.capacity);
  const b = new Builder(o.tables, o.costsTable === undefined);
  const radius = b.arg(checkKm(catchmentOf(o), 'catchmentKm'), 'DOUBLE');
  const weight = weightSql(o, b);
  const fac = b.facilities(o.service, capacity);
  const pairs =
    o.costsTable === undefined
      ? b.geoPairs('p', 'pop', fac, radius)
      : b.cte(
          'pairs',
          `SELECT c.cell_id, c.facility_id, CAST(c.cost AS DOUBLE) AS cost FROM ${quoteTable(o.costsTable)} c, args
           WHERE c.cost <= ${radius} AND c.facility_id IN (SELECT facility_id FROM ${fac})
             AND c.cell_id IN (SELECT cell_id FROM pop)`,
        );
  const w = b.cte('w', `SELECT * FROM (SELECT cell_id, facility_id, ${weight} AS w FROM ${pairs}, args) WHERE w > 0`);
  const ratio = b.cte(
    'ratio',
    `SELECT w.facility_id, any_value(f.capacity) / sum(p.population * w.w) AS r
     FROM ${w} w JOIN pop p ON p.cell_id = w.cell_id JOIN ${fac} f ON f.facility_id = w.facility_id
     GROUP BY w.facility_id HAVING sum(p.population * w.w) > 0`,
  );
  const cell = b.cte(
    'cell',
    `SELECT p.cell_id, p.region_id, p.population, coalesce(sum(r.r * w.w), 0) AS accessibility
     FROM pop p LEFT JOIN (${w} w JOIN ${ratio} r ON r.facility_id = w.facility_id) ON w.cell_id = p.cell_id
     GROUP BY p.cell_id, p.region_id, p.population`,
  );
  if ((o.by ?? 'cell') === 'cell') return b.build(`SELECT * FROM ${cell} ORDER BY cell_id`);
  if (o.by !== 'region') throw new Error(`unknown by: ${o.by}`);
  return b.build(
    `SELECT region_id, CAST(sum(population) AS DOUBLE) AS population,
       CASE WHEN sum(population) > 0 THEN sum(population * accessibility) / sum(population) END AS accessibility
     FROM ${cell} GROUP BY region_id ORDER BY region_id`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Internals

function catchmentOf(o: CatchmentSqlOptions): number {
  if (o.catchmentKm !== undefined) return o.catchmentKm;
  if (o.method === 'e2sfca' && o.weights?.length) return o.weights[o.weights.length - 1].upTo;
  throw new Error(`${o.method} needs catchmentKm`);
}

/** W(cost) as SQL over columns of the pairs and args CTEs; option checks mirror `floatingCatchment`. */
function weightSql(o: CatchmentSqlOptions, b: Builder): string {
  if (o.beta !== undefined && o.method !== 'gravity') throw new Error(`beta applies to gravity only, not ${o.method}`);
  if ((o.weights !== undefined || o.gaussianSigma !== undefined) && o.method !== 'e2sfca')
    throw new Error(`weights and gaussianSigma apply to e2sfca only, not ${o.method}`);
  switch (o.method) {
    case '2sfca':
      return '1.0';
    case 'e2sfca':
      if (o.weights && o.gaussianSigma !== undefined) throw new Error('e2sfca: give weights or gaussianSigma, not both');
      if (o.weights) {
        validateSteps(o.weights);
        const cases = o.weights.map((s) => `WHEN cost <= ${b.arg(s.upTo, 'DOUBLE')} THEN ${b.arg(s.weight, 'DOUBLE')}`);
        return `CASE ${cases.join(' ')} ELSE 0.0 END`;
      }
      if (o.gaussianSigma !== undefined) {
        if (!(o.gaussianSigma > 0) || !Number.isFinite(o.gaussianSigma)) throw new Error(`invalid gaussianSigma: ${o.gaussianSigma}`);
        const sigma = b.arg(o.gaussianSigma, 'DOUBLE');
        return `exp(-(cost * cost) / (2 * ${sigma} * ${sigma}))`;
      }
      throw new Error('e2sfca needs weights or gaussianSigma');
    case 'gravity': {
      if (o.beta === undefined || !Number.isFinite(o.beta) || o.beta < 0) throw new Error(`gravity needs beta >= 0, got: ${o.beta}`);
      const beta = b.arg(o.beta, 'DOUBLE');
      return `CASE WHEN cost = 0 AND ${beta} > 0
        THEN error('gravity needs cost > 0, got 0 for ' || CAST(cell_id AS VARCHAR) || '-' || CAST(facility_id AS VARCHAR))
        ELSE pow(cost, -${beta}) END`;
    }
    default:
      throw new Error(`unknown method: ${String(o.method)}`);
  }
}

function checkKm(v: number, name: string): number {
  if (!Number.isFinite(v) || v < 0) throw new Error(`invalid ${name}: ${v}`);
  return v;
}

/** A builder and its CTE `pairs`: every (cell, facility) pair within `km` in a straight line, `service` offered. */
function withinKm(tables: AccessTables | undefined, km: number, name: string, service: string | undefined) {
  const b = new Builder(tables);
  const radius = b.arg(checkKm(km, name), 'DOUBLE');
  return { b, pairs: b.geoPairs('p', 'pop', b.facilities(service, null), radius) };
}


/**
 * Collects CTEs in order. Scalar values become columns of a one-row `args` CTE whose `?` placeholders come
 * first in the SQL text, so `params` order equals argument order by construction.
 */
class Builder {
  private readonly args: { value: unknown; type: string }[] = [];
  private readonly ctes: string[] = [];
  private readonly population: string;
  private readonly facilityTable: string;
  private readonly coords: string;

  constructor(tables: AccessTables = {}, withCoordinates = true) {
    this.population = quoteTable(tables.population ?? 'population');
    this.facilityTable = quoteTable(tables.facilities ?? 'facilities');
    this.coords = withCoordinates ? ', CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon' : '';
    this.cte('pop', `SELECT cell_id, region_id, population${this.coords} FROM ${this.population}`);
  }

  /** Adds a parameter; returns the SQL expression that reads it. */
  arg(value: unknown, type: 'DOUBLE' | 'VARCHAR'): string {
    this.args.push({ value, type });
    return `args.a${this.args.length - 1}`;
  }

  cte(name: string, body: string): string {
    this.ctes.push(`${name} AS (${body})`);
    return name;
  }

  /** The facilities CTE, optionally filtered by service, with a `capacity` column when one is given. */
  facilities(service: string | undefined, capacity: string | null): string {
    let where = '';
    if (service !== undefined) {
      if (typeof service !== 'string' || service === '') throw new Error(`invalid service: ${String(service)}`);
      where = `, args WHERE list_contains(services, ${this.arg(service, 'VARCHAR')})`;
    }
    const cap = capacity === null ? '' : `, CAST(${capacity} AS DOUBLE) AS capacity`;
    return this.cte('fac', `SELECT facility_id${this.coords}${cap} FROM ${this.facilityTable}${where}`);
  }

  /**
   * Pairs (cell_id, facility_id, cost = haversine km) with cost <= radius, formed through the grid described at
   * the top of this file. `cells` is a CTE with cell_id, lat, lon; `fac` one with facility_id, lat, lon.
   */
  geoPairs(k: string, cells: string, fac: string, radius: string): string {
    const grid = this.cte(
      `grid_${k}`,
      `SELECT dlat, CAST(CASE WHEN s >= c * (1 - 1e-9) THEN 1
                 ELSE greatest(1, floor(360 / (degrees(2 * asin(s / c)) * (1 + 1e-6) + 1e-9))) END AS BIGINT) AS ncols
       FROM (SELECT degrees(least(${radius} / ${R}, pi())) * (1 + 1e-6) + 1e-9 AS dlat,
                    sin(least(${radius} / ${R}, pi()) / 2) AS s,
                    cos(radians(least(90, coalesce(greatest((SELECT max(abs(lat)) FROM pop), (SELECT max(abs(lat)) FROM ${fac})), 0)))) AS c
             FROM args)`,
    );
    const gx = (lon: string, shift: string) =>
      `((CAST(floor((${lon} + 180) * g.ncols / 360) AS BIGINT) + ${shift}) % g.ncols + g.ncols) % g.ncols`;
    const gy = (lat: string) => `CAST(floor((${lat} + 90) / g.dlat) AS BIGINT)`;
    const cellGrid = this.cte(`cellgrid_${k}`, `SELECT c.cell_id, c.lat, c.lon, ${gy('c.lat')} AS gy, ${gx('c.lon', '0')} AS gx FROM ${cells} c, ${grid} g`);
    // Each facility is copied into its 3 x 3 neighbourhood; DISTINCT because with 1 or 2 longitude cells the
    // wrapped neighbours coincide and a pair must appear once.
    const facGrid = this.cte(
      `facgrid_${k}`,
      `SELECT DISTINCT f.facility_id, f.lat, f.lon, ${gy('f.lat')} + oy.d AS gy, ${gx('f.lon', 'ox.d')} AS gx
       FROM ${fac} f, ${grid} g, range(-1, 2) oy(d), range(-1, 2) ox(d)`,
    );
    return this.cte(
      `pairs_${k}`,
      `SELECT q.* FROM (
         SELECT p.cell_id, f.facility_id, ${haversineSql('p.lat', 'p.lon', 'f.lat', 'f.lon')} AS cost
         FROM ${cellGrid} p JOIN ${facGrid} f ON f.gy = p.gy AND f.gx = p.gx
       ) q, args WHERE q.cost <= ${radius}`,
    );
  }

  build(select: string): Query {
    const args = this.args.map((a, i) => `CAST(? AS ${a.type}) AS a${i}`);
    const argsCte = `args AS (SELECT ${args.length ? args.join(', ') : '1 AS unused'})`;
    return { sql: `WITH ${[argsCte, ...this.ctes].join(',\n')}\n${select}`, params: this.args.map((a) => a.value) };
  }
}
