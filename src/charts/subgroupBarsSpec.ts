import * as Plot from '@observablehq/plot';
import { subgroupStyle } from './subgroupStyle';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber } from '../i18n/format';


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


/** A whisker as drawn: clamped to the scale [0, max], with which ends were cut. */
export interface Whisker extends SubgroupBar { lo: number; hi: number; cutLow: boolean; cutHigh: boolean }

/**
 * The whiskers to draw: only intervals of non-zero width (a CI from a standard error of 0 says nothing; the tip says
 * "no uncertainty given" instead of "100.0–100.0"), clamped to the axis when a scale end is given (a CI beyond 0-100%
 * would be drawn over the labels), each cut end marked.
 */
export function whiskersOf(bars: readonly SubgroupBar[], max?: number): Whisker[] {
  return bars.flatMap((b) => {
    if (b.ciLow == null || b.ciHigh == null || !(b.ciHigh > b.ciLow)) return [];
    const lo = max == null ? b.ciLow : Math.max(0, b.ciLow);
    const hi = max == null ? b.ciHigh : Math.min(max, b.ciHigh);
    return [{ ...b, lo, hi, cutLow: lo !== b.ciLow, cutHigh: hi !== b.ciHigh }];
  });
}

/** Subgroup estimates as horizontal bars with 95% confidence-interval whiskers, in subgroup order. */
export function subgroupBarsSpec(p: SubgroupBarsInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const { t, locale, side } = chartLanguage(p);
  const fmt = (x: number) => formatNumber(x, digits, locale);
  const names = p.bars.map((b) => b.subgroup);
  const style = subgroupStyle(names, p.ordered);
  const withCi = whiskersOf(p.bars, p.max);
  const drawn = new Map(withCi.map((w) => [w.subgroup, w]));
  const labelX = (b: SubgroupBar) => Math.max(b.estimate, drawn.get(b.subgroup)?.hi ?? b.estimate);
  const ciText = (b: SubgroupBar) => {
    if (b.ciLow == null || b.ciHigh == null) return t('chart.notGiven');
    if (!(b.ciHigh > b.ciLow)) return t('chart.noUncertainty');
    const w = drawn.get(b.subgroup);
    return `${fmt(b.ciLow)}–${fmt(b.ciHigh)}${w && (w.cutLow || w.cutHigh) ? t('chart.ciClipped') : ''}`;
  };
  // A cut end: a small triangle pointing off the scale, instead of the end tick.
  const cutMark = (ends: Whisker[], x: 'lo' | 'hi', outward: 1 | -1) =>
    Plot.dot(ends, { y: 'subgroup', x, symbol: 'triangle', r: 4, fill: '#1d2733', rotate: 90 * outward * (side.reverse ? -1 : 1), ariaHidden: 'true' });
  return {
    width: p.width,
    height: 60 + names.length * 34,
    ...side.barScales(150, 50, { label: p.xLabel, domain: p.max ? [0, p.max] : undefined, nice: !p.max }, names),
    caption: p.caption,
    ariaLabel: t('chart.subgroupAria', { x: p.xLabel }),
    color: style.color,
    marks: [
      Plot.barX(p.bars, {
        x: 'estimate', y: 'subgroup', fill: 'subgroup', fillOpacity: 0.85, ariaHidden: 'true',
        channels: { [t('chart.ci')]: ciText,
          [t('col.population')]: (b: SubgroupBar) => (b.population != null ? formatNumber(Math.round(b.population), 0, locale) : '–') },
        tip: { format: { x: (x: number) => fmt(x), y: true, fill: false } },
      }),
      Plot.ruleY(withCi, { y: 'subgroup', x1: 'lo', x2: 'hi', stroke: '#1d2733', strokeWidth: 1.5, ariaHidden: 'true' }),
      Plot.tickX(withCi.filter((w) => !w.cutLow), { y: 'subgroup', x: 'lo', stroke: '#1d2733', inset: 9, ariaHidden: 'true' }),
      Plot.tickX(withCi.filter((w) => !w.cutHigh), { y: 'subgroup', x: 'hi', stroke: '#1d2733', inset: 9, ariaHidden: 'true' }),
      cutMark(withCi.filter((w) => w.cutLow), 'lo', -1),
      cutMark(withCi.filter((w) => w.cutHigh), 'hi', 1),
      // The value label clears the cut-end triangle where there is one.
      ...[false, true].map((cut) => Plot.text(p.bars.filter((b) => (drawn.get(b.subgroup)?.cutHigh ?? false) === cut),
        { y: 'subgroup', x: labelX, text: (b: SubgroupBar) => fmt(b.estimate), dx: side.dx(cut ? 12 : 6), textAnchor: side.after, fontSize: 11, fontWeight: 600, ariaHidden: 'true' })),
      ...(p.average != null ? [
        Plot.ruleX([p.average], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([p.average], { x: (d: number) => d, frameAnchor: 'top', dy: -10, text: (d: number) => t('chart.average', { value: fmt(d) }), fontSize: 10, ariaHidden: 'true' }),
      ] : []),
      Plot.ruleX([0]),
    ],
  };
}
