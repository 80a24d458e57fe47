import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import { accessGradientSpec } from '../../charts/accessGradientSpec';
import { benchmarkSpec, type BenchmarkPoint } from '../../charts/benchmarkSpec';
import { equiplotSpec, type EquiplotPoint } from '../../charts/equiplotSpec';
import { measureTrendSpec, type TrendPoint } from '../../charts/measureTrendSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { subgroupBarsSpec } from '../../charts/subgroupBarsSpec';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import { WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import { MEASURES, type MeasureCode } from '../../metrics/inequality';
import {
  accessByPovertyQuery, equityIndicatorsQuery, equitySettingsQuery,
  type AccessByPovertyRow, type EquityIndicatorRow, type SettingRow,
} from '../../queries/accessInequalitySql';
import { benchmarkQuery, equityOptionsQuery, subgroupSeriesQuery } from '../../queries/equitySql';
import { useSourceLabel } from '../../components/useSourceLabel';
import { rowsOf, useQuery } from '../../state/useQuery';
import './equity.css';
import {
  accessInequality, displayed, groupBy, headlineGap, isWealthDimension, measureDigits, measureSeries,
  measuresFor, measuresOf, resolveSettings, type BenchmarkRow, type OptionRow, type SeriesRow,
} from './equityModel';
import { rich } from '../../i18n/rich';
import { AltTable, differenceUnitText, HeadlineSentence, measureName, MeasuresTable, measureUnit, Picker } from './equityParts';
import type { ViewProps } from '../viewRegistry';

const COVERAGE = ['coverage', 'indicator_catalog'] as const;
const BENCH = ['coverage', 'regions'] as const;
const ACCESS = ['regions', 'facilities', 'socioeconomic'] as const;

/**
 * Who is left behind: WHO HEAT's equiplot, subgroup estimates, summary measures with CIs and readings,
 * a measure's trend and the provinces compared, plus inequality of access (health workers by district
 * poverty). Settings live in the link (`indicator`, `dimension`, `year`, `measure_code`, `lines`).
 */
export function EquityView({ view, scope, onChange }: ViewProps) {
  const sourceLabel = useSourceLabel();
  const { t, tx, region, num, year: yr, pct: pctText, locale, dir } = useI18n();
  const loc = useMemo(() => ({ locale, rtl: dir === 'rtl' }), [locale, dir]);
  // Every number in the locale's digits and separators (one decimal unless told).
  const f1 = (x: number | null | undefined, digits = 1) => num(x, digits);
  // A zero-width interval (standard errors of 0) says nothing: "no uncertainty given", never "100.0 to 100.0".
  const ciText = (lo: number | null | undefined, hi: number | null | undefined, digits = 1) =>
    (lo != null && hi != null && !(hi > lo) ? t('chart.noUncertainty') : t('equity.ciRange', { low: f1(lo, digits), high: f1(hi, digits) }));
  // Data labels in the interface language where the catalogue (or regions.name_ar) has them.
  const sg = (s: string) => tx(`subgroup.${s}`, region(s, s));
  const dimLabel = (d: string) => tx(`dimension.${d}`, d);
  const set = (key: string, value: string) => onChange({ extra: { ...view.extra, [key]: value } });

  const indicatorsQ = useQuery<EquityIndicatorRow>(useMemo(equityIndicatorsQuery, []), COVERAGE);
  const settingsQ = useQuery<SettingRow>(useMemo(equitySettingsQuery, []), ['regions']);
  const indicators = indicatorsQ.status === 'ready' ? indicatorsQ.rows : [];
  const settingRows = useMemo(() => (settingsQ.status === 'ready' ? settingsQ.rows : []), [settingsQ]);
  const nationalId = settingRows.find((s) => s.level === 0)?.region_id ?? 'XX';
  const regionId = view.province ?? nationalId;
  const indicatorId = (indicators.find((i) => i.indicator_id === view.extra.indicator) ?? indicators[0])?.indicator_id ?? view.extra.indicator ?? '';

  const optionsQ = useQuery<OptionRow>(useMemo(() => equityOptionsQuery(indicatorId, regionId), [indicatorId, regionId]), COVERAGE);
  const options = optionsQ.status === 'ready' ? optionsQ.rows : null;
  const s = resolveSettings(view.extra, indicators, indicatorsQ.status === 'ready' ? options : null);
  const dimension = s.dimension ?? '';
  const wealthDim = [...new Set((options ?? []).filter((o) => o.ordered).map((o) => o.dimension))].find(isWealthDimension) ?? (s.ordered ? dimension : null);

  const seriesQ = useQuery<SeriesRow>(useMemo(() => subgroupSeriesQuery({ indicatorId, dimension, regionId }), [indicatorId, dimension, regionId]), COVERAGE);
  const headlineQ = useQuery<SeriesRow>(
    useMemo(() => subgroupSeriesQuery({ indicatorId, dimension: wealthDim ?? dimension, regionId }), [indicatorId, wealthDim, dimension, regionId]), COVERAGE);
  const benchQ = useQuery<BenchmarkRow>(
    useMemo(() => benchmarkQuery({ indicatorId, dimension, year: s.year ?? 0 }), [indicatorId, dimension, s.year]), BENCH);
  const accessQ = useQuery<AccessByPovertyRow>(useMemo(() => accessByPovertyQuery({ province: view.province }), [view.province]), ACCESS);

  const indicator = s.indicator;
  const unit = indicator?.unit ?? '%';
  const pct = unit === '%';
  const diffUnit = differenceUnitText(t, indicator?.unit ?? null);
  const indicatorName = indicator ? tx(`indicator.${indicator.indicator_id}`, indicator.name) : indicatorId;
  const source = t('equity.caption', { source: sourceLabel, scope });
  const xLabel = `${indicatorName} (${unit})`;
  const series = useMemo(() => rowsOf(seriesQ) ?? [], [seriesQ]);
  const yearRows = useMemo(() => series.filter((r) => r.year === s.year), [series, s.year]);
  const years = [...new Set((options ?? []).filter((o) => o.dimension === dimension).map((o) => o.year))].sort((a, b) => a - b);
  const dims = [...new Set((options ?? []).map((o) => o.dimension))];
  const measureMeta = MEASURES[s.measure];
  const mDigits = measureDigits(s.measure);
  const measureAxis = `${s.measure} (${measureUnit(t, measureMeta, indicator?.unit ?? null)})`;

  const current = useMemo(() => (indicator && yearRows.length ? measuresOf(yearRows, indicator) : null), [indicator, yearRows]);
  const headline = useMemo(() => {
    const rows = rowsOf(headlineQ);
    return rows && s.year !== null && (wealthDim || s.ordered) ? headlineGap(rows, s.year, wealthDim ?? dimension) : null;
  }, [headlineQ, s.year, wealthDim, dimension, s.ordered]);
  const trend = useMemo(() => {
    if (!indicator || !series.length) return [];
    return measureSeries(groupBy(series, (r) => String(r.year)), s.measure, indicator);
  }, [indicator, series, s.measure]);
  const settingName = (id: string) => (id === nationalId ? t('chart.wholeCountry') : region(id, settingRows.find((r) => r.region_id === id)?.name ?? id));
  const benchRows = useMemo(() => (rowsOf(benchQ) ?? []).filter((r) => settingRows.some((sr) => sr.region_id === r.region_id)), [benchQ, settingRows]);
  const bench = useMemo(() => {
    if (!indicator || !benchRows.length) return [];
    return measureSeries(groupBy(benchRows, (r) => r.region_id), s.measure, indicator);
  }, [indicator, benchRows, s.measure]);
  const accessRows = useMemo(() => rowsOf(accessQ) ?? [], [accessQ]);
  const access = useMemo(() => accessInequality(accessRows), [accessRows]);

  const [eqRef, eqWidth] = useElementWidth<HTMLDivElement>();
  const [barRef, barWidth] = useElementWidth<HTMLDivElement>();
  const [trendRef, trendWidth] = useElementWidth<HTMLDivElement>();
  const [benchRef, benchWidth] = useElementWidth<HTMLDivElement>();
  const [accRef, accWidth] = useElementWidth<HTMLDivElement>();

  // Equiplot: by year in the selected setting, or by setting in the selected year.
  const subgroupNames = useStable([...new Set((s.lines === 'year' ? series : benchRows).map((r) => sg(r.subgroup)))]);
  const eqPoints = useStable<EquiplotPoint[]>((s.lines === 'year' ? series.map((r) => ({ ...r, line: yr(r.year) })) : benchRows.map((r) => ({ ...r, line: settingName(r.region_id) })))
    .filter((r) => r.estimate !== null)
    .map((r) => ({ line: r.line, subgroup: sg(r.subgroup), estimate: r.estimate!, ciLow: r.ci_low, ciHigh: r.ci_high, population: r.population })));
  const eqLines = useStable(s.lines === 'year'
    ? [...new Set(eqPoints.map((p) => p.line))].sort()
    : [...new Set(eqPoints.map((p) => p.line))].sort((a, b) => (a === t('chart.wholeCountry') ? -1 : b === t('chart.wholeCountry') ? 1 : a.localeCompare(b))));
  const eqSelected = s.lines === 'year' ? yr(s.year) : settingName(regionId);
  const eqSpec = useMemo(() => (eqPoints.length && eqWidth ? equiplotSpec({
    points: eqPoints, lines: eqLines, subgroups: subgroupNames, ordered: s.ordered, xLabel, lineLabel: s.lines === 'year' ? t('equity.lineYear') : t('equity.lineRegion'),
    selected: eqSelected, width: eqWidth, caption: source, loc, t,
  }) : null), [eqPoints, eqLines, subgroupNames, eqWidth, s.ordered, s.lines, xLabel, eqSelected, source, loc, t]);
  const gaps = eqLines.map((line) => {
    const e = eqPoints.filter((p) => p.line === line).map((p) => p.estimate);
    return { line, gap: Math.max(...e) - Math.min(...e) };
  });
  const widest = gaps.reduce<(typeof gaps)[number] | null>((m, g) => (!m || g.gap > m.gap ? g : m), null);
  const narrowest = gaps.reduce<(typeof gaps)[number] | null>((m, g) => (!m || g.gap < m.gap ? g : m), null);

  const bars = useStable(yearRows.filter((r) => r.estimate !== null).map((r) => ({
    subgroup: sg(r.subgroup), estimate: r.estimate!, population: r.population,
    ciLow: r.ci_low ?? (r.se != null ? r.estimate! - 1.96 * r.se : null), ciHigh: r.ci_high ?? (r.se != null ? r.estimate! + 1.96 * r.se : null),
  })));
  const popTotal = yearRows.reduce((a, r) => a + (r.estimate !== null && r.population ? r.population : 0), 0);
  const average = popTotal > 0 ? yearRows.reduce((a, r) => a + (r.estimate !== null && r.population ? r.estimate * r.population : 0), 0) / popTotal : null;
  const barSpec = useMemo(() => (bars.length && barWidth ? subgroupBarsSpec({
    bars, ordered: s.ordered, xLabel, average, max: pct ? 100 : undefined, width: barWidth, caption: source, loc, t,
  }) : null), [bars, barWidth, s.ordered, xLabel, average, pct, source, loc, t]);
  const hiBar = bars.reduce<(typeof bars)[number] | null>((m, b) => (!m || b.estimate > m.estimate ? b : m), null);
  const loBar = bars.reduce<(typeof bars)[number] | null>((m, b) => (!m || b.estimate < m.estimate ? b : m), null);

  const trendPoints = useStable<TrendPoint[]>(trend.filter((t) => t.value).map((t) => ({ year: Number(t.key), value: t.value!.value, ciLow: t.value!.ciLow, ciHigh: t.value!.ciHigh })));
  const trendSpec = useMemo(() => (trendPoints.length && trendWidth ? measureTrendSpec({
    points: trendPoints, yLabel: measureAxis, none: measureMeta.none, selectedYear: s.year, width: trendWidth, caption: source, digits: mDigits, loc, t,
  }) : null), [trendPoints, trendWidth, measureAxis, measureMeta.none, s.year, source, mDigits, loc, t]);

  const benchPoints = useStable<BenchmarkPoint[]>(bench.filter((b) => b.value).map((b) => ({
    name: settingName(b.key), value: b.value!.value, ciLow: b.value!.ciLow, ciHigh: b.value!.ciHigh,
    kind: b.key === nationalId ? 'national' : b.key === regionId ? 'selected' : 'other',
  })));
  const benchSpec = useMemo(() => (benchPoints.length > 1 && benchWidth ? benchmarkSpec({
    points: benchPoints, xLabel: measureAxis, none: measureMeta.none, width: benchWidth, caption: `${t('equity.caption', { source: sourceLabel, scope: t('app.wholeCountry') })} ${t('equity.benchCaption')}`, digits: mDigits, loc, t,
  }) : null), [benchPoints, benchWidth, measureAxis, measureMeta.none, sourceLabel, mDigits, loc, t]);
  // Provinces only: the whole country mixes between-province gaps in and is shown as the reference line.
  const benchSorted = benchPoints.filter((b) => b.kind !== 'national').sort((a, b) => Math.abs(b.value - measureMeta.none) - Math.abs(a.value - measureMeta.none));
  const benchNational = benchPoints.find((b) => b.kind === 'national');

  const gradient = useStable(accessRows.filter((r) => r.poverty_rank !== null && r.workforce_per_10k !== null && (r.population ?? 0) > 0)
    .map((r) => ({ name: r.name, population: r.population!, povertyRate: r.poverty_rate!, workforcePer10k: r.workforce_per_10k! })));
  const sii = access?.results.SII ?? null;
  const rci = access?.results.RCI ?? null;
  const accSpec = useMemo(() => (access && gradient.length && accWidth ? accessGradientSpec({
    districts: gradient, mean: access.mean, sii: sii?.value ?? null, width: accWidth,
    threshold: { value: WHO_WORKFORCE_PER_10K, label: t('equity.whoThreshold', { value: num(WHO_WORKFORCE_PER_10K, 1) }) },
    caption: t('equity.accessCaption', { source: sourceLabel, year: access.povertyYear ? `, ${yr(access.povertyYear)}` : '' }), loc, t,
  }) : null), [access, gradient, sii, accWidth, num, sourceLabel, yr, loc, t]);

  const notices = s.notices;
  // The link's settings that the data did not offer, in the interface language (names from the catalogue).
  const noticeText = (n: (typeof notices)[number]) => t(n.key, {
    wanted: n.wanted,
    shown: n.key === 'equity.notice.indicator' ? indicatorName : n.key === 'equity.notice.dimension' ? dimLabel(n.shown) : yr(Number(n.shown)),
  });
  /** The RCI's reading without its number (the sentence gives it), e.g. "Health workforce is concentrated among the more advantaged". */
  const rciReading = (v: NonNullable<typeof rci>) => {
    const text = t('equity.rciReading', { indicator: t('equity.healthWorkforce'), direction: t(v.value >= 0 ? 'equity.dir.advantaged' : 'equity.dir.disadvantaged') });
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const noIndicators = indicatorsQ.status === 'ready' && indicators.length === 0;

  return (
    <>
      <div className="view-controls" data-testid="equity-controls">
        <Picker label={t('equity.indicator')} value={indicatorId} testId="equity-indicator" onChange={(v) => set('indicator', v)}
          options={indicators.length ? indicators.map((i) => ({ value: i.indicator_id, label: tx(`indicator.${i.indicator_id}`, i.name) })) : [{ value: indicatorId, label: indicatorId || t('equity.loading') }]} />
        <Picker label={t('equity.dimension')} value={dimension} testId="equity-dimension" onChange={(v) => set('dimension', v)}
          options={dims.length ? dims.map((d) => ({ value: d, label: dimLabel(d) })) : [{ value: dimension, label: dimension ? dimLabel(dimension) : t('equity.loading') }]} />
        <Picker label={t('equity.year')} value={String(s.year ?? '')} testId="equity-year" onChange={(v) => set('year', v)}
          options={years.length ? [...years].reverse().map((y) => ({ value: String(y), label: yr(y) })) : [{ value: String(s.year ?? ''), label: s.year ? yr(s.year) : t('equity.loading') }]} />
        <p className="muted controls-note">{t('equity.region', { scope })}</p>
      </div>
      {notices.length > 0 && <div className="notice" role="status" data-testid="equity-notice">{notices.map((n) => <p key={n.key}>{noticeText(n)}</p>)}</div>}

      <Panel title={t('equity.headlineTitle')} state={noIndicators ? { status: 'ready', rows: [] } : headlineQ} testId="headline-panel"
        empty={t('equity.noCoverage')}>
        {headline && indicator
          ? <HeadlineSentence h={headline} indicatorName={indicatorName} scope={scope} unit={diffUnit} subgroup={sg} />
          : <p className="panel-status" data-testid="equity-headline">{t('equity.noOrdered', { indicator: indicatorName, scope })}</p>}
      </Panel>

      <div className="grid-2">
        <Panel title={t('equity.equiplotTitle', { indicator: indicatorName, dimension: dimLabel(dimension).toLowerCase() })} testId="equiplot-panel" id="equity-equiplot" state={s.lines === 'year' ? seriesQ : benchQ}
          subtitle={s.lines === 'year' ? t('equity.equiplotSubtitleYear', { scope }) : t('equity.equiplotSubtitleRegion', { year: yr(s.year) })}
          actions={<Picker label={t('equity.linePer')} value={s.lines} testId="equity-lines" onChange={(v) => set('lines', v)}
            options={[{ value: 'year', label: t('equity.lineYear') }, { value: 'region', label: t('equity.lineRegion') }]} />}>
          <div ref={eqRef}>{eqSpec && <PlotFigure options={eqSpec} testId="equiplot" summary={widest && narrowest ? t('equity.widest', { widest: widest.line, gap: f1(widest.gap), unit: diffUnit, narrowest: narrowest.line, narrowGap: f1(narrowest.gap) }) : undefined} />}</div>
          {widest && narrowest && (
            <p className="chart-summary" data-testid="equiplot-summary">
              {t('equity.widest', { widest: widest.line, gap: f1(widest.gap), unit: diffUnit, narrowest: narrowest.line, narrowGap: f1(narrowest.gap) })}
            </p>
          )}
          <AltTable caption={t('equity.equiplotData')} head={[t('equity.colLine'), t('equity.colSubgroup'), t('equity.colEstimate', { unit }), t('equity.colCi')]}
            rows={eqPoints.map((p) => [p.line, p.subgroup, f1(p.estimate), p.ciLow != null && p.ciHigh != null ? ciText(p.ciLow, p.ciHigh) : '–'])} />
        </Panel>

        <Panel title={t('equity.subgroupsTitle', { indicator: indicatorName, scope, year: s.year ? yr(s.year) : '' })} subtitle={t('equity.subgroupsSubtitle')}
          state={seriesQ} testId="subgroups-panel" id="equity-subgroups" empty={t('equity.noEstimates', { dimension: dimLabel(dimension), scope })}>
          <div ref={barRef}>{barSpec && <PlotFigure options={barSpec} testId="subgroup-bars" summary={hiBar && loBar ? t('equity.subgroupsSummary', { high: hiBar.subgroup, highValue: f1(hiBar.estimate), low: loBar.subgroup, lowValue: f1(loBar.estimate) }) : undefined} />}</div>
          {hiBar && loBar && (
            <p className="chart-summary" data-testid="subgroups-summary">
              {t('equity.subgroupsSummary', { high: hiBar.subgroup, highValue: pct ? pctText(hiBar.estimate, 1) : f1(hiBar.estimate), low: loBar.subgroup, lowValue: pct ? pctText(loBar.estimate, 1) : f1(loBar.estimate) })}
              {average !== null && t('equity.average', { value: pct ? pctText(average, 1) : f1(average) })}
            </p>
          )}
          <AltTable caption={t('equity.subgroupEstimates')} head={[t('equity.colSubgroup'), t('equity.colEstimate', { unit }), t('equity.colCi'), t('col.population')]} testId="subgroups-table"
            rows={bars.map((b) => [b.subgroup, f1(b.estimate), b.ciLow != null && b.ciHigh != null ? ciText(b.ciLow, b.ciHigh) : '–', b.population != null ? f1(b.population, 0) : '–'])} />
        </Panel>
      </div>

      <Panel title={t('equity.measuresTitle', { scope, year: s.year ? yr(s.year) : '' })} state={seriesQ} testId="measures-panel"
        subtitle={t('equity.measuresSubtitle', { dimension: dimLabel(dimension).toLowerCase(), kind: t(s.ordered ? 'equity.ordered' : 'equity.nonOrdered'), unit: diffUnit }) + (s.ordered ? t('equity.siiNote') : '')}>
        {current && indicator && (
          <MeasuresTable results={current.results} availability={current.availability} ordered={current.ordered}
            indicatorName={indicatorName} indicatorUnit={indicator.unit} differenceUnit={diffUnit} subgroup={sg} />
        )}
      </Panel>

      <div className="grid-2">
        <Panel title={t('equity.trendTitle', { measure: s.measure, scope })} subtitle={t('equity.trendSubtitle', { name: measureName(t, s.measure), none: num(measureMeta.none) })}
          state={seriesQ} testId="trend-panel" id="equity-trend"
          actions={<Picker label={t('equity.measure')} value={s.measure} testId="equity-measure" onChange={(v) => set('measure_code', v)}
            options={measuresFor(s.ordered).map((c: MeasureCode) => ({ value: c, label: `${c} · ${measureName(t, c)}` }))} />}>
          <div ref={trendRef}>{trendSpec && <PlotFigure options={trendSpec} testId="measure-trend" summary={trendPoints.length > 0 ? t('equity.trendSummary', { measure: s.measure, from: f1(trendPoints[0].value, mDigits), fromYear: yr(trendPoints[0].year), to: f1(trendPoints[trendPoints.length - 1].value, mDigits), toYear: yr(trendPoints[trendPoints.length - 1].year) }) : undefined} />}</div>
          {trendPoints.length > 0 ? (
            <p className="chart-summary" data-testid="trend-summary">
              {t('equity.trendSummary', { measure: s.measure, from: f1(trendPoints[0].value, mDigits), fromYear: yr(trendPoints[0].year), to: f1(trendPoints[trendPoints.length - 1].value, mDigits), toYear: yr(trendPoints[trendPoints.length - 1].year) })}
            </p>
          ) : <p className="panel-status">{t('equity.notComputed', { measure: s.measure, reason: trend.find((x) => x.reason)?.reason ?? t('equity.noData') })}</p>}
          <AltTable caption={t('equity.measureByYear')} head={[t('chart.year'), s.measure, t('equity.colCi')]}
            rows={trend.map((r) => [yr(Number(r.key)), r.value ? f1(r.value.value, mDigits) : '–', r.value?.ciLow !== undefined ? ciText(r.value.ciLow, r.value.ciHigh, mDigits) : (r.reason ?? '–')])} />
        </Panel>

        <Panel title={t('equity.benchTitle', { measure: s.measure, year: s.year ? yr(s.year) : '' })} subtitle={t('equity.benchSubtitle')}
          state={benchQ} testId="benchmark-panel" id="equity-benchmark" empty={t('equity.noRegional', { dimension: dimLabel(dimension), year: s.year ? yr(s.year) : t('equity.thisYear') })}>
          <div ref={benchRef}>{benchSpec && <PlotFigure options={benchSpec} testId="benchmark" summary={benchSorted.length > 1 ? t('equity.benchSummary', { most: benchSorted[0].name, mostValue: f1(benchSorted[0].value, mDigits), least: benchSorted[benchSorted.length - 1].name, leastValue: f1(benchSorted[benchSorted.length - 1].value, mDigits) }) : undefined} />}</div>
          {benchSorted.length > 1 ? (
            <p className="chart-summary" data-testid="benchmark-summary">
              {t('equity.benchSummary', { most: benchSorted[0].name, mostValue: f1(benchSorted[0].value, mDigits), least: benchSorted[benchSorted.length - 1].name, leastValue: f1(benchSorted[benchSorted.length - 1].value, mDigits) })}
              {benchNational && t('equity.benchNational', { value: f1(benchNational.value, mDigits) })}
            </p>
          ) : benchQ.status === 'ready' && <p className="panel-status">{t('equity.oneSetting', { dimension: dimLabel(dimension) })}</p>}
          {bench.length > 1 && <AltTable caption={t('equity.measureByRegion')} head={[t('chart.region'), s.measure, t('equity.colCi')]}
            rows={bench.map((b) => [settingName(b.key), b.value ? f1(b.value.value, mDigits) : '–', b.value?.ciLow !== undefined ? ciText(b.value.ciLow, b.value.ciHigh, mDigits) : (b.reason ?? '–')])} />}
        </Panel>
      </div>

      <Panel title={t('equity.accessTitle')} testId="access-panel" id="equity-access" state={accessQ}
        subtitle={t('equity.accessSubtitle', { scope, year: access?.povertyYear ? ` (${yr(access.povertyYear)})` : '' })}
        empty={t('equity.noDistricts', { scope })}>
        {access ? (
          <>
            <p className="chart-summary" data-testid="access-answer">
              <strong>{t(sii && sii.ciLow !== undefined && sii.ciLow > 0 ? 'equity.yes' : sii && sii.ciHigh !== undefined && sii.ciHigh < 0 ? 'equity.reverse' : 'equity.noGradient')}</strong>
              {sii && rich(t('equity.siiSentence', { direction: t(sii.value >= 0 ? 'equity.rises' : 'equity.falls'), low: f1(sii.ciLow), high: f1(sii.ciHigh) }), {
                value: <span data-testid="access-sii">{f1(Math.abs(sii.value))}</span>,
              })}
              {!sii && access.reasons.SII && t('equity.siiNotComputed', { reason: access.reasons.SII })}
              {rci && rich(t('equity.rciSentence', { reading: rciReading(rci) }), {
                value: <span data-testid="access-rci">{f1(displayed('RCI', rci)!.value)}</span>,
              })}
            </p>
            <div ref={accRef}>{accSpec && <PlotFigure options={accSpec} testId="access-gradient" summary={t('equity.gradientSummary', { n: num(access.districts), mean: num(access.mean, 1) })} />}</div>
            <p className="muted small">
              {t('equity.gradientNote', { n: num(access.districts) })}
              {access.missing > 0 && t('equity.gradientMissing', { n: num(access.missing) })}
            </p>
            <AltTable caption={t('equity.districtsByPoverty')} head={[t('col.district'), t('chart.povertyRate'), t('equity.colWorkforce'), t('col.population')]} testId="access-table"
              rows={gradient.map((d) => [region(d.name, d.name), f1(d.povertyRate), f1(d.workforcePer10k), f1(d.population, 0)])} />
          </>
        ) : accessQ.status === 'ready' && <p className="panel-status">{t('equity.fewDistricts', { scope })}</p>}
      </Panel>
    </>
  );
}
