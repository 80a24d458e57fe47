import * as Plot from '@observablehq/plot';
import type { TrendRow } from '../queries/trendsSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from './measureMeta';
import { isNarrowChart } from './narrowChart';
import { paddedDomain } from './paddedDomain';

export interface TrendInput extends ChartLanguage {
  /** The country's, the chosen region's and its peers' (`context`) values by year; names in the interface language. */
  rows: readonly TrendRow[];
  /** The value axis, with its unit, e.g. "DTP3 coverage (%)". */
  yLabel: string;
  width: number;
  caption: string;
}

/** The chosen region's line against the country's (dashed), with its peers in light grey for context. */
export function trendSpec({ rows, yLabel, width, caption, ...language }: TrendInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(language);
  const context = rows.filter((r) => r.role === 'context');
  const main = rows.filter((r) => r.role !== 'context');
  const last = main.filter((r) => r.year === Math.max(...main.map((m) => m.year)));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const name = (r: TrendRow) => (r.role === 'country' ? t('chart.wholeCountry') : r.name);
  // On a phone the end labels take two short lines, and the years thin out until their labels (~36 px each) fit.
  const narrow = isNarrowChart(width);
  const marginRight = narrow ? 100 : 150;
  const step = Math.max(1, Math.ceil((years.length * 36) / Math.max(1, width - marginRight - 40)));
  return {
    width,
    height: 380,
    marginRight,
    caption,
    ariaLabel: t('chart.trendAria', { names: [...new Set(main.map(name))].join(' / ') }),
    // One year, or one value throughout: an interval around it (a collapsed scale prints its one tick clipped at the
    // edge, e.g. "61.853"); the year stays the only x tick. Narrow charts show every `step`-th year.
    x: { label: null, tickFormat: 'd', ticks: years.filter((_, k) => k % step === 0), domain: years.length === 1 ? [years[0] - 1, years[0] + 1] : undefined },
    y: { label: `↑ ${yLabel}`, grid: true, nice: true, tickFormat: (d: number) => formatTick(d, locale), domain: paddedDomain(rows.map((r) => r.value)) },
    color: { domain: ['country', 'region'], range: ['#444', '#d95f02'] },
    marks: [
      Plot.line(context, { x: 'year', y: 'value', z: 'region_id', stroke: '#ccc', strokeWidth: 1, ariaHidden: 'true', tip: { format: { z: false } }, channels: { [t('chart.region')]: 'name' } }),
      Plot.line(main.filter((r) => r.role === 'country'), { x: 'year', y: 'value', stroke: 'role', strokeWidth: 2.5, strokeDasharray: '6,4', ariaHidden: 'true' }),
      Plot.line(main.filter((r) => r.role === 'region'), { x: 'year', y: 'value', stroke: 'role', strokeWidth: 2.5, ariaHidden: 'true' }),
      Plot.dot(main, { x: 'year', y: 'value', fill: 'role', r: 3, ariaHidden: 'true', channels: { [t('chart.region')]: 'name' }, tip: { format: { fill: false, y: (d: number) => formatNumber(d, 1, locale) } } }),
      Plot.text(last, {
        x: 'year', y: 'value', text: (r: TrendRow) => `${name(r)}:${narrow ? '\n' : ' '}${formatNumber(r.value, 1, locale)}`,
        dx: 8, textAnchor: 'start', fill: 'role', fontWeight: 600, ariaHidden: 'true', ...(narrow ? { fontSize: 10 } : {}),
      }),
    ],
  };
}
