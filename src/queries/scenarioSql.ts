/**
 * A what-if scenario in DuckDB, without touching the loaded tables: one parameterised statement creates the
 * temporary table `facilities_scenario` (by default) = the facilities table with upgrades joined in, UNION ALL the
 * added facilities, UNION ALL the outreach stops. Every access builder of `accessSql.ts` then runs on it through
 * `tables: { facilities: 'facilities_scenario' }`. Same rules as `applyScenario` in src/metrics/scenario.ts
 * (modelling choices documented there); the tests check the two agree and that measures equal a full recomputation.
 *
 * Why a TEMP table rather than a view: DuckDB views cannot hold prepared-statement parameters, and edit values go
 * in as parameters, never pasted into SQL. The table is a copy of the facility list only (3.4k rows by default),
 * made again whenever the scenario changes. Unknown upgrade ids and added ids that already exist fail with error().
 */
import { normalizeScenario, OUTREACH_TYPE, type ScenarioEdit } from '../metrics/scenario';
import { quoteTable, type Query } from '../db/sqlText';
import { haversineSql, type AccessTables } from './accessSql';

export interface ScenarioSqlOptions {
  /** Source tables (data contract names by default); they are only read. */
  tables?: AccessTables;
  /** Name of the temporary table to (re)create. Default `facilities_scenario`. */
  target?: string;
}

export const SCENARIO_TABLE = 'facilities_scenario';

/** CREATE OR REPLACE TEMP TABLE <target> with the scenario applied; `table` is the name to pass to accessSql. */
export function scenarioTableSql(edits: readonly ScenarioEdit[], o: ScenarioSqlOptions = {}): Query & { table: string } {
  const { added, upgrades, outreach } = normalizeScenario(edits);
  const target = o.target ?? SCENARIO_TABLE;
  const population = quoteTable(o.tables?.population ?? 'population');
  const facilities = quoteTable(o.tables?.facilities ?? 'facilities');
  if (quoteTable(target) === facilities || quoteTable(target) === population) throw new Error(`target would replace a source table: ${target}`);
  const params: unknown[] = [];

  const upg = values(params, UPGRADE_COLUMNS, upgrades.map((u) => [u.facilityId, u.add.beds, u.add.doctors, u.add.nurses, u.add.midwives, u.services]));
  const add = values(params, ADDED_COLUMNS, added.map((a) => [a.id, a.regionId, a.lat, a.lon, a.type, a.beds, a.doctors, a.nurses, a.midwives, a.services]));
  const reach = values(params, OUTREACH_COLUMNS, outreach.map((r) => [r.id, r.lat, r.lon, r.radiusKm, r.type ?? OUTREACH_TYPE, r.beds, r.doctors, r.nurses, r.midwives, r.services]));
  const none = 'CAST([] AS VARCHAR[])';
  const upgraded = (c: string) => `CASE WHEN u.add_${c} IS NULL THEN f.${c} ELSE coalesce(f.${c}, 0) + u.add_${c} END AS ${c}`;
  const share = (c: string) => `s.${c} / s.n AS ${c}`;

  const sql = `CREATE OR REPLACE TEMP TABLE ${quoteTable(target)} AS
WITH upg AS (${upg}),
added AS (${add}),
reach AS (${reach}),
pop AS (SELECT cell_id, region_id, CAST(lat AS DOUBLE) AS lat, CAST(lon AS DOUBLE) AS lon FROM ${population}),
base AS (SELECT * FROM ${facilities}),
stops AS (
  SELECT r.*, p.cell_id, p.region_id AS cell_region, p.lat AS cell_lat, p.lon AS cell_lon, count(*) OVER (PARTITION BY r.base_id) AS n
  FROM reach r JOIN pop p ON ${haversineSql('r.lat', 'r.lon', 'p.lat', 'p.lon')} <= r.radius_km),
near AS (
  SELECT a.facility_id, min(struct_pack(d := ${haversineSql('a.lat', 'a.lon', 'p.lat', 'p.lon')}, c := p.cell_id, r := p.region_id)).r AS region_id
  FROM added a CROSS JOIN pop p WHERE a.region_id IS NULL GROUP BY a.facility_id)
SELECT f.* REPLACE (${['beds', 'doctors', 'nurses', 'midwives'].map(upgraded).join(', ')},
    CASE WHEN len(coalesce(u.add_services, ${none})) = 0 THEN f.services
      ELSE list_concat(coalesce(f.services, ${none}), list_filter(u.add_services, lambda x: NOT list_contains(coalesce(f.services, ${none}), x))) END AS services),
  CASE WHEN u.facility_id IS NULL THEN 'existing' ELSE 'upgraded' END AS scenario_change
FROM base f LEFT JOIN upg u ON u.facility_id = f.facility_id
UNION ALL BY NAME
SELECT a.facility_id, coalesce(a.region_id, n.region_id) AS region_id, a.lat, a.lon, a.type, a.beds, a.doctors, a.nurses, a.midwives,
  a.services, 'added' AS scenario_change
FROM added a LEFT JOIN near n ON n.facility_id = a.facility_id
UNION ALL BY NAME
SELECT s.base_id || '@' || CAST(s.cell_id AS VARCHAR) AS facility_id, s.cell_region AS region_id, s.cell_lat AS lat, s.cell_lon AS lon, s.type,
  ${['beds', 'doctors', 'nurses', 'midwives'].map(share).join(', ')}, s.services, 'outreach' AS scenario_change
FROM stops s
UNION ALL BY NAME
SELECT CAST(error('unknown facility id in upgrade: ' || facility_id) AS VARCHAR) AS facility_id
FROM upg WHERE facility_id NOT IN (SELECT facility_id FROM base)
UNION ALL BY NAME
SELECT CAST(error('scenario id already a facility: ' || id) AS VARCHAR) AS facility_id
FROM (SELECT facility_id AS id FROM added UNION ALL SELECT base_id FROM reach) WHERE id IN (SELECT facility_id FROM base)`;
  return { sql, params, table: target };
}

type Column = [name: string, type: 'VARCHAR' | 'DOUBLE' | 'VARCHAR[]'];

const CAPACITY: Column[] = ['beds', 'doctors', 'nurses', 'midwives'].map((c) => [c, 'DOUBLE']);
const UPGRADE_COLUMNS: Column[] = [['facility_id', 'VARCHAR'], ...CAPACITY.map(([c]): Column => [`add_${c}`, 'DOUBLE']), ['add_services', 'VARCHAR[]']];
const ADDED_COLUMNS: Column[] = [['facility_id', 'VARCHAR'], ['region_id', 'VARCHAR'], ['lat', 'DOUBLE'], ['lon', 'DOUBLE'], ['type', 'VARCHAR'], ...CAPACITY, ['services', 'VARCHAR[]']];
const OUTREACH_COLUMNS: Column[] = [['base_id', 'VARCHAR'], ['lat', 'DOUBLE'], ['lon', 'DOUBLE'], ['radius_km', 'DOUBLE'], ['type', 'VARCHAR'], ...CAPACITY, ['services', 'VARCHAR[]']];

/** A typed VALUES list whose every value is a `?` parameter (undefined -> NULL); no rows -> an empty typed SELECT. */
function values(params: unknown[], columns: Column[], rows: unknown[][]): string {
  if (rows.length === 0) return `SELECT ${columns.map(([n, t]) => `CAST(NULL AS ${t}) AS ${n}`).join(', ')} WHERE false`;
  const cell = (v: unknown, t: Column[1]) => {
    if (t === 'VARCHAR[]') {
      const list = v as string[];
      params.push(...list);
      return list.length ? `[${list.map(() => 'CAST(? AS VARCHAR)').join(', ')}]` : 'CAST([] AS VARCHAR[])';
    }
    params.push(v ?? null);
    return `CAST(? AS ${t})`;
  };
  const body = rows.map((r) => `(${r.map((v, k) => cell(v, columns[k][1])).join(', ')})`).join(', ');
  return `SELECT * FROM (VALUES ${body}) v(${columns.map(([n]) => n).join(', ')})`;
}

