import * as Plot from '@observablehq/plot';
import type { PartnerFacilityRow } from '../queries/partnershipsSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from './measureMeta';

/** Partner-linked facilities as dots sized by their number of partnerships, to lay over the gap map. */
export function partnerFacilityMarks(rows: readonly PartnerFacilityRow[], language: ChartLanguage = {}): Plot.Markish[] {
  const { t } = chartLanguage(language);
  return [
    Plot.dot(rows, {
      x: 'lon', y: 'lat', r: 'partnerships', fill: '#d62728', fillOpacity: 0.7, stroke: 'white', strokeWidth: 0.8, ariaHidden: 'true',
      channels: { [t('chart.facility')]: 'facility_name', [t('chart.partnerships')]: 'partnerships', [t('chart.partners')]: 'partners' },
      tip: { format: { x: false, y: false, r: false } },
    }),
  ];
}

export interface CountBarsInput extends ChartLanguage {
  rows: readonly { key: string; n: number }[];
  /** What the bars count partnerships by, in words ("type", "programme"). */
  what: string;
  width: number;
  caption: string;
}

/** Horizontal bars: how many partnerships of each kind. */
export function countBarsSpec(input: CountBarsInput): Plot.PlotOptions {
  const { rows, what, width, caption } = input;
  const { t, locale, side } = chartLanguage(input);
  const sorted = [...rows].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  return {
    width,
    height: 30 + sorted.length * 24,
    ...side.bars(110, 40),
    caption,
    ariaLabel: t('chart.partnersAria', { what }),
    x: { label: t('chart.partnerships'), grid: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.key), axis: side.yAxis },
    marks: [
      Plot.barX(sorted, { x: 'n', y: 'key', fill: '#6a51a3', ariaHidden: 'true', tip: true }),
      Plot.text(sorted, { x: 'n', y: 'key', text: (r: { n: number }) => formatNumber(r.n, 0, locale), dx: side.dx(4), textAnchor: side.after, fontSize: 11, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
