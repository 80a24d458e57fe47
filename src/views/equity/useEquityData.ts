import { useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import {
  accessByPovertyQuery, equityIndicatorsQuery, equitySettingsQuery,
  type AccessByPovertyRow, type EquityIndicatorRow, type SettingRow,
} from '../../queries/accessInequalitySql';
import { benchmarkQuery, equityOptionsQuery, subgroupSeriesQuery } from '../../queries/equitySql';
import type { ViewState } from '../../state/urlState';
import { rowsOf, useQuery } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { isWealthDimension } from './equityMeasures';
import { equityModel, pickIndicator, resolveSettings, type BenchmarkRow, type OptionRow, type SeriesRow } from './equityModel';
import type { EquityLabels } from './equityText';
import { readEquityLink, type EquityLink } from './settings';

const COVERAGE = ['coverage', 'indicator_catalog'] as const;
const BENCH = ['coverage', 'regions'] as const;
const ACCESS = ['regions', 'facilities', 'socioeconomic'] as const;

/** The Equity view's queries, its settings checked against the data, and the model its panels draw. */
export function useEquityData(view: ViewState) {
  const { t, tx, region, year: yr } = useI18n();
  const { link, refused } = useMemo(() => readEquityLink(view.extra), [view.extra]);
  const indicatorsQ = useQuery<EquityIndicatorRow>(useMemo(equityIndicatorsQuery, []), COVERAGE);
  const settingsQ = useQuery<SettingRow>(useMemo(equitySettingsQuery, []), ['regions']);
  const indicators = useMemo(() => (indicatorsQ.status === 'ready' ? indicatorsQ.rows : []), [indicatorsQ]);
  const settingRows = useMemo(() => (settingsQ.status === 'ready' ? settingsQ.rows : []), [settingsQ]);
  const nationalId = settingRows.find((s) => s.level === 0)?.region_id ?? 'XX';
  const regionId = view.province ?? nationalId;
  const indicatorId = pickIndicator(link, indicators)?.indicator_id ?? link.indicator ?? '';

  const optionsQ = useQuery<OptionRow>(useMemo(() => equityOptionsQuery(indicatorId, regionId), [indicatorId, regionId]), COVERAGE);
  const options = optionsQ.status === 'ready' ? optionsQ.rows : null;
  const s = useMemo(() => resolveSettings(link, indicators, indicatorsQ.status === 'ready' ? options : null, refused),
    [link, indicators, indicatorsQ.status, options, refused]);
  const dimension = s.dimension ?? '';
  // The headline asks about rich and poor: the wealth dimension when the data have one, whatever the chosen dimension.
  const wealthDim = [...new Set((options ?? []).filter((o) => o.ordered).map((o) => o.dimension))].find(isWealthDimension) ?? (s.ordered ? dimension : null);

  const seriesQ = useQuery<SeriesRow>(useMemo(() => subgroupSeriesQuery({ indicatorId, dimension, regionId }), [indicatorId, dimension, regionId]), COVERAGE);
  const headlineQ = useQuery<SeriesRow>(
    useMemo(() => subgroupSeriesQuery({ indicatorId, dimension: wealthDim ?? dimension, regionId }), [indicatorId, wealthDim, dimension, regionId]), COVERAGE);
  const benchQ = useQuery<BenchmarkRow>(useMemo(() => benchmarkQuery({ indicatorId, dimension, year: s.year ?? 0 }), [indicatorId, dimension, s.year]), BENCH);
  const accessQ = useQuery<AccessByPovertyRow>(useMemo(() => accessByPovertyQuery({ province: view.province }), [view.province]), ACCESS);

  const wholeCountry = t('chart.wholeCountry');
  const setting = useCallback((id: string) => (id === nationalId ? wholeCountry : region(id, settingRows.find((r) => r.region_id === id)?.name ?? id)),
    [nationalId, wholeCountry, region, settingRows]);
  const names = useMemo(() => ({ subgroup: (sg: string) => tx(`subgroup.${sg}`, region(sg, sg)), year: yr, setting }), [tx, region, yr, setting]);
  const all = useMemo(() => equityModel({
    settings: s, regionId, nationalId, wealthDim,
    series: rowsOf(seriesQ) ?? [],
    headlineRows: rowsOf(headlineQ),
    bench: (rowsOf(benchQ) ?? []).filter((r) => settingRows.some((sr) => sr.region_id === r.region_id)),
    access: rowsOf(accessQ) ?? [],
  }, names), [s, regionId, nationalId, wealthDim, seriesQ, headlineQ, benchQ, accessQ, settingRows, names]);
  // Each part keeps its identity while its content is the same: a chart is not redrawn when another panel's query answers.
  const model: typeof all = {
    equiplot: useStable(all.equiplot), subgroups: useStable(all.subgroups), current: useStable(all.current), headline: useStable(all.headline),
    trend: useStable(all.trend), trendPoints: useStable(all.trendPoints), bench: useStable(all.bench), benchPoints: useStable(all.benchPoints),
    access: useStable(all.access), gradient: useStable(all.gradient),
  };

  const years = [...new Set((options ?? []).filter((o) => o.dimension === dimension).map((o) => o.year))].sort((a, b) => a - b);
  const dims = [...new Set((options ?? []).map((o) => o.dimension))];
  return {
    settings: s, indicators, indicatorId, dimension, years, dims, names, model,
    noIndicators: indicatorsQ.status === 'ready' && indicators.length === 0,
    queries: { seriesQ, headlineQ, benchQ, accessQ },
  };
}
export type EquityData = ReturnType<typeof useEquityData>;

/** What every Equity panel receives: the data and model, the shared words, and a way to change the link's settings. */
export interface EquityPanelProps {
  data: EquityData;
  labels: EquityLabels;
  set: (patch: Partial<EquityLink>) => void;
}
