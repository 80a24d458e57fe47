import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick, formatYear } from '../i18n/format';
import { paddedDomain } from './paddedDomain';

export interface TrendPoint { year: number; value: number; ciLow?: number; ciHigh?: number }

export interface MeasureTrendInput extends ChartLanguage {
  points: readonly TrendPoint[];
  /** e.g. "SII (percentage points)". */
  yLabel: string;
  /** Value meaning "no inequality" (0 or 1). */
  none: number;
  selectedYear?: number | null;
  width: number;
  caption: string;
  digits?: number;
}


/** A summary measure over the years: line and dots, shaded 95% CI, and the "no inequality" line. */
export function measureTrendSpec(p: MeasureTrendInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const { t, locale } = chartLanguage(p);
  const fmt = (x: number) => formatNumber(x, digits, locale);
  const EST = t('chart.estimate');
  const BAND = t('chart.ciBand');
  const withCi = p.points.filter((d) => d.ciLow !== undefined && d.ciHigh !== undefined);
  const years = p.points.map((d) => d.year);
  return {
    width: p.width,
    height: 280,
    marginLeft: 50,
    marginRight: 20,
    caption: p.caption,
    ariaLabel: t('chart.measureTrendAria', { y: p.yLabel }),
    // One year, or one value throughout: an interval around it, not a collapsed scale (see paddedDomain).
    x: { label: t('chart.year'), tickFormat: (d: number) => formatYear(d, locale), ticks: years.length > 12 ? undefined : years,
      domain: new Set(years).size === 1 ? [years[0] - 1, years[0] + 1] : undefined },
    y: { label: p.yLabel, grid: true, nice: true, zero: p.none === 0, tickFormat: (d: number) => formatTick(d, locale),
      domain: paddedDomain(p.points.flatMap((d) => [d.value, d.ciLow, d.ciHigh]), { zero: p.none === 0 }) },
    color: { domain: [EST, BAND], range: ['#1f5f8b', '#9cc3e6'], legend: true },
    marks: [
      Plot.areaY(withCi, { x: 'year', y1: 'ciLow', y2: 'ciHigh', fill: () => BAND, fillOpacity: 0.6, ariaHidden: 'true' }),
      Plot.ruleY([p.none], { stroke: '#5b6775', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.text([p.none], { y: (d: number) => d, frameAnchor: 'left', dx: 4, dy: -7, textAnchor: 'start', text: () => t('chart.noInequality'), fontSize: 10, fill: '#5b6775', ariaHidden: 'true' }),
      Plot.lineY(p.points, { x: 'year', y: 'value', stroke: () => EST, strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(p.points, {
        x: 'year', y: 'value', fill: () => EST, r: 3.5, ariaHidden: 'true',
        channels: { [t('chart.ci')]: (d: TrendPoint) => (d.ciLow !== undefined && d.ciHigh !== undefined ? t('equity.ciRange', { low: fmt(d.ciLow), high: fmt(d.ciHigh) }) : t('chart.notGiven')) },
        tip: { format: { x: (x: number) => formatYear(x, locale), y: (y: number) => fmt(y), fill: false } },
      }),
      Plot.dot(p.points.filter((d) => d.year === p.selectedYear), { x: 'year', y: 'value', r: 7, stroke: '#1d2733', strokeWidth: 2, ariaHidden: 'true' }),
    ],
  };
}
