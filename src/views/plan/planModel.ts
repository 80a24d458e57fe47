/**
 * The Plan view's measures from per-district rows (pure): national share within the threshold, mean distance,
 * shortage flags, the priority ranking and the concentration index of access by poverty, for "today" and each
 * scenario, and their differences.
 */
import { hpsaShortage, per10k, priorityScores, workforceShortage } from '../../metrics/access';
import { summaryMeasures } from '../../metrics/inequality';
import { isShown, knownStatus } from '../../metrics/knownShare';
import type { PartnershipReachRow, PlanDistrictRow } from '../../queries/planSql';
import type { Programme } from './settings';

export interface PlanDistrict extends PlanDistrictRow {
  share: number | null;
  workforce_per_10k: number | null;
  beds_per_10k: number | null;
  whoShortage: boolean;
  hpsaShortage: boolean;
  poverty: number | null;
  /** Priority score (0-1, higher = go first) and rank (1 = first) among districts with a poverty value. */
  priority: number | null;
  rank: number | null;
}

export interface PlanMeasures {
  population: number;
  within: number;
  share: number | null;
  meanKm: number | null;
  underHalf: number;
  whoShortage: number;
  hpsaShortage: number;
  /**
   * Relative concentration index (x100, -100..100) across districts ranked from the poorest (Kakwani, Wagstaff &
   * van Doorslaer 1997, grouped; via summaryMeasures): negative = concentrated among poorer districts.
   */
  ciShare: number | null;
  ciWorkforce: number | null;
  districts: PlanDistrict[];
}

/** Concentration index x100 of a district estimate by poverty rank, population-weighted; null with < 3 districts. */
export function concentrationByPoverty(rows: readonly { name: string; estimate: number | null; population: number; poverty: number | null }[], scale: number): number | null {
  const usable = rows.filter((r) => r.estimate != null && Number.isFinite(r.estimate) && r.poverty != null && r.population > 0);
  if (usable.length < 3) return null;
  // Order 1 = poorest (highest poverty rate); ties broken by name so the order is stable.
  const order = new Map([...usable].sort((a, b) => b.poverty! - a.poverty! || a.name.localeCompare(b.name)).map((r, k) => [r, k + 1]));
  const res = summaryMeasures({
    subgroups: usable.map((r) => ({ name: r.name, estimate: r.estimate!, population: r.population, order: order.get(r)! })),
    ordered: true, favourable: true, scale, options: { siiMethod: 'linear' },
  });
  return res.RCI ? 100 * res.RCI.value : null;
}

/** Everything the comparison shows, from one run's district rows and the poverty rate per district. */
export function planMeasures(rows: readonly PlanDistrictRow[], poverty: ReadonlyMap<string, number>): PlanMeasures {
  const districts: PlanDistrict[] = rows.map((r) => {
    // Absent is not zero: staff known for fewer than half of a district's facilities give no density and no flag.
    const wf = isShown(knownStatus(r.workforce, r.workforce_known ?? r.facilities ?? 0, r.facilities ?? 0)) ? per10k(r.workforce, r.population) : null;
    const doctorsShown = isShown(knownStatus(r.doctors, r.doctors_known ?? r.facilities ?? 0, r.facilities ?? 0));
    return {
      ...r,
      share: r.point_population > 0 ? r.within / r.point_population : null,
      workforce_per_10k: wf,
      beds_per_10k: per10k(r.beds, r.population),
      whoShortage: wf != null && workforceShortage(wf),
      hpsaShortage: doctorsShown && hpsaShortage(r.population, r.doctors).shortage,
      poverty: poverty.get(r.region_id) ?? null,
      priority: null,
      rank: null,
    };
  });
  const ranked = districts.filter((d) => d.share != null && d.poverty != null);
  const scores = priorityScores(ranked.map((d) => ({ id: d.region_id, accessibility: d.share!, poverty: d.poverty! })));
  const byId = new Map(scores.map((s) => [s.id, s.priority]));
  const order = [...scores].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const rank = new Map(order.map((s, k) => [s.id, k + 1]));
  for (const d of districts) [d.priority, d.rank] = [byId.get(d.region_id) ?? null, rank.get(d.region_id) ?? null];

  const population = rows.reduce((s, r) => s + r.point_population, 0);
  const within = rows.reduce((s, r) => s + r.within, 0);
  const withDist = rows.filter((r) => r.mean_km != null);
  const distPop = withDist.reduce((s, r) => s + r.point_population, 0);
  return {
    population,
    within,
    share: population > 0 ? within / population : null,
    meanKm: distPop > 0 ? withDist.reduce((s, r) => s + r.mean_km! * r.point_population, 0) / distPop : null,
    underHalf: districts.filter((d) => d.share != null && d.share < 0.5).length,
    whoShortage: districts.filter((d) => d.whoShortage).length,
    hpsaShortage: districts.filter((d) => d.hpsaShortage).length,
    ciShare: concentrationByPoverty(districts.map((d) => ({ name: d.name, estimate: d.share == null ? null : 100 * d.share, population: d.point_population, poverty: d.poverty })), 100),
    ciWorkforce: concentrationByPoverty(districts.map((d) => ({ name: d.name, estimate: d.workforce_per_10k, population: d.population, poverty: d.poverty })), 1e4),
    districts,
  };
}

/** The districts of a province (or all), with the measures recomputed over that scope. */
export function scoped(rows: readonly PlanDistrictRow[], province: string | null): PlanDistrictRow[] {
  return province ? rows.filter((r) => r.province_id === province) : [...rows];
}

export interface PlanModel {
  /** Today's measures over the scope (null until today's rows arrive), and each scenario slot's (null: no rows yet). */
  base: PlanMeasures | null;
  measures: (PlanMeasures | null)[];
  /** Today's worst-covered district in scope (lowest share). */
  worst: PlanDistrict | undefined;
  /** Districts today (`d`) beside the active scenario (`s`): the largest gain first, then the lowest share today. */
  districts: { d: PlanDistrict; s: PlanDistrict | undefined }[];
}

/** Everything the Plan view shows, from each run's district rows, the poverty rate per district and the scope. */
export function planModel(x: {
  today: readonly PlanDistrictRow[] | null; scenarios: readonly (readonly PlanDistrictRow[] | null)[];
  poverty: ReadonlyMap<string, number>; province: string | null; active: number;
}): PlanModel {
  const measure = (rows: readonly PlanDistrictRow[] | null) => (rows ? planMeasures(scoped(rows, x.province), x.poverty) : null);
  const base = measure(x.today);
  const measures = x.scenarios.map(measure);
  if (!base) return { base, measures, worst: undefined, districts: [] };
  const worst = base.districts.filter((d) => d.share != null).sort((a, b) => a.share! - b.share!)[0];
  const after = new Map(measures[x.active]?.districts.map((d) => [d.region_id, d]) ?? []);
  const districts = base.districts.map((d) => ({ d, s: after.get(d.region_id) })).sort((p, q) =>
    ((q.s?.share ?? 0) - (q.d.share ?? 0)) - ((p.s?.share ?? 0) - (p.d.share ?? 0)) || (p.d.share ?? 0) - (q.d.share ?? 0));
  return { base, measures, worst, districts };
}

/** The people a facility would reach under the programme. */
export const reachOf = (r: PartnershipReachRow, programme: Programme) => (programme === 'outreach' ? r.outreach_reach : r.catchment_reach);

export interface PartnershipRanking {
  /** The facilities that would reach the most underserved people, best first (pharmacies left out). */
  top: PartnershipReachRow[];
  facilities: number;
  /** Facilities with a partnership today, and how many of them rank in the top tenth by reach. */
  partnered: number;
  partneredInDecile: number;
  partneredInTop: number;
}

/**
 * Facilities ranked by the people a programme would reach from them (outreach within a radius, or the catchment for
 * telemedicine and training); ties by id. Pharmacies dispense; they are not a base for outreach or clinical training.
 */
export function partnershipRanking(rows: readonly PartnershipReachRow[], programme: Programme, top: number): PartnershipRanking {
  const value = (r: PartnershipReachRow) => reachOf(r, programme);
  const ranked = rows.filter((r) => r.type !== 'pharmacy').sort((a, b) => value(b) - value(a) || a.facility_id.localeCompare(b.facility_id));
  const decile = Math.max(1, Math.round(ranked.length / 10));
  const first = ranked.slice(0, top);
  return {
    top: first,
    facilities: ranked.length,
    partnered: ranked.filter((r) => r.partnerships > 0).length,
    partneredInDecile: ranked.slice(0, decile).filter((r) => r.partnerships > 0).length,
    partneredInTop: first.filter((r) => r.partnerships > 0).length,
  };
}
