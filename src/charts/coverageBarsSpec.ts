import * as Plot from '@observablehq/plot';
import { sides, type ChartLocale } from './direction';
import { formatNumber, formatPercent } from '../i18n/format';

export interface CoverageBar {
  region_id: string;
  name: string;
  population: number;
  /** Share within the threshold, 0..1. */
  share: number;
}

export interface CoverageBarsInput {
  rows: readonly CoverageBar[];
  national: number;
  /** e.g. "within 5 km of any health facility" */
  what: string;
  /** A published target (0..1) to draw, e.g. the Lancet Commission's 80% for surgery. */
  target?: { share: number; label: string };
  width: number;
  caption: string;
  /** Interface language: numbers, mirrored bars in RTL. English when omitted. */
  loc?: ChartLocale;
  /** Translated labels; `{value}` in `national` and `belowTarget` is the formatted share. */
  labels?: { aria: string; x: string; belowTarget: string; belowNational: string; atOrAbove: string; people: string; national: string };
}

/** Share of each district's population within the threshold, lowest first, with the national share and a target. */
export function coverageBarsSpec({ rows, national, what, target, width, caption, loc, labels }: CoverageBarsInput): Plot.PlotOptions {
  const locale = loc?.locale ?? 'en';
  const side = sides(loc);
  const L = labels ?? {
    aria: `Bar chart: share of people ${what}, by district`, x: `% of people ${what}`, belowTarget: 'Below {value} target',
    belowNational: 'Below national share', atOrAbove: 'At or above', people: 'People', national: 'National {value}',
  };
  const sorted = [...rows].sort((a, b) => a.share - b.share || a.name.localeCompare(b.name));
  const pct = (r: CoverageBar) => 100 * r.share;
  const belowLabel = target ? L.belowTarget.replace('{value}', formatPercent(target.share * 100, 0, locale)) : L.belowNational;
  const cut = target ? target.share : national;
  return {
    width,
    height: 50 + sorted.length * 16,
    ...side.barScales(110, 44, { label: L.x, domain: [0, 100] }, sorted.map((r) => r.name)),
    caption,
    ariaLabel: L.aria,
    color: { domain: [belowLabel, L.atOrAbove], range: ['#d95f02', '#1b9e77'], legend: true },
    marks: [
      Plot.barX(sorted, {
        x: pct,
        y: 'name',
        fill: (r: CoverageBar) => (r.share < cut ? belowLabel : L.atOrAbove),
        ariaHidden: 'true',
        channels: { [L.people]: (r: CoverageBar) => formatNumber(r.population, 0, locale) },
        tip: { format: { x: (d: number) => formatPercent(d, 1, locale), fill: false, y: true } },
      }),
      Plot.text(sorted, { x: pct, y: 'name', text: (r: CoverageBar) => formatPercent(pct(r), 0, locale), dx: side.dx(3), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([100 * national], { stroke: '#1f5f8b', strokeDasharray: '2,2', ariaHidden: 'true' }),
      Plot.text([100 * national], { x: (d: number) => d, frameAnchor: 'bottom', text: () => L.national.replace('{value}', formatPercent(100 * national, 1, locale)), dy: -4, dx: side.dx(3), textAnchor: side.after, fill: '#1f5f8b', fontSize: 10, ariaHidden: 'true' }),
      ...(target
        ? [Plot.ruleX([100 * target.share], { stroke: '#000', strokeDasharray: '5,3', ariaHidden: 'true' }),
          Plot.text([100 * target.share], { x: (d: number) => d, frameAnchor: 'top', text: () => target.label, dy: -2, dx: side.dx(-4), textAnchor: side.before, fontSize: 10, ariaHidden: 'true' })]
        : []),
      Plot.ruleX([0]),
    ],
  };
}
