/**
 * Plausibility checks: warnings, never errors. Pure builders (options) -> SQL; `plausibility.ts` runs them for the
 * validator (`npm run validate`) and the page. Thresholds live here, each with its reason.
 *
 * Boundaries are not in DuckDB as geometry (no spatial extension offline): `boundaryEdgeRows` turns the GeoJSON
 * rings into straight edges in a plain table, and point-in-polygon is the planar even-odd ray-casting test in SQL
 * (a point is inside when a ray towards +lon crosses the region's edges an odd number of times; holes and
 * multi-part regions need no special case), after a bounding-box prefilter. Planar in lon/lat degrees: exact for
 * the polygon as drawn on the maps (straight edges in lon/lat), which is how the boundary files are meant.
 */
import type { BoundaryFeature } from './boundaries';

/** Same name within this distance (haversine, km) = likely the same facility entered twice. */
export const DUPLICATE_RADIUS_KM = 0.1;
/**
 * A district's population points should add up to its `regions.population`: off by more than this share, the
 * points (or the total) are probably from another year or source, and per-person measures mix the two.
 */
export const POPULATION_SUM_TOLERANCE = 0.1;
/**
 * Boundary files are simplified: a point this close (km) to its stated district is not flagged. The demo's
 * boundaries miss 30 of its 3,401 facilities by 0.05 to 2.5 km (measured); the errors that matter are tens of km.
 */
export const BOUNDARY_TOLERANCE_KM = 3;
/** Up to this many examples per check. */
export const EXAMPLES = 5;

export const EDGES_TABLE = 'boundary_edges';
export const BBOX_TABLE = 'boundary_bbox';
/** facility_id, flag, region_id (stated), found_in (a region whose boundary holds the point), km (to the stated district). */
export const FACILITY_FLAGS = 'facility_flags';

/** Facility flags that make a location unreliable: such facilities are left out of the Plan's recommendations. */
export const LOCATION_FLAGS = ['outside_boundaries', 'outside_district'] as const;
export type FacilityFlag = (typeof LOCATION_FLAGS)[number] | 'swapped_lat_lon' | 'duplicate';

// 1 degree of latitude in km (R = 6371 km, as haversineSql).
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

export interface EdgeRow { region_id: string; level: number; x1: number; y1: number; x2: number; y2: number }

/** Every ring edge of every boundary feature (lon = x, lat = y); rings are closed in GeoJSON, so no edge is missing. */
export function boundaryEdgeRows(features: readonly BoundaryFeature[]): EdgeRow[] {
  const rows: EdgeRow[] = [];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        if (![x1, y1, x2, y2].every(Number.isFinite)) continue;
        rows.push({ region_id: f.properties.region_id, level: f.properties.level, x1, y1, x2, y2 });
      }
    }
  }
  return rows;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlNumber = (n: number) => {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
};

/**
 * Statements that (re)create the edge and bounding-box tables from `rows` (numbers and ids as literals: they come
 * from parsed JSON and are checked; chunks keep each statement small).
 */
export function boundaryTablesSql(rows: readonly EdgeRow[], chunk = 2000): string[] {
  const out = [`CREATE OR REPLACE TABLE ${EDGES_TABLE} (region_id VARCHAR, level INTEGER, x1 DOUBLE, y1 DOUBLE, x2 DOUBLE, y2 DOUBLE)`];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) =>
      `(${sqlString(r.region_id)}, ${Math.trunc(Number(sqlNumber(r.level)))}, ${sqlNumber(r.x1)}, ${sqlNumber(r.y1)}, ${sqlNumber(r.x2)}, ${sqlNumber(r.y2)})`);
    out.push(`INSERT INTO ${EDGES_TABLE} VALUES ${values.join(', ')}`);
  }
  out.push(`CREATE OR REPLACE TABLE ${BBOX_TABLE} AS SELECT region_id, min(least(x1, x2)) AS xmin, max(greatest(x1, x2)) AS xmax,
  min(least(y1, y2)) AS ymin, max(greatest(y1, y2)) AS ymax FROM ${EDGES_TABLE} GROUP BY region_id`);
  return out;
}

/**
 * SELECT id, region_id for every point of `points` (a SELECT with columns id, x, y) inside a region's boundary.
 * Even-odd rule: the half-open test (y1 > y) <> (y2 > y) counts a vertex on the ray once, and skips horizontal edges.
 */
export function pointInRegionsSql(points: string): string {
  return `WITH pts AS (${points}),
cand AS (SELECT p.id, p.x, p.y, b.region_id FROM pts p JOIN ${BBOX_TABLE} b ON p.x BETWEEN b.xmin AND b.xmax AND p.y BETWEEN b.ymin AND b.ymax)
SELECT c.id, c.region_id FROM cand c JOIN ${EDGES_TABLE} e ON e.region_id = c.region_id
  AND (e.y1 > c.y) <> (e.y2 > c.y) AND c.x < (e.x2 - e.x1) * (c.y - e.y1) / (e.y2 - e.y1) + e.x1
GROUP BY c.id, c.region_id HAVING count(*) % 2 = 1`;
}

/**
 * Shortest distance (km) from a point (px, py) to edge e, in a local equirectangular projection at the point's
 * latitude (x scaled by cos(lat)): close to the great-circle distance over the tens of km that matter here.
 */
function edgeDistanceKm(px: string, py: string): string {
  const k = sqlNumber(KM_PER_DEGREE);
  const kx = `(${k} * cos(radians(${py})))`;
  const ax = `((e.x1 - ${px}) * ${kx})`, ay = `((e.y1 - ${py}) * ${k})`;
  const dx = `((e.x2 - e.x1) * ${kx})`, dy = `((e.y2 - e.y1) * ${k})`;
  const t = `greatest(0.0, least(1.0, coalesce(-(${ax} * ${dx} + ${ay} * ${dy}) / nullif(${dx} * ${dx} + ${dy} * ${dy}, 0), 0.0)))`;
  return `sqrt(pow(${ax} + ${t} * ${dx}, 2) + pow(${ay} + ${t} * ${dy}, 2))`;
}

/**
 * TABLE facility_flags(facility_id, flag, region_id, found_in, km): one row per facility and flag.
 * The stated district is `stated_region_id` when the source list gives one (import keeps a list's own `District`
 * there and sets `region_id` by point-in-polygon, so comparing region_id with the point would find nothing), else
 * `region_id`.
 * - outside_boundaries: the point lies in no boundary at all (km: to its stated district, when it has a boundary);
 *   (both location flags skip points within BOUNDARY_TOLERANCE_KM of their stated district)
 * - swapped_lat_lon: as above, but (lat, lon) read as (lon, lat) falls inside a boundary (found_in: that region);
 * - outside_district: inside some boundary, but not its stated district's (found_in: where it lies; km: how far out);
 * - duplicate: another facility with the same name (case and spaces ignored) lies within DUPLICATE_RADIUS_KM
 *   (found_in: the other facility_id).
 * Without boundaries (`boundaries` false) only duplicates are looked for.
 */
export function facilityFlagsSql(o: { boundaries: boolean }): string {
  const dup = `SELECT a.facility_id, 'duplicate' AS flag, a.region_id, min(b.facility_id) AS found_in, NULL::DOUBLE AS km
FROM facilities a JOIN facilities b ON lower(trim(a.name)) = lower(trim(b.name)) AND a.facility_id <> b.facility_id
  AND abs(a.lat - b.lat) < 0.01 AND ${haversine('a', 'b')} <= ${sqlNumber(DUPLICATE_RADIUS_KM)}
WHERE a.name IS NOT NULL AND trim(a.name) <> '' GROUP BY a.facility_id, a.region_id`;
  if (!o.boundaries) return `CREATE OR REPLACE TABLE ${FACILITY_FLAGS} AS ${dup}`;
  const located = `SELECT facility_id AS id, CAST(lon AS DOUBLE) AS x, CAST(lat AS DOUBLE) AS y FROM facilities WHERE lat IS NOT NULL AND lon IS NOT NULL`;
  return `CREATE OR REPLACE TABLE ${FACILITY_FLAGS} AS
WITH inside AS (${pointInRegionsSql(located)}),
f AS (SELECT facility_id, coalesce(stated_region_id, region_id) AS region_id, CAST(lon AS DOUBLE) AS x, CAST(lat AS DOUBLE) AS y FROM facilities WHERE lat IS NOT NULL AND lon IS NOT NULL),
status AS (
  SELECT f.*, EXISTS (SELECT 1 FROM inside i WHERE i.id = f.facility_id) AS in_any,
    EXISTS (SELECT 1 FROM inside i WHERE i.id = f.facility_id AND i.region_id = f.region_id) AS in_own,
    EXISTS (SELECT 1 FROM ${BBOX_TABLE} b WHERE b.region_id = f.region_id) AS own_has_boundary,
    (SELECT min(i.region_id) FROM inside i JOIN ${BBOX_TABLE} b ON b.region_id = i.region_id
      WHERE i.id = f.facility_id AND i.region_id <> f.region_id AND i.region_id IN (SELECT region_id FROM ${EDGES_TABLE} WHERE level >= 2)) AS found_in
  FROM f
),
candidates AS (SELECT * FROM status WHERE NOT in_any OR (own_has_boundary AND NOT in_own)),
dist AS (SELECT o.facility_id, min(${edgeDistanceKm('o.x', 'o.y')}) AS km FROM candidates o JOIN ${EDGES_TABLE} e ON e.region_id = o.region_id GROUP BY o.facility_id),
out AS (SELECT o.*, d.km FROM candidates o LEFT JOIN dist d ON d.facility_id = o.facility_id WHERE d.km IS NULL OR d.km > ${sqlNumber(BOUNDARY_TOLERANCE_KM)}),
swap AS (${pointInRegionsSql(`SELECT facility_id AS id, y AS x, x AS y FROM out WHERE NOT in_any`)})
SELECT o.facility_id, CASE WHEN o.in_any THEN 'outside_district' ELSE 'outside_boundaries' END AS flag, o.region_id,
  CASE WHEN o.in_any THEN o.found_in END AS found_in, o.km
FROM out o
UNION ALL
SELECT s.id, 'swapped_lat_lon', f.region_id, min(s.region_id), NULL FROM swap s JOIN f ON f.facility_id = s.id GROUP BY s.id, f.region_id
UNION ALL
${dup}`;
}

function haversine(a: string, b: string): string {
  return `2 * 6371 * asin(sqrt(pow(sin(radians(${b}.lat - ${a}.lat) / 2), 2) + cos(radians(${a}.lat)) * cos(radians(${b}.lat)) * pow(sin(radians(${b}.lon - ${a}.lon) / 2), 2)))`;
}

/** One plausibility check: rows (key, example) of what it found; the runner counts them and keeps EXAMPLES. */
export interface PlausibilityCheck {
  id: 'outside_boundaries' | 'outside_district' | 'swapped_lat_lon' | 'duplicate' | 'district_no_points' | 'district_points_sum' | 'coverage_scale' | 'coverage_ci_scale';
  /** Tables it reads (all must be loaded), and whether it needs the boundaries. */
  needs: readonly ('regions' | 'facilities' | 'population' | 'coverage' | 'indicator_catalog')[];
  boundaries: boolean;
  /** SELECT key, example (VARCHAR) ORDER BY key: one row per finding. */
  sql: string;
  /** What one finding means, for the report (English, as the validator's other messages). */
  rule: string;
}

const flagRows = (flag: FacilityFlag, example: string) =>
  `SELECT g.facility_id AS key, ${example} AS example FROM ${FACILITY_FLAGS} g LEFT JOIN facilities f ON f.facility_id = g.facility_id WHERE g.flag = '${flag}' ORDER BY g.facility_id`;
// printf's %s takes text only.
const txt = (x: string) => `coalesce(CAST(${x} AS VARCHAR), '?')`;
const km = `coalesce(printf('%.1f km', g.km), 'an unknown distance')`;

/** Every check, in report order. The facility checks read facility_flags (build it first with facilityFlagsSql). */
export const PLAUSIBILITY_CHECKS: readonly PlausibilityCheck[] = [
  {
    id: 'outside_boundaries', needs: ['facilities'], boundaries: true,
    rule: 'facility lies outside every boundary (in the sea or abroad)',
    sql: flagRows('outside_boundaries', `printf('%s (%s, %s %s): %s from %s', g.facility_id, coalesce(f.name, '?'), ${txt('f.lat')}, ${txt('f.lon')}, ${km}, g.region_id)`),
  },
  {
    id: 'outside_district', needs: ['facilities'], boundaries: true,
    rule: 'facility lies in another district than the one it states (stated_region_id, else region_id)',
    sql: flagRows('outside_district', `printf('%s (%s): stated %s, lies in %s, %s outside %s', g.facility_id, coalesce(f.name, '?'), g.region_id, coalesce(g.found_in, '?'), ${km}, g.region_id)`),
  },
  {
    id: 'swapped_lat_lon', needs: ['facilities'], boundaries: true,
    rule: 'lat and lon look swapped: read the other way round, the point falls inside a boundary',
    sql: flagRows('swapped_lat_lon', `printf('%s (%s): lat %s lon %s; swapped it lies in %s', g.facility_id, coalesce(f.name, '?'), ${txt('f.lat')}, ${txt('f.lon')}, g.found_in)`),
  },
  {
    id: 'duplicate', needs: ['facilities'], boundaries: false,
    rule: `another facility with the same name lies within ${DUPLICATE_RADIUS_KM * 1000} m`,
    sql: flagRows('duplicate', `printf('%s and %s (%s)', g.facility_id, g.found_in, coalesce(f.name, '?'))`),
  },
  {
    id: 'district_no_points', needs: ['regions', 'population'], boundaries: false,
    rule: 'district has no population points',
    sql: `SELECT r.region_id AS key, printf('%s (%s)', r.region_id, coalesce(r.name, '?')) AS example FROM regions r
WHERE r.level = 2 AND NOT EXISTS (SELECT 1 FROM population p WHERE p.region_id = r.region_id) ORDER BY r.region_id`,
  },
  {
    id: 'district_points_sum', needs: ['regions', 'population'], boundaries: false,
    rule: `district's population points add up to more than ${POPULATION_SUM_TOLERANCE * 100}% away from regions.population`,
    sql: `WITH s AS (SELECT region_id, sum(population) AS points FROM population GROUP BY region_id)
SELECT r.region_id AS key, printf('%s: points %s, regions.population %s (%+.0f%%)', r.region_id, ${txt('CAST(round(s.points) AS BIGINT)')}, ${txt('CAST(round(r.population) AS BIGINT)')}, 100 * (s.points - r.population) / r.population) AS example
FROM regions r JOIN s ON s.region_id = r.region_id
WHERE r.level = 2 AND r.population > 0 AND abs(s.points - r.population) > ${sqlNumber(POPULATION_SUM_TOLERANCE)} * r.population ORDER BY r.region_id`,
  },
  {
    id: 'coverage_scale', needs: ['coverage', 'indicator_catalog'], boundaries: false,
    rule: "coverage estimate outside 0..scale of a percentage indicator (indicator_catalog.unit '%')",
    sql: `SELECT concat_ws('/', c.indicator_id, c.region_id, c.year, c.dimension, c.subgroup) AS key,
  printf('%s %s %s %s=%s: %s (scale %s)', c.indicator_id, c.region_id, ${txt('c.year')}, c.dimension, c.subgroup, ${txt('c.estimate')}, ${txt('i.scale')}) AS example
FROM coverage c JOIN indicator_catalog i ON i.indicator_id = c.indicator_id
WHERE i.unit = '%' AND (c.estimate < 0 OR c.estimate > i.scale) ORDER BY key`,
  },
  {
    id: 'coverage_ci_scale', needs: ['coverage', 'indicator_catalog'], boundaries: false,
    rule: "confidence interval reaches outside 0..scale of a percentage indicator (indicator_catalog.unit '%')",
    sql: `SELECT concat_ws('/', c.indicator_id, c.region_id, c.year, c.dimension, c.subgroup) AS key,
  printf('%s %s %s %s=%s: CI %s to %s (scale %s)', c.indicator_id, c.region_id, ${txt('c.year')}, c.dimension, c.subgroup, ${txt('c.ci_low')}, ${txt('c.ci_high')}, ${txt('i.scale')}) AS example
FROM coverage c JOIN indicator_catalog i ON i.indicator_id = c.indicator_id
WHERE i.unit = '%' AND (c.ci_low < 0 OR c.ci_high > i.scale) ORDER BY key`,
  },
];

/** Count and the first EXAMPLES findings of a check, in one query. */
export function checkSummarySql(check: PlausibilityCheck): string {
  return `WITH found AS (${check.sql}) SELECT (SELECT count(*) FROM found) AS n, (SELECT list(example) FROM (SELECT example FROM found LIMIT ${EXAMPLES})) AS examples`;
}
