import { useCallback } from 'react';
import { benchmarkSpec } from '../../charts/benchmarkSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { MEASURES } from '../../metrics/inequality';
import { measureDigits } from './equityMeasures';
import { ciText } from './equityText';
import type { EquityPanelProps } from './useEquityData';

/** The chosen summary measure in every province in the selected year, against the whole country. */
export function BenchmarkPanel({ data, labels }: Omit<EquityPanelProps, 'set'>) {
  const i18n = useI18n();
  const { t, num, year: yr } = i18n;
  const { settings: s, model: { bench, benchPoints: points }, queries, names } = data;
  const { measureAxis, chart, source, dimLabel } = labels;
  const none = MEASURES[s.measure].none;
  const digits = measureDigits(s.measure);
  const caption = `${t('equity.caption', { source, scope: t('app.wholeCountry') })} ${t('equity.benchCaption')}`;
  const spec = useCallback((width: number) => (points.length > 1 ? benchmarkSpec({
    points, xLabel: measureAxis, none, width, caption, digits, ...chart,
  }) : null), [points, measureAxis, none, caption, digits, chart]);
  // Provinces only: the whole country mixes between-province gaps in and is shown as the reference line.
  const sorted = points.filter((b) => b.kind !== 'national').sort((a, b) => Math.abs(b.value - none) - Math.abs(a.value - none));
  const national = points.find((b) => b.kind === 'national');
  const summary = sorted.length > 1 ? t('equity.benchSummary', {
    most: sorted[0].name, mostValue: num(sorted[0].value, digits), least: sorted[sorted.length - 1].name, leastValue: num(sorted[sorted.length - 1].value, digits),
  }) : undefined;
  return (
    <Panel title={t('equity.benchTitle', { measure: s.measure, year: s.year ? yr(s.year) : '' })} subtitle={t('equity.benchSubtitle')}
      state={queries.benchQ} testId="benchmark-panel" id="equity-benchmark"
      empty={t('equity.noRegional', { dimension: dimLabel(data.dimension), year: s.year ? yr(s.year) : t('equity.thisYear') })}>
      {points.length > 1 && <PlotFigure spec={spec} testId="benchmark" summary={summary} />}
      {summary ? (
        <p className="chart-summary" data-testid="benchmark-summary">
          {summary}
          {national && t('equity.benchNational', { value: num(national.value, digits) })}
        </p>
      ) : queries.benchQ.status === 'ready' && <p className="panel-status">{t('equity.oneSetting', { dimension: dimLabel(data.dimension) })}</p>}
      {bench.length > 1 && <AltTable caption={t('equity.measureByRegion')} head={[t('chart.region'), s.measure, t('equity.colCi')]}
        rows={bench.map((b) => [names.setting(b.key), b.value ? num(b.value.value, digits) : '–', b.value?.ciLow !== undefined ? ciText(i18n, b.value.ciLow, b.value.ciHigh, digits) : (b.reason ?? '–')])} />}
    </Panel>
  );
}
