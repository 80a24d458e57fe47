import { useCallback } from 'react';
import { measureTrendSpec } from '../../charts/measureTrendSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { MEASURES, type MeasureCode } from '../../metrics/inequality';
import { measureDigits, measuresFor } from './equityMeasures';
import { ciText, measureName } from './equityText';
import { Picker } from './Picker';
import type { EquityPanelProps } from './useEquityData';

/** The chosen summary measure over the years, with its 95% CI. */
export function MeasureTrendPanel({ data, labels, set }: EquityPanelProps) {
  const i18n = useI18n();
  const { t, num, year: yr } = i18n;
  const { settings: s, model: { trend, trendPoints: points }, queries } = data;
  const { measureAxis, caption, chart, scope } = labels;
  const none = MEASURES[s.measure].none;
  const digits = measureDigits(s.measure);
  const spec = useCallback((width: number) => (points.length ? measureTrendSpec({
    points, yLabel: measureAxis, none, selectedYear: s.year, width, caption, digits, ...chart,
  }) : null), [points, measureAxis, none, s.year, caption, digits, chart]);
  const summary = points.length > 0 ? t('equity.trendSummary', {
    measure: s.measure, from: num(points[0].value, digits), fromYear: yr(points[0].year), to: num(points[points.length - 1].value, digits), toYear: yr(points[points.length - 1].year),
  }) : undefined;
  return (
    <Panel title={t('equity.trendTitle', { measure: s.measure, scope })} subtitle={t('equity.trendSubtitle', { name: measureName(t, s.measure), none: num(none) })}
      state={queries.seriesQ} testId="trend-panel" id="equity-trend"
      actions={<Picker label={t('equity.measure')} value={s.measure} testId="equity-measure" onChange={(v) => set({ measure: v })}
        options={measuresFor(s.ordered).map((c: MeasureCode) => ({ value: c, label: `${c} · ${measureName(t, c)}` }))} />}>
      {points.length > 0 && <PlotFigure spec={spec} testId="measure-trend" summary={summary} />}
      {summary
        ? <p className="chart-summary" data-testid="trend-summary">{summary}</p>
        : <p className="panel-status">{t('equity.notComputed', { measure: s.measure, reason: trend.find((x) => x.reason)?.reason ?? t('equity.noData') })}</p>}
      <AltTable caption={t('equity.measureByYear')} head={[t('chart.year'), s.measure, t('equity.colCi')]}
        rows={trend.map((r) => [yr(Number(r.key)), r.value ? num(r.value.value, digits) : '–', r.value?.ciLow !== undefined ? ciText(i18n, r.value.ciLow, r.value.ciHigh, digits) : (r.reason ?? '–')])} />
    </Panel>
  );
}
