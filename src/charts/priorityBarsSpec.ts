import * as Plot from '@observablehq/plot';
import { formatNumber } from './measureMeta';

export interface PriorityBar {
  name: string;
  /** Percentile rank of low accessibility and of high poverty, 0..1 (priorityScores in metrics/access.ts). */
  accessNeed: number;
  povertyNeed: number;
  priority: number;
  accessibility: number;
  poverty: number;
}

const PARTS = ['Low access (half weight)', 'High poverty (half weight)'] as const;

/** Districts by priority score, highest first; each bar is split into its two equally weighted parts. */
export function priorityBarsSpec({ rows, top, accessUnit, width, caption }: { rows: readonly PriorityBar[]; top: number; accessUnit: string; width: number; caption: string }): Plot.PlotOptions {
  const sorted = [...rows].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name)).slice(0, top);
  const parts = sorted.flatMap((r) => [
    { ...r, part: PARTS[0], value: r.accessNeed / 2 },
    { ...r, part: PARTS[1], value: r.povertyNeed / 2 },
  ]);
  return {
    width,
    height: 60 + sorted.length * 18,
    marginLeft: 110,
    marginRight: 36,
    caption,
    ariaLabel: `Bar chart: the ${sorted.length} districts with the highest priority score`,
    x: { label: 'Priority score (0 = least need, 1 = lowest access and poorest)', domain: [0, 1], grid: true },
    y: { label: null, domain: sorted.map((r) => r.name) },
    color: { domain: [...PARTS], range: ['#7570b3', '#e6ab02'], legend: true },
    marks: [
      Plot.barX(parts, Plot.stackX({
        x: 'value', y: 'name', fill: 'part', ariaHidden: 'true',
        channels: {
          Priority: { value: 'priority', scale: null },
          [accessUnit]: { value: 'accessibility', scale: null },
          'Poverty (%)': { value: 'poverty', scale: null },
        },
        tip: { format: { x: false, fill: true, y: true, Priority: (d: number) => formatNumber(d, 2), [accessUnit]: (d: number) => formatNumber(d, 1), 'Poverty (%)': (d: number) => formatNumber(d, 1) } },
      })),
      Plot.text(sorted, { x: 'priority', y: 'name', text: (r: PriorityBar) => formatNumber(r.priority, 2), dx: 3, textAnchor: 'start', fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
