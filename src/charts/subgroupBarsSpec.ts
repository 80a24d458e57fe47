import * as Plot from '@observablehq/plot';
import { subgroupStyle } from './subgroupStyle';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from '../i18n/format';


export interface SubgroupBar {
  subgroup: string;
  estimate: number;
  ciLow: number | null;
  ciHigh: number | null;
  population?: number | null;
}

export interface SubgroupBarsInput extends ChartLanguage {
  bars: readonly SubgroupBar[];
  ordered: boolean;
  xLabel: string;
  /** Population-weighted setting average, drawn as a dashed line when known. */
  average?: number | null;
  /** Upper end of the axis (100 for percentages). */
  max?: number;
  width: number;
  caption: string;
  digits?: number;
}


/** Subgroup estimates as horizontal bars with 95% confidence-interval whiskers, in subgroup order. */
export function subgroupBarsSpec(p: SubgroupBarsInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const { t, locale, side } = chartLanguage(p);
  const fmt = (x: number) => formatNumber(x, digits, locale);
  const names = p.bars.map((b) => b.subgroup);
  const style = subgroupStyle(names, p.ordered);
  const withCi = p.bars.filter((b) => b.ciLow != null && b.ciHigh != null);
  const labelX = (b: SubgroupBar) => Math.max(b.estimate, b.ciHigh ?? b.estimate);
  return {
    width: p.width,
    height: 60 + names.length * 34,
    ...side.bars(150, 50),
    caption: p.caption,
    ariaLabel: t('chart.subgroupAria', { x: p.xLabel }),
    x: { label: p.xLabel, grid: true, domain: p.max ? [0, p.max] : undefined, nice: !p.max, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: names, axis: side.yAxis },
    color: style.color,
    marks: [
      Plot.barX(p.bars, {
        x: 'estimate', y: 'subgroup', fill: 'subgroup', fillOpacity: 0.85, ariaHidden: 'true',
        channels: { [t('chart.ci')]: (b: SubgroupBar) => (b.ciLow != null && b.ciHigh != null ? `${fmt(b.ciLow)}–${fmt(b.ciHigh)}` : t('chart.notGiven')),
          [t('col.population')]: (b: SubgroupBar) => (b.population != null ? formatNumber(Math.round(b.population), 0, locale) : '–') },
        tip: { format: { x: (x: number) => fmt(x), y: true, fill: false } },
      }),
      Plot.ruleY(withCi, { y: 'subgroup', x1: 'ciLow', x2: 'ciHigh', stroke: '#1d2733', strokeWidth: 1.5, ariaHidden: 'true' }),
      Plot.tickX(withCi, { y: 'subgroup', x: 'ciLow', stroke: '#1d2733', inset: 9, ariaHidden: 'true' }),
      Plot.tickX(withCi, { y: 'subgroup', x: 'ciHigh', stroke: '#1d2733', inset: 9, ariaHidden: 'true' }),
      Plot.text(p.bars, { y: 'subgroup', x: labelX, text: (b: SubgroupBar) => fmt(b.estimate), dx: side.dx(6), textAnchor: side.after, fontSize: 11, fontWeight: 600, ariaHidden: 'true' }),
      ...(p.average != null ? [
        Plot.ruleX([p.average], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([p.average], { x: (d: number) => d, frameAnchor: 'top', dy: -10, text: (d: number) => t('chart.average', { value: fmt(d) }), fontSize: 10, ariaHidden: 'true' }),
      ] : []),
      Plot.ruleX([0]),
    ],
  };
}
