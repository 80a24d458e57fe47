import type { BenchmarkPoint } from '../../charts/benchmarkSpec';
import type { EquiplotPoint } from '../../charts/equiplotSpec';
import type { TrendPoint } from '../../charts/measureTrendSpec';
import type { SubgroupBar } from '../../charts/subgroupBarsSpec';
import type { MeasureCode } from '../../metrics/inequality';
import type { AccessByPovertyRow, EquityIndicatorRow } from '../../queries/accessInequalitySql';
import type { SubgroupRow } from '../../queries/equitySql';
import { accessInequality } from './accessInequality';
import { defaultMeasure, groupBy, isWealthDimension, measureSeries, measuresFor, measuresOf } from './equityMeasures';
import { headlineGap } from './headlineGap';
import type { EquityLink, RefusedLink } from './settings';

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

export interface EquitySettings extends Omit<EquityLink, 'indicator' | 'measure'> {
  indicator: EquityIndicatorRow | null;
  ordered: boolean;
  measure: MeasureCode;
  /** What in the link was not offered by the data and was replaced: a catalogue key, the value asked and the one shown. */
  notices: EquityNotice[];
}

/** The indicator shown: the one the link asks for when the data have it, else the first. */
export const pickIndicator = (link: EquityLink, indicators: readonly EquityIndicatorRow[]) =>
  indicators.find((i) => i.indicator_id === link.indicator) ?? indicators[0] ?? null;

/** The link's settings checked against what the data offer (`options`: null while they load). */
export function resolveSettings(link: EquityLink, indicators: readonly EquityIndicatorRow[], options: readonly OptionRow[] | null, refused: RefusedLink = {}): EquitySettings {
  const notices: EquityNotice[] = [];
  const indicator = pickIndicator(link, indicators);
  if (link.indicator && indicators.length && indicator?.indicator_id !== link.indicator)
    notices.push({ key: 'equity.notice.indicator', wanted: link.indicator.slice(0, 40), shown: indicators[0].indicator_id });
  const dims = [...new Set((options ?? []).map((o) => o.dimension))];
  const orderedDim = (d: string) => (options ?? []).filter((o) => o.dimension === d).every((o) => o.ordered);
  const fallbackDim = dims.find((d) => orderedDim(d) && isWealthDimension(d)) ?? dims.find(orderedDim) ?? dims[0] ?? null;
  let dimension: string | null = link.dimension && dims.includes(link.dimension) ? link.dimension : fallbackDim;
  if (link.dimension && options && dimension !== link.dimension && dims.length)
    notices.push({ key: 'equity.notice.dimension', wanted: link.dimension.slice(0, 60), shown: fallbackDim ?? '' });
  if (!options) dimension = link.dimension;
  const ordered = dimension ? orderedDim(dimension) && (options ?? []).some((o) => o.dimension === dimension) : false;
  const years = (options ?? []).filter((o) => o.dimension === dimension).map((o) => o.year).sort((a, b) => a - b);
  const askedText = link.year !== null ? String(link.year) : refused.year;
  let year: number | null = link.year !== null && years.includes(link.year) ? link.year : years[years.length - 1] ?? null;
  if (askedText !== undefined && options && years.length && year !== link.year)
    notices.push({ key: 'equity.notice.year', wanted: askedText.slice(0, 10), shown: String(year) });
  if (!options) year = link.year;
  const measure = link.measure && measuresFor(ordered).includes(link.measure) ? link.measure : defaultMeasure(ordered);
  return { indicator, dimension, ordered, year, measure, lines: link.lines, notices };
}

/** How the model names what it draws, in the interface language (identity functions in tests). */
export interface EquityNames {
  subgroup: (s: string) => string;
  year: (y: number | null) => string;
  /** A setting: the whole country or a province, by region id. */
  setting: (id: string) => string;
}

export interface EquityRows {
  settings: EquitySettings;
  regionId: string;
  nationalId: string;
  /** The selected indicator x dimension x setting, every year. */
  series: readonly SeriesRow[];
  /** The same on the wealth dimension when there is one (the headline asks about rich and poor); null until answered. */
  headlineRows: readonly SeriesRow[] | null;
  wealthDim: string | null;
  /** Every setting in the selected year (the benchmark), limited to known settings. */
  bench: readonly BenchmarkRow[];
  access: readonly AccessByPovertyRow[];
}

/** Everything the panels draw and say, from the query rows: one function, so each number is tested in Node. */
export function equityModel(x: EquityRows, names: EquityNames) {
  const s = x.settings;
  const yearRows = x.series.filter((r) => r.year === s.year);
  const byYear = (rows: readonly SeriesRow[]) => groupBy(rows, (r) => String(r.year));
  const trend = s.indicator && x.series.length ? measureSeries(byYear(x.series), s.measure, s.indicator) : [];
  const bench = s.indicator && x.bench.length ? measureSeries(groupBy(x.bench, (r) => r.region_id), s.measure, s.indicator) : [];
  const benchPoints: BenchmarkPoint[] = bench.flatMap((b) => (b.value ? [{
    name: names.setting(b.key), value: b.value.value, ciLow: b.value.ciLow, ciHigh: b.value.ciHigh,
    kind: b.key === x.nationalId ? 'national' as const : b.key === x.regionId ? 'selected' as const : 'other' as const,
  }] : []));
  return {
    equiplot: equiplotOf(x, names),
    subgroups: subgroupBarsOf(yearRows, names),
    current: s.indicator && yearRows.length ? measuresOf(yearRows, s.indicator) : null,
    headline: x.headlineRows && s.year !== null && (x.wealthDim || s.ordered) ? headlineGap(x.headlineRows, s.year, x.wealthDim ?? s.dimension ?? '') : null,
    trend,
    trendPoints: trend.flatMap((t): TrendPoint[] => (t.value ? [{ year: Number(t.key), value: t.value.value, ciLow: t.value.ciLow, ciHigh: t.value.ciHigh }] : [])),
    bench,
    benchPoints,
    access: accessInequality(x.access),
    gradient: x.access.filter((r) => r.poverty_rank !== null && r.workforce_per_10k !== null && (r.population ?? 0) > 0)
      .map((r) => ({ name: r.name, population: r.population!, povertyRate: r.poverty_rate!, workforcePer10k: r.workforce_per_10k! })),
  };
}
export type EquityModel = ReturnType<typeof equityModel>;

/** The equiplot: by year in the selected setting, or by setting in the selected year; the widest and narrowest gap. */
export function equiplotOf(x: EquityRows, names: EquityNames) {
  const s = x.settings;
  const byYear = s.lines === 'year';
  const rows = byYear ? x.series.map((r) => ({ ...r, line: names.year(r.year) })) : x.bench.map((r) => ({ ...r, line: names.setting(r.region_id) }));
  const subgroups = [...new Set(rows.map((r) => names.subgroup(r.subgroup)))];
  const points: EquiplotPoint[] = rows.filter((r) => r.estimate !== null)
    .map((r) => ({ line: r.line, subgroup: names.subgroup(r.subgroup), estimate: r.estimate!, ciLow: r.ci_low, ciHigh: r.ci_high, population: r.population }));
  const country = names.setting(x.nationalId);
  const lines = [...new Set(points.map((p) => p.line))]
    .sort(byYear ? undefined : (a, b) => (a === country ? -1 : b === country ? 1 : a.localeCompare(b)));
  const gaps = lines.map((line) => {
    const e = points.filter((p) => p.line === line).map((p) => p.estimate);
    return { line, gap: Math.max(...e) - Math.min(...e) };
  });
  const widest = gaps.reduce<(typeof gaps)[number] | null>((m, g) => (!m || g.gap > m.gap ? g : m), null);
  const narrowest = gaps.reduce<(typeof gaps)[number] | null>((m, g) => (!m || g.gap < m.gap ? g : m), null);
  return { points, lines, subgroups, selected: byYear ? names.year(s.year) : names.setting(x.regionId), widest, narrowest };
}

/**
 * Subgroup estimates of one year as bars, with the population-weighted setting average. A CI missing from the data
 * is estimate ± 1.96 SE (normal approximation).
 */
export function subgroupBarsOf(yearRows: readonly SeriesRow[], names: Pick<EquityNames, 'subgroup'>) {
  const known = yearRows.filter((r) => r.estimate !== null);
  const bars: SubgroupBar[] = known.map((r) => ({
    subgroup: names.subgroup(r.subgroup), estimate: r.estimate!, population: r.population,
    ciLow: r.ci_low ?? (r.se != null ? r.estimate! - 1.96 * r.se : null), ciHigh: r.ci_high ?? (r.se != null ? r.estimate! + 1.96 * r.se : null),
  }));
  const popTotal = known.reduce((a, r) => a + (r.population ? r.population : 0), 0);
  const average = popTotal > 0 ? known.reduce((a, r) => a + (r.population ? r.estimate! * r.population : 0), 0) / popTotal : null;
  const high = bars.reduce<SubgroupBar | null>((m, b) => (!m || b.estimate > m.estimate ? b : m), null);
  const low = bars.reduce<SubgroupBar | null>((m, b) => (!m || b.estimate < m.estimate ? b : m), null);
  return { bars, average, high, low };
}
