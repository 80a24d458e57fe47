import * as Plot from '@observablehq/plot';
import { formatNumber } from './measureMeta';

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
}

/** Share of each district's population within the threshold, lowest first, with the national share and a target. */
export function coverageBarsSpec({ rows, national, what, target, width, caption }: CoverageBarsInput): Plot.PlotOptions {
  const sorted = [...rows].sort((a, b) => a.share - b.share || a.name.localeCompare(b.name));
  const pct = (r: CoverageBar) => 100 * r.share;
  const belowLabel = target ? `Below ${formatNumber(target.share * 100)}% target` : 'Below national share';
  const cut = target ? target.share : national;
  return {
    width,
    height: 50 + sorted.length * 16,
    marginLeft: 110,
    marginRight: 44,
    caption,
    ariaLabel: `Bar chart: share of people ${what}, by district`,
    x: { label: `% of people ${what}`, domain: [0, 100], grid: true },
    y: { label: null, domain: sorted.map((r) => r.name) },
    color: { domain: [belowLabel, 'At or above'], range: ['#d95f02', '#1b9e77'], legend: true },
    marks: [
      Plot.barX(sorted, {
        x: pct,
        y: 'name',
        fill: (r: CoverageBar) => (r.share < cut ? belowLabel : 'At or above'),
        ariaHidden: 'true',
        channels: { People: (r: CoverageBar) => formatNumber(r.population) },
        tip: { format: { x: (d: number) => `${formatNumber(d, 1)}%`, fill: false, y: true } },
      }),
      Plot.text(sorted, { x: pct, y: 'name', text: (r: CoverageBar) => `${formatNumber(pct(r), 0)}%`, dx: 3, textAnchor: 'start', fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([100 * national], { stroke: '#1f5f8b', strokeDasharray: '2,2', ariaHidden: 'true' }),
      Plot.text([100 * national], { x: (d: number) => d, frameAnchor: 'bottom', text: () => `National ${formatNumber(100 * national, 1)}%`, dy: -4, dx: 3, textAnchor: 'start', fill: '#1f5f8b', fontSize: 10, ariaHidden: 'true' }),
      ...(target
        ? [Plot.ruleX([100 * target.share], { stroke: '#000', strokeDasharray: '5,3', ariaHidden: 'true' }),
          Plot.text([100 * target.share], { x: (d: number) => d, frameAnchor: 'top', text: () => target.label, dy: -2, dx: -4, textAnchor: 'end', fontSize: 10, ariaHidden: 'true' })]
        : []),
      Plot.ruleX([0]),
    ],
  };
}
