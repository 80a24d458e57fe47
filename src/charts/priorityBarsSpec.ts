import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from '../i18n/format';

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

export interface PriorityBarsInput extends ChartLanguage {
  rows: readonly PriorityBar[];
  top: number;
  accessUnit: string;
  width: number;
  caption: string;
}

/** Districts by priority score, highest first; each bar is split into its two equally weighted parts. */
export function priorityBarsSpec({ rows, top, accessUnit, width, caption, ...language }: PriorityBarsInput): Plot.PlotOptions {
  const { t, locale, side } = chartLanguage(language);
  // With no poverty figure in the dataset, the bar is the access rank alone, and its legend says so.
  const lowAccess = t(rows.length > 0 && rows.every((r) => r.povertyNeed === null) ? 'chart.lowAccessOnly' : 'chart.lowAccessPart');
  const highPoverty = t('chart.highPovertyPart');
  const priority = t('chart.priority');
  const poverty = t('chart.poverty');
  const sorted = [...rows].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name)).slice(0, top);
  const parts = sorted.flatMap((r) => r.povertyNeed === null
    ? [{ ...r, part: lowAccess, value: r.accessNeed }]
    : [{ ...r, part: lowAccess, value: r.accessNeed / 2 }, { ...r, part: highPoverty, value: r.povertyNeed / 2 }]);
  return {
    width,
    height: 60 + sorted.length * 18,
    ...side.bars(110, 36),
    caption,
    ariaLabel: t('chart.priorityAria', { n: formatNumber(sorted.length, 0, locale) }),
    x: { label: t('chart.priorityX'), domain: [0, 1], grid: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.name), axis: side.yAxis },
    color: { domain: [lowAccess, highPoverty], range: ['#7570b3', '#e6ab02'], legend: true },
    marks: [
      Plot.barX(parts, Plot.stackX({
        x: 'value', y: 'name', fill: 'part', ariaHidden: 'true',
        channels: {
          [priority]: { value: 'priority', scale: null },
          [accessUnit]: { value: 'accessibility', scale: null },
          [poverty]: { value: 'poverty', scale: null },
        },
        tip: { format: { x: false, fill: true, y: true, [priority]: (d: number) => formatNumber(d, 2, locale), [accessUnit]: (d: number) => formatNumber(d, 1, locale), [poverty]: (d: number) => formatNumber(d, 1, locale) } },
      })),
      Plot.text(sorted, { x: 'priority', y: 'name', text: (r: PriorityBar) => formatNumber(r.priority, 2, locale), dx: side.dx(3), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
