import { useCallback } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { subgroupBarsSpec } from '../../charts/subgroupBarsSpec';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { ciText } from './equityText';
import type { EquityPanelProps } from './useEquityData';

/** Subgroup estimates of the selected year, with their 95% CIs and the setting average. */
export function SubgroupsPanel({ data, labels }: Omit<EquityPanelProps, 'set'>) {
  const i18n = useI18n();
  const { t, num, year: yr, pct: pctText } = i18n;
  const { settings: s, model: { subgroups: { bars, average, high, low } }, queries } = data;
  const { xLabel, caption, chart, pct, unit, dimLabel, scope } = labels;
  const spec = useCallback((width: number) => (bars.length ? subgroupBarsSpec({
    bars, ordered: s.ordered, xLabel, average, max: pct ? 100 : undefined, width, caption, ...chart,
  }) : null), [bars, s.ordered, xLabel, average, pct, caption, chart]);
  const value = (x: number) => (pct ? pctText(x, 1) : num(x, 1));
  return (
    <Panel title={t('equity.subgroupsTitle', { indicator: labels.indicatorName, scope, year: s.year ? yr(s.year) : '' })} subtitle={t('equity.subgroupsSubtitle')}
      state={queries.seriesQ} testId="subgroups-panel" id="equity-subgroups" empty={t('equity.noEstimates', { dimension: dimLabel(data.dimension), scope })}>
      {bars.length > 0 && <PlotFigure spec={spec} testId="subgroup-bars"
        summary={high && low ? t('equity.subgroupsSummary', { high: high.subgroup, highValue: num(high.estimate, 1), low: low.subgroup, lowValue: num(low.estimate, 1) }) : undefined} />}
      {high && low && (
        <p className="chart-summary" data-testid="subgroups-summary">
          {t('equity.subgroupsSummary', { high: high.subgroup, highValue: value(high.estimate), low: low.subgroup, lowValue: value(low.estimate) })}
          {average !== null && t('equity.average', { value: value(average) })}
        </p>
      )}
      <AltTable caption={t('equity.subgroupEstimates')} head={[t('equity.colSubgroup'), t('equity.colEstimate', { unit }), t('equity.colCi'), t('col.population')]} testId="subgroups-table"
        rows={bars.map((b) => [b.subgroup, num(b.estimate, 1), b.ciLow != null && b.ciHigh != null ? ciText(i18n, b.ciLow, b.ciHigh) : '–', b.population != null ? num(b.population, 0) : '–'])} />
    </Panel>
  );
}
