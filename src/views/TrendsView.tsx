import { useMemo } from 'react';
import { formatNumber } from '../charts/measureMeta';
import { PlotFigure } from '../charts/PlotFigure';
import { trendSpec } from '../charts/trendSpec';
import { ExportMenu } from '../components/ExportMenu';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { trendIndicatorsQuery, trendQuery, type TrendRow } from '../queries/trendsSql';
import { useDataset } from '../state/useDataset';
import { useQuery } from '../state/useQuery';
import type { ViewProps } from './viewRegistry';

interface TrendIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; domain: string | null }
const NEEDS = ['regions', 'coverage', 'socioeconomic', 'indicator_catalog'] as const;

/** An indicator over the years: the selected district or province against the national line. */
export function TrendsView({ view, onChange }: ViewProps) {
  const { synthetic } = useDataset();
  const indicators = useQuery<TrendIndicator>(useMemo(trendIndicatorsQuery, []), NEEDS);
  const list = indicators.status === 'ready' ? indicators.rows : [];
  const indicator = list.find((i) => i.indicator_id === view.extra.indicator) ?? list.find((i) => i.indicator_id === 'dtp3') ?? list[0];
  // The most specific place chosen: a selected district (socio-economic data exist per district), else the province.
  const region = view.district && indicator?.domain !== 'coverage' ? view.district : view.province;
  const query = useMemo(() => trendQuery({ indicator: indicator?.indicator_id ?? '', region }), [indicator?.indicator_id, region]);
  const data = useQuery<TrendRow>(query, NEEDS);
  const rows = data.status === 'ready' ? data.rows : [];
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const caption = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; ${indicator?.domain === 'coverage' ? 'coverage table (population-weighted average of wealth quintiles)' : 'socioeconomic table'}. Grey: other regions at the same level.`;
  const spec = useMemo(() => (rows.length && width && indicator ? trendSpec(rows, `${indicator.name} (${indicator.unit})`, width, caption) : null), [rows, width, indicator, caption]);

  const series = (role: TrendRow['role']) => rows.filter((r) => r.role === role).sort((a, b) => a.year - b.year);
  const describe = (s: TrendRow[]) => (s.length > 1 ? `${s[0].role === 'country' ? 'Whole country' : s[0].name}: ${formatNumber(s[0].value, 1)} in ${s[0].year} → ${formatNumber(s[s.length - 1].value, 1)} in ${s[s.length - 1].year}` : '');
  const country = series('country'), chosen = series('region');
  const latestGap = chosen.length && country.length ? chosen[chosen.length - 1].value - country[country.length - 1].value : null;
  const summary = [describe(chosen), describe(country)].filter(Boolean).join('; ')
    + (latestGap !== null && indicator ? `. In ${chosen[chosen.length - 1].year}, ${chosen[0].name} was ${formatNumber(Math.abs(latestGap), 1)} ${indicator.unit === '%' ? 'points' : indicator.unit} ${latestGap < 0 ? 'below' : 'above'} the national level (${(latestGap < 0) === indicator.favourable ? 'worse' : 'better'}).` : '.');

  return (
    <>
      <div className="view-controls">
        <label className="picker">Indicator
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, indicator: e.target.value } })} data-testid="trend-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{i.name} ({i.unit})</option>)}
          </select>
        </label>
      </div>
      <Panel title={indicator ? `${indicator.name} over the years` : 'Trends'} subtitle={region ? 'Orange: the chosen region; dashed: the whole country. Choose a province above, or select a district in another view.' : 'The whole country. Choose a province above to compare it.'}
        state={data} empty="No time series for this indicator." testId="trend-panel"
        actions={<ExportMenu query={query} title={`Trend: ${indicator?.name ?? ''}`} fileBase="trend" filters={{ indicator: indicator?.indicator_id, region }} />}>
        <div ref={ref}>{spec && <PlotFigure options={spec} testId="trend-chart" />}</div>
        {summary.length > 1 && <p className="summary" data-testid="trend-summary">{summary}</p>}
      </Panel>
    </>
  );
}
