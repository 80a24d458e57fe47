import * as Plot from '@observablehq/plot';
import { subgroupStyle } from './subgroupStyle';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from '../i18n/format';


export interface EquiplotPoint {
  /** The line this dot sits on: a year ("2024") or a setting name. */
  line: string;
  subgroup: string;
  estimate: number;
  ciLow?: number | null;
  ciHigh?: number | null;
  population?: number | null;
}

export interface EquiplotInput extends ChartLanguage {
  points: readonly EquiplotPoint[];
  /** Lines top to bottom. */
  lines: readonly string[];
  /** Subgroups in legend order (ordered dimensions: most disadvantaged first). */
  subgroups: readonly string[];
  ordered: boolean;
  /** Axis label with its unit, e.g. "DTP3 coverage (%)". */
  xLabel: string;
  lineLabel: string;
  /** Line to emphasise (the selected year or setting). */
  selected?: string | null;
  width: number;
  caption: string;
  digits?: number;
}


/**
 * HEAT's equiplot: one horizontal line per year or setting spanning its lowest to highest subgroup, one
 * dot per subgroup (colour and shape), and the gap written at the end of each line.
 */
export function equiplotSpec(p: EquiplotInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const spans = p.lines.flatMap((line) => {
    const pts = p.points.filter((d) => d.line === line);
    if (!pts.length) return [];
    const lo = Math.min(...pts.map((d) => d.estimate));
    const hi = Math.max(...pts.map((d) => d.estimate));
    return [{ line, lo, hi, gap: hi - lo }];
  });
  const style = subgroupStyle(p.subgroups, p.ordered);
  const { t, locale, side } = chartLanguage(p);
  const fmt = (x: number) => formatNumber(x, digits, locale);
  return {
    width: p.width,
    height: 70 + p.lines.length * 26,
    ...side.bars(130, 90),
    caption: p.caption,
    ariaLabel: t('chart.equiplotAria', { x: p.xLabel, line: p.lineLabel.toLowerCase() }),
    ariaDescription: t('chart.equiplotDesc'),
    x: { label: p.xLabel, grid: true, nice: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: p.lines as string[], tickFormat: (d: string) => d, axis: side.yAxis },
    color: { ...style.color, legend: true },
    symbol: { ...style.symbol },
    marks: [
      Plot.ruleY(spans.filter((s) => s.line === p.selected), { y: 'line', x1: 'lo', x2: 'hi', stroke: '#1d2733', strokeWidth: 5, strokeOpacity: 0.25, ariaHidden: 'true' }),
      Plot.ruleY(spans, { y: 'line', x1: 'lo', x2: 'hi', stroke: '#9aa5b1', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(p.points, {
        x: 'estimate', y: 'line', fill: 'subgroup', symbol: 'subgroup', r: 6, stroke: 'white', strokeWidth: 1, ariaHidden: 'true',
        channels: {
          [t('chart.subgroup')]: 'subgroup',
          [t('chart.ci')]: (d: EquiplotPoint) => (d.ciLow == null || d.ciHigh == null ? t('chart.notGiven') : !(d.ciHigh > d.ciLow) ? t('chart.noUncertainty') : `${fmt(d.ciLow)}–${fmt(d.ciHigh)}`),
          [t('col.population')]: (d: EquiplotPoint) => (d.population != null ? formatNumber(Math.round(d.population), 0, locale) : '–'),
        },
        tip: { format: { x: (x: number) => fmt(x), y: true, fill: false, symbol: false } },
      }),
      Plot.text(spans, { y: 'line', x: 'hi', text: (s: (typeof spans)[number]) => t('chart.gap', { value: fmt(s.gap) }), dx: side.dx(10), textAnchor: side.after, fontSize: 11, fill: '#5b6775', ariaHidden: 'true' }),
    ],
  };
}
