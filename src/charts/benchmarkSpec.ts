import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber } from '../i18n/format';

export interface BenchmarkPoint {
  name: string;
  value: number;
  ciLow?: number;
  ciHigh?: number;
  kind: 'selected' | 'other' | 'national';
}

export interface BenchmarkInput extends ChartLanguage {
  points: readonly BenchmarkPoint[];
  /** e.g. "SII (percentage points)". */
  xLabel: string;
  none: number;
  width: number;
  caption: string;
  digits?: number;
}



/** Benchmarks: one summary measure for every setting, with its 95% CI, most unequal first. */
export function benchmarkSpec(p: BenchmarkInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const { t, locale, side } = chartLanguage(p);
  const KINDS = { selected: t('chart.selectedRegion'), other: t('chart.otherProvinces'), national: t('chart.wholeCountry') };
  const fmt = (x: number) => formatNumber(x, digits, locale);
  const sorted = [...p.points].sort((a, b) => Math.abs(b.value - p.none) - Math.abs(a.value - p.none) || a.name.localeCompare(b.name));
  const withCi = sorted.filter((d) => d.ciLow !== undefined && d.ciHigh !== undefined);
  const national = p.points.find((d) => d.kind === 'national');
  const label = (d: BenchmarkPoint) => KINDS[d.kind];
  return {
    width: p.width,
    height: 70 + sorted.length * 28,
    ...side.barScales(150, 50, { label: p.xLabel, nice: true }, sorted.map((d) => d.name)),
    caption: p.caption,
    ariaLabel: t('chart.benchmarkAria', { x: p.xLabel }),
    color: { domain: Object.values(KINDS), range: ['#c2410c', '#1f5f8b', '#1d2733'], legend: true },
    symbol: { domain: Object.values(KINDS), range: ['diamond', 'circle', 'square'] },
    marks: [
      ...(national ? [Plot.ruleX([national.value], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' })] : []),
      Plot.ruleX([p.none], { stroke: '#9aa5b1', ariaHidden: 'true' }),
      Plot.ruleY(withCi, { y: 'name', x1: 'ciLow', x2: 'ciHigh', stroke: label, strokeWidth: 1.5, ariaHidden: 'true' }),
      Plot.dot(sorted, {
        x: 'value', y: 'name', fill: label, symbol: label, r: 6, ariaHidden: 'true',
        channels: { [t('chart.ci')]: (d: BenchmarkPoint) => (d.ciLow !== undefined && d.ciHigh !== undefined ? t('equity.ciRange', { low: fmt(d.ciLow), high: fmt(d.ciHigh) }) : t('chart.notGiven')) },
        tip: { format: { x: (x: number) => fmt(x), y: true, fill: false, symbol: false } },
      }),
      Plot.text(sorted, { x: (d: BenchmarkPoint) => Math.max(d.value, d.ciHigh ?? d.value), y: 'name', text: (d: BenchmarkPoint) => fmt(d.value), dx: side.dx(8), textAnchor: side.after, fontSize: 11, ariaHidden: 'true' }),
    ],
  };
}
