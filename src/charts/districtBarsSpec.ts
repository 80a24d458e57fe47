import * as Plot from '@observablehq/plot';
import { formatNumber, formatTick } from './measureMeta';
import { sides, type ChartLocale } from './direction';

export interface DistrictBar { label: string; value: number }

export interface DistrictBarsInput {
  /** Districts with a value (absent ones are left out by the caller and said in the table). */
  rows: readonly DistrictBar[];
  width: number;
  xLabel: string;
  ariaLabel: string;
  caption: string;
  digits: number;
  /** A reference value drawn as a rule (e.g. 120 minutes). */
  reference?: number;
  loc?: ChartLocale;
}

/** One horizontal bar per district, largest at the top, values printed at the bars' ends (travel-time analyses). */
export function districtBarsSpec(i: DistrictBarsInput): Plot.PlotOptions {
  const locale = i.loc?.locale ?? 'en';
  const side = sides(i.loc);
  const sorted = [...i.rows].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return {
    width: i.width,
    height: 40 + sorted.length * 15,
    ...side.bars(110, 48),
    caption: i.caption,
    ariaLabel: i.ariaLabel,
    x: { label: i.xLabel, grid: true, nice: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.label), axis: side.yAxis },
    marks: [
      Plot.barX(sorted, { x: 'value', y: 'label', fill: '#2c7fb8', ariaHidden: 'true' }),
      Plot.text(sorted, { x: 'value', y: 'label', text: (r: DistrictBar) => formatNumber(r.value, i.digits, locale), dx: side.dx(4), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      ...(i.reference != null ? [Plot.ruleX([i.reference], { stroke: '#c2410c', strokeWidth: 1.5, strokeDasharray: '4,3', ariaHidden: 'true' })] : []),
    ],
  };
}
