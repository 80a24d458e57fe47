/**
 * What-if scenarios on the facility list, pure: add a hypothetical facility, upgrade an existing one, or send a
 * mobile clinic / partnership outreach out over a radius. The result is an ordinary facility list, so every
 * access measure (nearest distance, share within X km, E2SFCA, densities, priority) recomputes on it unchanged.
 * `src/queries/scenarioSql.ts` does the same in DuckDB; its tests check the two agree.
 *
 * Modelling choices (stated in the Plan view):
 * - upgrade: amounts are ADDED to the facility's beds/staff (a NULL count, "not reported", counts as 0 once
 *   something is added); new services are appended, duplicates dropped. Several upgrades of one facility add up.
 * - outreach: the programme visits every population point within `radiusKm` (haversine, <=) of its base. Each
 *   visited point becomes a stop, a facility at the point itself, so people there are reached where they live
 *   (distance 0), and the programme's capacity is split equally between its stops, so floating-catchment supply
 *   counts the programme once. No population point within the radius: no stop (the programme reaches nobody).
 * - added facility without `regionId`: the region of the nearest population point (ties: smallest cell_id), so
 *   per-region densities count it; null when no population is given. Outreach stops take their point's region.
 */
import { haversineKm } from './access';

export interface FacilityRow {
  facility_id: string;
  region_id: string | null;
  lat: number;
  lon: number;
  type: string | null;
  beds: number | null;
  doctors: number | null;
  nurses: number | null;
  midwives: number | null;
  services: string[] | null;
}

export type ScenarioChange = 'existing' | 'added' | 'upgraded' | 'outreach';

export type ScenarioFacility = FacilityRow & { scenario_change: ScenarioChange };

export interface PopulationPoint {
  cell_id: string | number;
  region_id: string | null;
  lat: number;
  lon: number;
}

export interface Staffing {
  beds?: number;
  doctors?: number;
  nurses?: number;
  midwives?: number;
  services?: string[];
}

export type ScenarioEdit =
  | ({ kind: 'add'; id: string; lat: number; lon: number; type: string; regionId?: string } & Staffing)
  | ({ kind: 'upgrade'; facilityId: string } & Staffing)
  | ({ kind: 'outreach'; id: string; lat: number; lon: number; radiusKm: number; type?: string } & Staffing);

export const CAPACITY_FIELDS = ['beds', 'doctors', 'nurses', 'midwives'] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];

/** Default `type` of outreach stops (the data contract's facility type for mobile clinics). */
export const OUTREACH_TYPE = 'mobile_unit';

export type AddEdit = Extract<ScenarioEdit, { kind: 'add' }>;
export type OutreachEdit = Extract<ScenarioEdit, { kind: 'outreach' }>;
/** One merged upgrade per facility: summed amounts (undefined = unchanged) and deduplicated new services. */
export interface Upgrade {
  facilityId: string;
  add: Partial<Record<CapacityField, number>>;
  services: string[];
}

/** Validates edits and merges upgrades of the same facility; short errors naming the bad value. */
export function normalizeScenario(edits: readonly ScenarioEdit[]): { added: AddEdit[]; upgrades: Upgrade[]; outreach: OutreachEdit[] } {
  const added: AddEdit[] = [];
  const outreach: OutreachEdit[] = [];
  const upgrades = new Map<string, Upgrade>();
  const ids = new Set<string>();
  for (const e of edits) {
    if (e.kind === 'add' || e.kind === 'outreach') {
      if (typeof e.id !== 'string' || e.id === '') throw new Error(`invalid ${e.kind} id: ${String(e.id)}`);
      if (ids.has(e.id)) throw new Error(`duplicate scenario id: ${e.id}`);
      ids.add(e.id);
      if (!(Math.abs(e.lat) <= 90)) throw new Error(`invalid lat for ${e.id}: ${e.lat}`);
      if (!(Math.abs(e.lon) <= 180)) throw new Error(`invalid lon for ${e.id}: ${e.lon}`);
      checkStaffing(e, e.id);
      if (e.kind === 'outreach') {
        if (!Number.isFinite(e.radiusKm) || e.radiusKm < 0) throw new Error(`invalid radiusKm for ${e.id}: ${e.radiusKm}`);
        outreach.push({ ...e, services: dedupe(e.services ?? []) });
      } else added.push({ ...e, services: dedupe(e.services ?? []) });
    } else if (e.kind === 'upgrade') {
      if (typeof e.facilityId !== 'string' || e.facilityId === '') throw new Error(`invalid upgrade facilityId: ${String(e.facilityId)}`);
      checkStaffing(e, e.facilityId);
      const u = upgrades.get(e.facilityId) ?? { facilityId: e.facilityId, add: {}, services: [] };
      for (const f of CAPACITY_FIELDS) if (e[f] !== undefined) u.add[f] = (u.add[f] ?? 0) + e[f];
      u.services = dedupe([...u.services, ...(e.services ?? [])]);
      upgrades.set(e.facilityId, u);
    } else throw new Error(`unknown edit kind: ${String((e as { kind: unknown }).kind)}`);
  }
  return { added, upgrades: [...upgrades.values()], outreach };
}

/** The facility list with the scenario applied: existing rows first (in order), then added, then outreach stops. */
export function applyScenario(
  facilities: readonly FacilityRow[],
  edits: readonly ScenarioEdit[],
  population: readonly PopulationPoint[] = [],
): ScenarioFacility[] {
  const { added, upgrades, outreach } = normalizeScenario(edits);
  const existing = new Set(facilities.map((f) => f.facility_id));
  for (const u of upgrades) if (!existing.has(u.facilityId)) throw new Error(`unknown facility id in upgrade: ${u.facilityId}`);
  for (const e of [...added, ...outreach]) if (existing.has(e.id)) throw new Error(`scenario id already a facility: ${e.id}`);
  const byId = new Map(upgrades.map((u) => [u.facilityId, u]));

  const out: ScenarioFacility[] = facilities.map((f) => {
    const u = byId.get(f.facility_id);
    if (!u) return { ...f, scenario_change: 'existing' };
    const row: ScenarioFacility = { ...f, scenario_change: 'upgraded' };
    for (const k of CAPACITY_FIELDS) if (u.add[k] !== undefined) row[k] = (f[k] ?? 0) + u.add[k]!;
    if (u.services.length) row.services = [...(f.services ?? []), ...u.services.filter((s) => !(f.services ?? []).includes(s))];
    return row;
  });
  for (const a of added)
    out.push({
      facility_id: a.id,
      region_id: a.regionId ?? nearestRegion(a.lat, a.lon, population),
      lat: a.lat,
      lon: a.lon,
      type: a.type,
      ...capacity(a, 1),
      services: a.services ?? [],
      scenario_change: 'added',
    });
  for (const o of outreach) {
    const stops = population.filter((p) => haversineKm(o.lat, o.lon, p.lat, p.lon) <= o.radiusKm);
    for (const p of stops)
      out.push({
        facility_id: `${o.id}@${p.cell_id}`,
        region_id: p.region_id,
        lat: p.lat,
        lon: p.lon,
        type: o.type ?? OUTREACH_TYPE,
        ...capacity(o, stops.length),
        services: o.services ?? [],
        scenario_change: 'outreach',
      });
  }
  return out;
}

/** Region of the nearest population point (haversine), ties to the smallest cell_id; null without population. */
export function nearestRegion(lat: number, lon: number, population: readonly PopulationPoint[]): string | null {
  let best: PopulationPoint | null = null;
  let bestD = Infinity;
  for (const p of population) {
    const d = haversineKm(lat, lon, p.lat, p.lon);
    if (d < bestD || (d === bestD && best !== null && p.cell_id < best.cell_id)) [best, bestD] = [p, d];
  }
  return best?.region_id ?? null;
}

function capacity(s: Staffing, share: number): Record<CapacityField, number | null> {
  const part = (v: number | undefined) => (v === undefined ? null : v / share);
  return { beds: part(s.beds), doctors: part(s.doctors), nurses: part(s.nurses), midwives: part(s.midwives) };
}

function checkStaffing(s: Staffing, id: string): void {
  for (const f of CAPACITY_FIELDS) {
    const v = s[f];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw new Error(`invalid ${f} for ${id}: ${v}`);
  }
  for (const v of s.services ?? []) if (typeof v !== 'string' || v === '') throw new Error(`invalid service for ${id}: ${String(v)}`);
}

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
