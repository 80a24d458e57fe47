import { useCallback } from 'react';
import { equiplotSpec } from '../../charts/equiplotSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { ciText } from './equityText';
import { Picker } from './Picker';
import type { EquityPanelProps } from './useEquityData';

/** WHO HEAT's equiplot: one line per year in the selected setting, or per setting in the selected year. */
export function EquiplotPanel({ data, labels, set }: EquityPanelProps) {
  const i18n = useI18n();
  const { t, num, year: yr } = i18n;
  const { settings: s, model: { equiplot: e }, queries } = data;
  const { xLabel, caption, chart, diffUnit, unit, dimLabel } = labels;
  const byYear = s.lines === 'year';
  const lineLabel = byYear ? t('equity.lineYear') : t('equity.lineRegion');
  const spec = useCallback((width: number) => (e.points.length ? equiplotSpec({
    points: e.points, lines: e.lines, subgroups: e.subgroups, ordered: s.ordered, xLabel, lineLabel, selected: e.selected, width, caption, ...chart,
  }) : null), [e, s.ordered, xLabel, lineLabel, caption, chart]);
  const summary = e.widest && e.narrowest
    ? t('equity.widest', { widest: e.widest.line, gap: num(e.widest.gap, 1), unit: diffUnit, narrowest: e.narrowest.line, narrowGap: num(e.narrowest.gap, 1) })
    : undefined;
  return (
    <Panel title={t('equity.equiplotTitle', { indicator: labels.indicatorName, dimension: dimLabel(data.dimension).toLowerCase() })} testId="equiplot-panel" id="equity-equiplot"
      state={byYear ? queries.seriesQ : queries.benchQ}
      subtitle={byYear ? t('equity.equiplotSubtitleYear', { scope: labels.scope }) : t('equity.equiplotSubtitleRegion', { year: yr(s.year) })}
      actions={<Picker label={t('equity.linePer')} value={s.lines} testId="equity-lines" onChange={(v) => set({ lines: v })}
        options={[{ value: 'year', label: t('equity.lineYear') }, { value: 'region', label: t('equity.lineRegion') }]} />}>
      {e.points.length > 0 && <PlotFigure spec={spec} testId="equiplot" summary={summary} />}
      {summary && <p className="chart-summary" data-testid="equiplot-summary">{summary}</p>}
      <AltTable caption={t('equity.equiplotData')} head={[t('equity.colLine'), t('equity.colSubgroup'), t('equity.colEstimate', { unit }), t('equity.colCi')]}
        rows={e.points.map((p) => [p.line, p.subgroup, num(p.estimate, 1), p.ciLow != null && p.ciHigh != null ? ciText(i18n, p.ciLow, p.ciHigh) : '–'])} />
    </Panel>
  );
}
