import * as Plot from '@observablehq/plot';

export interface TrendPoint { year: number; value: number; ciLow?: number; ciHigh?: number }

export interface MeasureTrendInput {
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
  const fmt = (x: number) => x.toFixed(digits);
  const withCi = p.points.filter((d) => d.ciLow !== undefined && d.ciHigh !== undefined);
  const years = p.points.map((d) => d.year);
  return {
    width: p.width,
    height: 280,
    marginLeft: 50,
    marginRight: 20,
    caption: p.caption,
    ariaLabel: `Line chart: ${p.yLabel} by year`,
    x: { label: 'Year', tickFormat: 'd', ticks: years.length > 12 ? undefined : years },
    y: { label: p.yLabel, grid: true, nice: true, zero: p.none === 0 },
    color: { domain: ['Estimate', '95% confidence interval'], range: ['#1f5f8b', '#9cc3e6'], legend: true },
    marks: [
      Plot.areaY(withCi, { x: 'year', y1: 'ciLow', y2: 'ciHigh', fill: () => '95% confidence interval', fillOpacity: 0.6, ariaHidden: 'true' }),
      Plot.ruleY([p.none], { stroke: '#5b6775', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.text([p.none], { y: (d: number) => d, frameAnchor: 'left', dx: 4, dy: -7, textAnchor: 'start', text: () => 'no inequality', fontSize: 10, fill: '#5b6775', ariaHidden: 'true' }),
      Plot.lineY(p.points, { x: 'year', y: 'value', stroke: () => 'Estimate', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(p.points, {
        x: 'year', y: 'value', fill: () => 'Estimate', r: 3.5, ariaHidden: 'true',
        channels: { '95% CI': (d: TrendPoint) => (d.ciLow !== undefined && d.ciHigh !== undefined ? `${fmt(d.ciLow)} to ${fmt(d.ciHigh)}` : 'not available') },
        tip: { format: { x: (x: number) => String(x), y: (y: number) => fmt(y), fill: false } },
      }),
      Plot.dot(p.points.filter((d) => d.year === p.selectedYear), { x: 'year', y: 'value', r: 7, stroke: '#1d2733', strokeWidth: 2, ariaHidden: 'true' }),
    ],
  };
}
