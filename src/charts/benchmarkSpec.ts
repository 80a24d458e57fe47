import * as Plot from '@observablehq/plot';

export interface BenchmarkPoint {
  name: string;
  value: number;
  ciLow?: number;
  ciHigh?: number;
  kind: 'selected' | 'other' | 'national';
}

export interface BenchmarkInput {
  points: readonly BenchmarkPoint[];
  /** e.g. "SII (percentage points)". */
  xLabel: string;
  none: number;
  width: number;
  caption: string;
  digits?: number;
}

const KINDS = { selected: 'Selected region', other: 'Other provinces', national: 'Whole country' } as const;

/** Benchmarks: one summary measure for every setting, with its 95% CI, most unequal first. */
export function benchmarkSpec(p: BenchmarkInput): Plot.PlotOptions {
  const digits = p.digits ?? 1;
  const fmt = (x: number) => x.toFixed(digits);
  const sorted = [...p.points].sort((a, b) => Math.abs(b.value - p.none) - Math.abs(a.value - p.none) || a.name.localeCompare(b.name));
  const withCi = sorted.filter((d) => d.ciLow !== undefined && d.ciHigh !== undefined);
  const national = p.points.find((d) => d.kind === 'national');
  const label = (d: BenchmarkPoint) => KINDS[d.kind];
  return {
    width: p.width,
    height: 70 + sorted.length * 28,
    marginLeft: 150,
    marginRight: 50,
    caption: p.caption,
    ariaLabel: `Dot chart: ${p.xLabel} in each region with 95% confidence intervals`,
    x: { label: p.xLabel, grid: true, nice: true },
    y: { label: null, domain: sorted.map((d) => d.name) },
    color: { domain: Object.values(KINDS), range: ['#c2410c', '#1f5f8b', '#1d2733'], legend: true },
    symbol: { domain: Object.values(KINDS), range: ['diamond', 'circle', 'square'] },
    marks: [
      ...(national ? [Plot.ruleX([national.value], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' })] : []),
      Plot.ruleX([p.none], { stroke: '#9aa5b1', ariaHidden: 'true' }),
      Plot.ruleY(withCi, { y: 'name', x1: 'ciLow', x2: 'ciHigh', stroke: label, strokeWidth: 1.5, ariaHidden: 'true' }),
      Plot.dot(sorted, {
        x: 'value', y: 'name', fill: label, symbol: label, r: 6, ariaHidden: 'true',
        channels: { '95% CI': (d: BenchmarkPoint) => (d.ciLow !== undefined && d.ciHigh !== undefined ? `${fmt(d.ciLow)} to ${fmt(d.ciHigh)}` : 'not available') },
        tip: { format: { x: (x: number) => fmt(x), y: true, fill: false, symbol: false } },
      }),
      Plot.text(sorted, { x: (d: BenchmarkPoint) => Math.max(d.value, d.ciHigh ?? d.value), y: 'name', text: (d: BenchmarkPoint) => fmt(d.value), dx: 8, textAnchor: 'start', fontSize: 11, ariaHidden: 'true' }),
    ],
  };
}
