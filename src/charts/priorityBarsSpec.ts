import * as Plot from '@observablehq/plot';
import { sides, type ChartLocale } from './direction';
import { formatNumber } from '../i18n/format';

export interface PriorityBar {
  name: string;
  /** Percentile rank of low accessibility and of high poverty, 0..1 (priorityScores in metrics/access.ts). */
  accessNeed: number;
  /** Null when the dataset has no poverty figure: the bar is the access rank alone, at full weight. */
  povertyNeed: number | null;
  priority: number;
  accessibility: number;
  poverty: number | null;
}

const PARTS = ['Low access (half weight)', 'High poverty (half weight)'] as const;

export interface PriorityLabels { aria: string; x: string; lowAccess: string; highPoverty: string; priority: string; poverty: string }

/** Districts by priority score, highest first; each bar is split into its two equally weighted parts. */
export function priorityBarsSpec({ rows, top, accessUnit, width, caption, loc, labels }: {
  rows: readonly PriorityBar[]; top: number; accessUnit: string; width: number; caption: string;
  /** Interface language: numbers, mirrored bars in RTL. English when omitted. */
  loc?: ChartLocale;
  /** Translated labels; `{n}` in `aria` is the number of districts shown. */
  labels?: PriorityLabels;
}): Plot.PlotOptions {
  const locale = loc?.locale ?? 'en';
  const side = sides(loc);
  const L = labels ?? {
    aria: 'Bar chart: the {n} districts with the highest priority score', x: 'Priority score (0 = least need, 1 = lowest access and poorest)',
    lowAccess: PARTS[0], highPoverty: PARTS[1], priority: 'Priority', poverty: 'Poverty (%)',
  };
  const sorted = [...rows].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name)).slice(0, top);
  const parts = sorted.flatMap((r) => r.povertyNeed === null
    ? [{ ...r, part: L.lowAccess, value: r.accessNeed }]
    : [{ ...r, part: L.lowAccess, value: r.accessNeed / 2 }, { ...r, part: L.highPoverty, value: r.povertyNeed / 2 }]);
  return {
    width,
    height: 60 + sorted.length * 18,
    ...side.barScales(110, 36, { label: L.x, domain: [0, 1] }, sorted.map((r) => r.name)),
    caption,
    ariaLabel: L.aria.replace('{n}', formatNumber(sorted.length, 0, locale)),
    color: { domain: [L.lowAccess, L.highPoverty], range: ['#7570b3', '#e6ab02'], legend: true },
    marks: [
      Plot.barX(parts, Plot.stackX({
        x: 'value', y: 'name', fill: 'part', ariaHidden: 'true',
        channels: {
          [L.priority]: { value: 'priority', scale: null },
          [accessUnit]: { value: 'accessibility', scale: null },
          [L.poverty]: { value: 'poverty', scale: null },
        },
        tip: { format: { x: false, fill: true, y: true, [L.priority]: (d: number) => formatNumber(d, 2, locale), [accessUnit]: (d: number) => formatNumber(d, 1, locale), [L.poverty]: (d: number) => formatNumber(d, 1, locale) } },
      })),
      Plot.text(sorted, { x: 'priority', y: 'name', text: (r: PriorityBar) => formatNumber(r.priority, 2, locale), dx: side.dx(3), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
