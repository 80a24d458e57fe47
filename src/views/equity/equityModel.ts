import {
  MEASURES, MEASURE_CODES, measureAvailability, summaryMeasures,
  type MeasureCode, type MeasureResults, type MeasureValue, type MeasureMeta,
} from '../../metrics/inequality';
import type { AccessByPovertyRow, EquityIndicatorRow } from '../../queries/accessInequalitySql';
import { subgroupsFromRows, type SubgroupRow } from '../../queries/equitySql';

/**
 * The equity view's state, separate from layout: validate the link's settings against the data, turn
 * query rows into summary measures per year / per setting, and answer the headline question. Pure.
 */

export type SeriesRow = SubgroupRow & { year: number };
export type BenchmarkRow = SubgroupRow & { region_id: string; region_name: string | null; setting_average: number | null; subgroups: number };
export interface OptionRow { dimension: string; year: number; subgroups: number; ordered: boolean }

export interface EquityNotice {
  key: 'equity.notice.indicator' | 'equity.notice.dimension' | 'equity.notice.year';
  wanted: string;
  /** Indicator id, dimension or year shown instead (worded by the view). */
  shown: string;
}

export interface EquitySettings {
  indicator: EquityIndicatorRow | null;
  dimension: string | null;
  ordered: boolean;
  year: number | null;
  measure: MeasureCode;
  lines: 'year' | 'region';
  /** What in the link was not offered by the data and was replaced: a catalogue key, the value asked and the one shown. */
  notices: EquityNotice[];
}

/** Ordered dimensions of economic status get the "richest fifth / poorest fifth" wording. */
export const isWealthDimension = (dimension: string) => /wealth|quintile|econom|income|asset/i.test(dimension);

/** The measures a dimension can have (HEAT applicability), in HEAT's order. */
export const measuresFor = (ordered: boolean): MeasureCode[] =>
  MEASURE_CODES.filter((c) => MEASURES[c].applies === 'any' || MEASURES[c].applies === (ordered ? 'ordered' : 'non-ordered'));

/** HEAT's usual headline measure: SII for ordered dimensions, D otherwise. */
export const defaultMeasure = (ordered: boolean): MeasureCode => (ordered ? 'SII' : 'D');

export function resolveSettings(
  extra: Readonly<Record<string, string>>,
  indicators: readonly EquityIndicatorRow[],
  options: readonly OptionRow[] | null,
): EquitySettings {
  const notices: EquityNotice[] = [];
  const wanted = extra.indicator;
  let indicator = indicators.find((i) => i.indicator_id === wanted) ?? null;
  if (!indicator) {
    if (wanted && indicators.length) notices.push({ key: 'equity.notice.indicator', wanted: wanted.slice(0, 40), shown: indicators[0].indicator_id });
    indicator = indicators[0] ?? null;
  }
  const dims = [...new Set((options ?? []).map((o) => o.dimension))];
  const orderedDim = (d: string) => (options ?? []).filter((o) => o.dimension === d).every((o) => o.ordered);
  const fallbackDim = dims.find((d) => orderedDim(d) && isWealthDimension(d)) ?? dims.find(orderedDim) ?? dims[0] ?? null;
  let dimension = extra.dimension && dims.includes(extra.dimension) ? extra.dimension : fallbackDim;
  if (extra.dimension && options && dimension !== extra.dimension && dims.length)
    notices.push({ key: 'equity.notice.dimension', wanted: extra.dimension.slice(0, 60), shown: fallbackDim ?? '' });
  if (!options) dimension = extra.dimension ?? null;
  const ordered = dimension ? orderedDim(dimension) && (options ?? []).some((o) => o.dimension === dimension) : false;
  const years = (options ?? []).filter((o) => o.dimension === dimension).map((o) => o.year).sort((a, b) => a - b);
  const askedYear = extra.year !== undefined ? Number(extra.year) : NaN;
  let year: number | null = years.includes(askedYear) ? askedYear : years[years.length - 1] ?? null;
  if (extra.year !== undefined && options && years.length && year !== askedYear)
    notices.push({ key: 'equity.notice.year', wanted: extra.year.slice(0, 10), shown: String(year) });
  if (!options) year = Number.isInteger(askedYear) ? askedYear : null;
  const allowed = measuresFor(ordered);
  const measure = allowed.includes(extra.measure_code as MeasureCode) ? (extra.measure_code as MeasureCode) : defaultMeasure(ordered);
  const lines = extra.lines === 'region' ? 'region' : 'year';
  return { indicator, dimension, ordered, year, measure, lines, notices };
}

/** summaryMeasures() on query rows, with the reasons for the measures that are null. */
export function measuresOf(rows: readonly SubgroupRow[], indicator: Pick<EquityIndicatorRow, 'favourable' | 'scale'>) {
  const { subgroups, ordered } = subgroupsFromRows(rows);
  const input = { subgroups, ordered, favourable: indicator.favourable, scale: indicator.scale };
  return { ordered, results: summaryMeasures(input), availability: measureAvailability(input) };
}

/** Group rows by a key, keeping first-seen order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export interface MeasurePoint { key: string; year?: number; value: number; ciLow?: number; ciHigh?: number }

/** One measure per group (a year, a setting), in the units HEAT displays (value x displayMultiplier). */
export function measureSeries<T extends SubgroupRow>(
  groups: Map<string, T[]>,
  code: MeasureCode,
  indicator: Pick<EquityIndicatorRow, 'favourable' | 'scale'>,
): { key: string; value: MeasureValue | null; reason?: string }[] {
  return [...groups].map(([key, rows]) => {
    const { results, availability } = measuresOf(rows, indicator);
    const a = availability[code];
    return { key, value: displayed(code, results[code]), reason: a.ok ? undefined : a.reason };
  });
}

/** A measure's value and CI as HEAT shows them (RCI x100). */
export function displayed(code: MeasureCode, v: MeasureValue | null): MeasureValue | null {
  if (!v) return null;
  const k = MEASURES[code].displayMultiplier;
  return k === 1 ? v : { ...v, value: v.value * k, ciLow: v.ciLow === undefined ? undefined : v.ciLow * k, ciHigh: v.ciHigh === undefined ? undefined : v.ciHigh * k };
}

/** How a measure's displayed number is expressed, in words. */
export function unitLabel(meta: MeasureMeta, indicatorUnit: string | null): string {
  const pct = indicatorUnit === '%' || indicatorUnit === null;
  switch (meta.unit) {
    case 'indicator': return pct ? 'percentage points' : indicatorUnit!;
    case 'indicator squared': return pct ? 'points²' : `(${indicatorUnit})²`;
    case 'ratio': return 'ratio (1 = equal)';
    case 'percent': return '%';
    case 'x1000': return '×1000 (0 = equal)';
    case 'fraction': return '×100, −100 to 100 (0 = equal)';
  }
}

/** Unit words for readMeasure(): "percentage points" for percentages. */
export const differenceUnit = (indicatorUnit: string | null) => (indicatorUnit === '%' || indicatorUnit === null ? 'percentage points' : indicatorUnit);

export interface Headline {
  year: number;
  gap: number;
  firstYear: number;
  firstGap: number;
  /** Change of |gap| per year, positive = closing. null when only one year has a gap. */
  closingPerYear: number | null;
  trend: 'closing' | 'widening' | 'unchanged' | 'single-year';
  /** Names of the two ends, most advantaged first. */
  top: string;
  bottom: string;
  wealth: boolean;
}

/**
 * "How much higher is coverage at the advantaged end than at the disadvantaged end, and is the gap
 * closing?": gap = estimate of the highest-order subgroup minus that of order 1 (HEAT's D for a favourable
 * ordered dimension), in `year` and in the first year with both estimates; the rate is the average
 * change of the gap's size per year between the two (endpoints, not a fitted slope: a reader can check it).
 */
export function headlineGap(rows: readonly SeriesRow[], year: number, dimension: string): Headline | null {
  const gaps = new Map<number, { gap: number; top: string; bottom: string }>();
  for (const [y, rs] of groupBy(rows, (r) => r.year)) {
    const withOrder = rs.filter((r) => r.subgroup_order !== null);
    if (withOrder.length < 2 || withOrder.length !== rs.length) continue;
    const lo = withOrder.reduce((m, r) => (r.subgroup_order! < m.subgroup_order! ? r : m));
    const hi = withOrder.reduce((m, r) => (r.subgroup_order! > m.subgroup_order! ? r : m));
    if (lo.estimate === null || hi.estimate === null) continue;
    gaps.set(y, { gap: hi.estimate - lo.estimate, top: hi.subgroup, bottom: lo.subgroup });
  }
  const now = gaps.get(year);
  if (!now) return null;
  const firstYear = Math.min(...[...gaps.keys()].filter((y) => y <= year));
  const firstGap = gaps.get(firstYear)!.gap;
  const closingPerYear = firstYear === year ? null : (Math.abs(firstGap) - Math.abs(now.gap)) / (year - firstYear);
  const trend = closingPerYear === null ? 'single-year'
    : Math.abs(closingPerYear) < 0.05 ? 'unchanged' : closingPerYear > 0 ? 'closing' : 'widening';
  return {
    year, gap: now.gap, firstYear, firstGap, closingPerYear, trend, top: now.top, bottom: now.bottom,
    wealth: isWealthDimension(dimension) && gaps.size > 0 && rows.filter((r) => r.year === year).length === 5,
  };
}

export interface AccessInequality {
  districts: number;
  missing: number;
  povertyYear: number | null;
  mean: number;
  results: MeasureResults;
  reasons: Partial<Record<MeasureCode, string>>;
}

/**
 * Inequality of access: districts as the ordered subgroups of summaryMeasures(), ranked from the poorest
 * (order 1 = highest poverty rate), weighted by population; the "estimate" is health workers per 10,000.
 * SII by weighted least squares on ridit scores (siiMethod 'linear'): a density is not a proportion, so
 * HEAT's logistic model does not apply; scale 10,000 (per 10,000 people). RCI/ACI are the grouped
 * concentration indices (Kakwani, Wagstaff & van Doorslaer 1997), RCI shown x100 as HEAT does.
 */
export function accessInequality(rows: readonly AccessByPovertyRow[]): AccessInequality | null {
  const usable = rows.filter((r) => r.poverty_rank !== null && r.workforce_per_10k !== null && (r.population ?? 0) > 0);
  if (usable.length < 3) return null;
  const input = {
    subgroups: usable.map((r) => ({ name: r.name, estimate: r.workforce_per_10k, population: r.population, order: r.poverty_rank })),
    ordered: true,
    favourable: true,
    scale: 1e4,
    options: { siiMethod: 'linear' as const },
  };
  const availability = measureAvailability(input);
  const reasons: Partial<Record<MeasureCode, string>> = {};
  for (const c of MEASURE_CODES) {
    const a = availability[c];
    if (!a.ok) reasons[c] = a.reason;
  }
  const pop = usable.reduce((s, r) => s + r.population!, 0);
  const mean = usable.reduce((s, r) => s + r.workforce_per_10k! * r.population!, 0) / pop;
  return { districts: usable.length, missing: rows.length - usable.length, povertyYear: usable[0].poverty_year, mean, results: summaryMeasures(input), reasons };
}

export const fmt1 = (x: number | null | undefined, digits = 1) =>
  x == null || !Number.isFinite(x) ? '–' : x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Digits a measure is shown with: 2 for ratios, 1 otherwise. */
export const measureDigits = (code: MeasureCode) => (MEASURES[code].unit === 'ratio' ? 2 : 1);
