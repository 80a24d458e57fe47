import { useCallback } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { trendSpec } from '../../charts/trendSpec';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { TrendRow } from '../../queries/trendsSql';
import type { ViewProps } from '../viewRegistry';
import { TRENDS_SETTINGS } from './settings';
import type { TrendIndicator } from './trendsModel';
import { useTrendsData } from './useTrendsData';

/** An indicator over the years: the selected district or province against the national line. */
export function TrendsView({ view, onChange }: ViewProps) {
  const sourceLabel = useSourceLabel();
  const { t, tx, num, year, locale, dir } = useI18n();
  const { list, indicator, place, query, data, model: { rows, country, chosen, latestGap, dimension } } = useTrendsData(view);
  const iname = (i: TrendIndicator) => tx(`indicator.${i.indicator_id}`, i.name);
  const caption = dimension
    ? t('trends.captionCoverageDim', { source: sourceLabel, dimension: tx(`dimension.${dimension}`, dimension).toLocaleLowerCase(locale) })
    : t('trends.captionSocio', { source: sourceLabel });
  const yLabel = indicator ? `${iname(indicator)} (${indicator.unit})` : '';
  const spec = useCallback((width: number) => (rows.length && yLabel ? trendSpec({ rows, yLabel, width, caption, loc: { locale, rtl: dir === 'rtl' }, t }) : null),
    [rows, yLabel, caption, locale, dir, t]);

  const describe = (s: TrendRow[]) => (s.length > 1 ? t('trends.describe', { name: s[0].name, from: num(s[0].value, 1), fromYear: year(s[0].year), to: num(s[s.length - 1].value, 1), toYear: year(s[s.length - 1].year) }) : '');
  const summary = [describe(chosen), describe(country)].filter(Boolean).join('; ')
    + (latestGap !== null && indicator ? `. ${t('trends.gap', {
      year: year(chosen[chosen.length - 1].year), name: chosen[0].name, value: num(Math.abs(latestGap), 1), unit: indicator.unit === '%' ? t('trends.points') : indicator.unit,
      side: t(latestGap < 0 ? 'trends.below' : 'trends.above'), verdict: t((latestGap < 0) === indicator.favourable ? 'trends.worse' : 'trends.better'),
    })}` : '.');

  return (
    <>
      <div className="view-controls">
        <label className="picker">{t('trends.indicator')}
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => onChange({ extra: TRENDS_SETTINGS.write(view.extra, { indicator: e.target.value }) })} data-testid="trend-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{iname(i)} ({i.unit})</option>)}
          </select>
        </label>
      </div>
      <Panel title={indicator ? t('trends.title', { indicator: iname(indicator) }) : t('trends.titleEmpty')} subtitle={place ? t('trends.subtitleRegion') : t('trends.subtitleCountry')}
        state={data} empty={t('trends.empty')} testId="trend-panel"
        actions={<ExportMenu query={query} title={t('trends.exportTitle', { indicator: indicator ? iname(indicator) : '' })} fileBase="trend" filters={{ indicator: indicator?.indicator_id, region: place }} />}>
        {rows.length > 0 && indicator && <PlotFigure spec={spec} testId="trend-chart" summary={summary.length > 1 ? summary : undefined} />}
        {summary.length > 1 && <p className="summary" data-testid="trend-summary">{summary}</p>}
      </Panel>
    </>
  );
}
