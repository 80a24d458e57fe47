import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { trendIndicatorsQuery, trendQuery, type TrendRow } from '../../queries/trendsSql';
import type { ViewState } from '../../state/urlState';
import { useQuery } from '../../state/useQuery';
import { TRENDS_SETTINGS } from './settings';
import { pickTrendIndicator, trendsModel, type TrendIndicator } from './trendsModel';

const NEEDS = ['regions', 'coverage', 'socioeconomic', 'indicator_catalog'] as const;

/** The Trends view's queries (indicators; the chosen one over the years) and its model. */
export function useTrendsData(view: ViewState) {
  const { t, region } = useI18n();
  const link = TRENDS_SETTINGS.read(view.extra).settings;
  const indicators = useQuery<TrendIndicator>(useMemo(trendIndicatorsQuery, []), NEEDS);
  const list = useMemo(() => (indicators.status === 'ready' ? indicators.rows : []), [indicators]);
  const indicator = pickTrendIndicator(list, link.indicator);
  // The most specific place chosen: a selected district (socio-economic data exist per district), else the province.
  const place = view.district && indicator?.domain !== 'coverage' ? view.district : view.province;
  const query = useMemo(() => trendQuery({ indicator: indicator?.indicator_id ?? '', region: place }), [indicator?.indicator_id, place]);
  const data = useQuery<TrendRow>(query, NEEDS);
  const country = t('chart.wholeCountry');
  const model = useMemo(() => trendsModel(data.status === 'ready' ? data.rows : [], { country, region: (id, name) => region(id, name) }), [data, country, region]);
  return { list, indicator, place, query, data, model };
}
