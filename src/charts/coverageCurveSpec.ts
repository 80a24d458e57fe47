import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatPercent, formatTick } from '../i18n/format';

export interface CoverageCurveInput extends ChartLanguage {
  /** Cumulative share (0..1) of people within each threshold value. */
  points: readonly { x: number; share: number }[];
  /** The threshold chosen with the slider. */
  selected: { x: number; share: number };
  xLabel: string;
  target?: { share: number; label: string; x?: number };
  width: number;
  caption: string;
}


/** How coverage grows with the threshold: the whole curve, with the slider's choice and a target marked. */
export function coverageCurveSpec({ points, selected, xLabel, target, width, caption, ...language }: CoverageCurveInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(language);
  const pct = (d: { share: number }) => 100 * d.share;
  return {
    width,
    height: Math.round(Math.min(360, width * 0.6)),
    marginRight: 20,
    caption,
    ariaLabel: t('chart.curveAria', { x: xLabel }),
    x: { label: xLabel, grid: true, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: t('chart.curveY'), domain: [0, 100], grid: true, tickFormat: (d: number) => formatTick(d, locale) },
    marks: [
      Plot.areaY(points, { x: 'x', y: pct, fill: '#1f5f8b', fillOpacity: 0.12, curve: 'step-after', ariaHidden: 'true' }),
      Plot.lineY(points, { x: 'x', y: pct, stroke: '#1f5f8b', strokeWidth: 2, curve: 'step-after', ariaHidden: 'true',
        tip: { format: { x: (d: number) => formatNumber(d, 1, locale), y: (d: number) => formatPercent(d, 1, locale) } } }),
      ...(target
        ? [Plot.ruleY([100 * target.share], { stroke: '#000', strokeDasharray: '5,3', ariaHidden: 'true' }),
          Plot.text([100 * target.share], { y: (d: number) => d, frameAnchor: 'left', text: () => target.label, dy: -7, dx: 4, textAnchor: 'start', fontSize: 10, ariaHidden: 'true' }),
          ...(target.x !== undefined ? [Plot.ruleX([target.x], { stroke: '#000', strokeDasharray: '5,3', ariaHidden: 'true' })] : [])]
        : []),
      Plot.ruleX([selected.x], { stroke: '#d95f02', ariaHidden: 'true' }),
      Plot.dot([selected], { x: 'x', y: pct, r: 5, fill: '#d95f02', ariaHidden: 'true' }),
      Plot.text([selected], { x: 'x', y: pct, text: (d: { share: number }) => formatPercent(pct(d), 1, locale), dx: 8, dy: 10, textAnchor: 'start', fontWeight: 'bold', fill: '#d95f02', ariaHidden: 'true' }),
      Plot.ruleY([0]),
    ],
  };
}
