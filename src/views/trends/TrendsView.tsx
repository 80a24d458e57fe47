import { useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { trendSpec } from '../../charts/trendSpec';
import { ExportMenu } from '../../components/ExportMenu';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import { trendIndicatorsQuery, trendQuery, type TrendRow } from '../../queries/trendsSql';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useQuery } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';

interface TrendIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; domain: string | null }
const NEEDS = ['regions', 'coverage', 'socioeconomic', 'indicator_catalog'] as const;

/** An indicator over the years: the selected district or province against the national line. */
export function TrendsView({ view, onChange }: ViewProps) {
  const sourceLabel = useSourceLabel();
  const { t, tx, num, region, year, locale } = useI18n();
  const iname = (i: TrendIndicator) => tx(`indicator.${i.indicator_id}`, i.name);
  const indicators = useQuery<TrendIndicator>(useMemo(trendIndicatorsQuery, []), NEEDS);
  const list = indicators.status === 'ready' ? indicators.rows : [];
  const indicator = list.find((i) => i.indicator_id === view.extra.indicator) ?? list.find((i) => i.indicator_id === 'dtp3') ?? list[0];
  // The most specific place chosen: a selected district (socio-economic data exist per district), else the province.
  const place = view.district && indicator?.domain !== 'coverage' ? view.district : view.province;
  const query = useMemo(() => trendQuery({ indicator: indicator?.indicator_id ?? '', region: place }), [indicator?.indicator_id, place]);
  const data = useQuery<TrendRow>(query, NEEDS);
  const rows = useMemo(() => (data.status === 'ready' ? data.rows : []), [data]);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  // The source line names the dimension the query actually averaged over (wealth quintiles, or e.g. subnational region).
  const dimension = rows.find((r) => r.dimension != null)?.dimension ?? null;
  const caption = dimension
    ? t('trends.captionCoverageDim', { source: sourceLabel, dimension: tx(`dimension.${dimension}`, dimension).toLocaleLowerCase(locale) })
    : t('trends.captionSocio', { source: sourceLabel });
  const local = useMemo(() => rows.map((r) => ({ ...r, name: r.role === 'country' ? t('chart.wholeCountry') : region(r.region_id, r.name) })), [rows, region, t]);
  const yLabel = indicator ? `${iname(indicator)} (${indicator.unit})` : '';
  const spec = useMemo(() => (local.length && width && indicator ? trendSpec(local, yLabel, width, caption, {
    locale, aria: t('chart.trendAria', { names: [...new Set(local.filter((r) => r.role !== 'context').map((r) => r.name))].join(' / ') }), region: t('chart.region'), wholeCountry: t('chart.wholeCountry'),
  }) : null),
  [local, width, indicator, yLabel, caption, locale, t]);

  const series = (role: TrendRow['role']) => local.filter((r) => r.role === role).sort((a, b) => a.year - b.year);
  const describe = (s: TrendRow[]) => (s.length > 1 ? t('trends.describe', { name: s[0].name, from: num(s[0].value, 1), fromYear: year(s[0].year), to: num(s[s.length - 1].value, 1), toYear: year(s[s.length - 1].year) }) : '');
  const country = series('country'), chosen = series('region');
  const latestGap = chosen.length && country.length ? chosen[chosen.length - 1].value - country[country.length - 1].value : null;
  const summary = [describe(chosen), describe(country)].filter(Boolean).join('; ')
    + (latestGap !== null && indicator ? `. ${t('trends.gap', {
      year: year(chosen[chosen.length - 1].year), name: chosen[0].name, value: num(Math.abs(latestGap), 1), unit: indicator.unit === '%' ? t('trends.points') : indicator.unit,
      side: t(latestGap < 0 ? 'trends.below' : 'trends.above'), verdict: t((latestGap < 0) === indicator.favourable ? 'trends.worse' : 'trends.better'),
    })}` : '.');

  return (
    <>
      <div className="view-controls">
        <label className="picker">{t('trends.indicator')}
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, indicator: e.target.value } })} data-testid="trend-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{iname(i)} ({i.unit})</option>)}
          </select>
        </label>
      </div>
      <Panel title={indicator ? t('trends.title', { indicator: iname(indicator) }) : t('trends.titleEmpty')} subtitle={place ? t('trends.subtitleRegion') : t('trends.subtitleCountry')}
        state={data} empty={t('trends.empty')} testId="trend-panel"
        actions={<ExportMenu query={query} title={t('trends.exportTitle', { indicator: indicator ? iname(indicator) : '' })} fileBase="trend" filters={{ indicator: indicator?.indicator_id, region: place }} />}>
        <div ref={ref}>{spec && <PlotFigure options={spec} testId="trend-chart" summary={summary.length > 1 ? summary : undefined} />}</div>
        {summary.length > 1 && <p className="summary" data-testid="trend-summary">{summary}</p>}
      </Panel>
    </>
  );
}
