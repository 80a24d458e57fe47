import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import { formatNumber, type MeasureMeta } from './measureMeta';

export interface RankedBarsInput {
  rows: readonly DistrictDensityRow[];
  meta: MeasureMeta;
  width: number;
  selected?: string | null;
  caption: string;
}

/** Districts ranked from worst-served (top) to best, with the reference line where one exists. */
export function rankedBarsSpec({ rows, meta, width, selected, caption }: RankedBarsInput): Plot.PlotOptions {
  const value = (r: DistrictDensityRow) => r[meta.column];
  const sorted = [...rows].sort((a, b) => (value(a) ?? 0) - (value(b) ?? 0) || a.name.localeCompare(b.name));
  const ref = meta.reference;
  const below = (r: DistrictDensityRow) => (ref ? (value(r) ?? 0) < ref.value : false);
  return {
    width,
    height: 40 + sorted.length * 16,
    marginLeft: 110,
    marginRight: 48,
    caption,
    ariaLabel: `Bar chart: districts ranked by ${meta.label}`,
    x: { label: meta.short, grid: true, nice: true },
    y: { label: null, domain: sorted.map((r) => r.name) },
    color: ref ? { domain: [`Below ${ref.label}`, `At or above`], range: ['#d95f02', '#1b9e77'], legend: true } : undefined,
    marks: [
      Plot.barX(sorted, {
        x: value,
        y: 'name',
        fill: ref ? (r: DistrictDensityRow) => (below(r) ? `Below ${ref.label}` : 'At or above') : '#2c7fb8',
        ariaHidden: 'true',
        channels: { District: 'name', Province: 'province', Population: (r: DistrictDensityRow) => formatNumber(r.population) },
        tip: { format: { District: true, x: (d: number) => formatNumber(d, meta.digits), fill: false, y: false } },
      }),
      // The selected district: outlined in a mark of its own (a null stroke channel would drop every other bar).
      Plot.barX(sorted.filter((r) => r.region_id === selected), { x: value, y: 'name', stroke: 'currentColor', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.text(sorted, { x: value, y: 'name', text: (r: DistrictDensityRow) => formatNumber(value(r), meta.digits), dx: 4, textAnchor: 'start', fontSize: 10, ariaHidden: 'true' }),
      ...(ref ? [Plot.ruleX([ref.value], { stroke: 'currentColor', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([ref.value], { x: (d: number) => d, frameAnchor: 'top', text: () => ref.label, dy: -2, dx: -4, textAnchor: 'end', fontSize: 10, ariaHidden: 'true' })] : []),
      Plot.ruleX([0]),
    ],
  };
}
