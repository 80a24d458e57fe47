/**
 * Referral time: for each health centre, the travel time to the nearest hospital over the same friction surface, as
 * WHO AccessMod's referral analysis (amReferralTable) reports it from health facilities to referral hospitals; one
 * multi-source search from the hospitals (costDistance, GRASS r.cost moves, symmetric, so hospital -> centre time
 * equals centre -> hospital). Per district: the median and the share of centres beyond 2 hours, the Lancet
 * Commission on Global Surgery's bound for reaching a hospital that can operate (Meara et al. 2015).
 */
import { costDistance } from './travelTime';
import type { SurfaceInput } from './sourceSearch';

export const REFERRAL_LIMIT_MIN = 120;

export interface ReferralInput {
  surface: SurfaceInput;
  /** Hospitals' start cells (-1 = not on the grid: left out). */
  hospitalCells: Int32Array;
  /** Health centres' cells (-1 = not on the grid: no time). */
  centreCells: Int32Array;
}

export interface ReferralResult {
  /** Minutes from each centre to its nearest hospital: Infinity = no hospital reachable, NaN = the centre is on no cell. */
  minutes: Float32Array;
  /** Index into hospitalCells of that hospital, -1 when none. */
  hospital: Int32Array;
}

export function referralTimes(input: ReferralInput): ReferralResult {
  const n = input.surface.width * input.surface.height;
  const placed: number[] = [];
  const which: number[] = [];
  input.hospitalCells.forEach((c, i) => {
    if (c >= n) throw new RangeError(`hospital ${i} is on cell ${c}, outside the grid's ${n} cells`);
    if (c >= 0) { placed.push(c); which.push(i); }
  });
  const minutes = new Float32Array(input.centreCells.length).fill(Infinity);
  const hospital = new Int32Array(input.centreCells.length).fill(-1);
  const surface = placed.length ? costDistance({ ...input.surface, sources: Int32Array.from(placed) }) : null;
  input.centreCells.forEach((c, i) => {
    if (c >= n) throw new RangeError(`health centre ${i} is on cell ${c}, outside the grid's ${n} cells`);
    if (c < 0) { minutes[i] = NaN; return; }
    if (!surface || surface.nearest[c] < 0) return;
    minutes[i] = surface.minutes[c];
    hospital[i] = which[surface.nearest[c]];
  });
  return { minutes, hospital };
}

export interface ReferralRow {
  region_id: string;
  /** Health centres in the district, and those with a cell (a time, possibly Infinity). */
  centres: number;
  placed: number;
  /** Median minutes of the placed centres (Infinity when more than half reach no hospital); null with none placed. */
  median: number | null;
  /** Placed centres more than `limit` minutes from a hospital, or reaching none. */
  beyond: number;
}

const median = (v: number[]): number | null => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Per district (sorted by region_id) and nationally (region_id ''). */
export function referralByDistrict(regionIds: readonly string[], minutes: Float32Array, limit = REFERRAL_LIMIT_MIN): { districts: ReferralRow[]; national: ReferralRow } {
  const by = new Map<string, number[]>();
  const counts = new Map<string, number>();
  regionIds.forEach((id, i) => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!by.has(id)) by.set(id, []);
    if (!Number.isNaN(minutes[i])) by.get(id)!.push(minutes[i]);
  });
  const row = (region_id: string, centres: number, v: number[]): ReferralRow => ({ region_id, centres, placed: v.length, median: median(v), beyond: v.filter((m) => m > limit).length });
  const ids = [...by.keys()].sort();
  return { districts: ids.map((id) => row(id, counts.get(id)!, by.get(id)!)), national: row('', regionIds.length, ids.flatMap((id) => by.get(id)!)) };
}
