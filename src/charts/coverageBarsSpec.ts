import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatPercent, formatTick } from '../i18n/format';

export interface CoverageBar {
  region_id: string;
  name: string;
  population: number;
  /** Share within the threshold, 0..1. */
  share: number;
}

export interface CoverageBarsInput extends ChartLanguage {
  rows: readonly CoverageBar[];
  national: number;
  /** e.g. "within 5 km of any health facility" */
  what: string;
  /** A published target (0..1) to draw, e.g. the Lancet Commission's 80% for surgery. */
  target?: { share: number; label: string };
  width: number;
  caption: string;
}

/** Share of each district's population within the threshold, lowest first, with the national share and a target. */
export function coverageBarsSpec({ rows, national, what, target, width, caption, ...language }: CoverageBarsInput): Plot.PlotOptions {
  const { t, locale, side } = chartLanguage(language);
  const atOrAbove = t('chart.atOrAbove');
  const people = t('chart.people');
  const sorted = [...rows].sort((a, b) => a.share - b.share || a.name.localeCompare(b.name));
  const pct = (r: CoverageBar) => 100 * r.share;
  const belowLabel = target ? t('chart.belowTarget', { value: formatPercent(target.share * 100, 0, locale) }) : t('chart.belowNational');
  const cut = target ? target.share : national;
  return {
    width,
    height: 50 + sorted.length * 16,
    ...side.bars(110, 44),
    caption,
    ariaLabel: t('chart.coverageAria', { what }),
    x: { label: t('chart.coverageX', { what }), domain: [0, 100], grid: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.name), axis: side.yAxis },
    color: { domain: [belowLabel, atOrAbove], range: ['#d95f02', '#1b9e77'], legend: true },
    marks: [
      Plot.barX(sorted, {
        x: pct,
        y: 'name',
        fill: (r: CoverageBar) => (r.share < cut ? belowLabel : atOrAbove),
        ariaHidden: 'true',
        channels: { [people]: (r: CoverageBar) => formatNumber(r.population, 0, locale) },
        tip: { format: { x: (d: number) => formatPercent(d, 1, locale), fill: false, y: true } },
      }),
      Plot.text(sorted, { x: pct, y: 'name', text: (r: CoverageBar) => formatPercent(pct(r), 0, locale), dx: side.dx(3), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([100 * national], { stroke: '#1f5f8b', strokeDasharray: '2,2', ariaHidden: 'true' }),
      Plot.text([100 * national], { x: (d: number) => d, frameAnchor: 'bottom', text: () => t('chart.national', { value: formatPercent(100 * national, 1, locale) }), dy: -4, dx: side.dx(3), textAnchor: side.after, fill: '#1f5f8b', fontSize: 10, ariaHidden: 'true' }),
      ...(target
        ? [Plot.ruleX([100 * target.share], { stroke: '#000', strokeDasharray: '5,3', ariaHidden: 'true' }),
          Plot.text([100 * target.share], { x: (d: number) => d, frameAnchor: 'top', text: () => target.label, dy: -2, dx: side.dx(-4), textAnchor: side.before, fontSize: 10, ariaHidden: 'true' })]
        : []),
      Plot.ruleX([0]),
    ],
  };
}
