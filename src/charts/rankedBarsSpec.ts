import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import { sides, type ChartLocale } from './direction';
import { formatNumber, type MeasureMeta } from './measureMeta';

export interface RankedBarsInput {
  rows: readonly DistrictDensityRow[];
  meta: MeasureMeta;
  width: number;
  selected?: string | null;
  caption: string;
  /** Interface language: numbers, mirrored layout in RTL, translated labels, region names. English when omitted. */
  loc?: ChartLocale;
  labels?: { aria: string; below: string; atOrAbove: string; district: string; province: string; population: string };
  regionName?: (id: string, fallback: string) => string;
}

/** Districts ranked from worst-served (top) to best, with the reference line where one exists. */
export function rankedBarsSpec({ rows, meta, width, selected, caption, loc, labels, regionName = (_id, name) => name }: RankedBarsInput): Plot.PlotOptions {
  const locale = loc?.locale ?? 'en';
  const side = sides(loc);
  const ref = meta.reference;
  const L = labels ?? {
    aria: `Bar chart: districts ranked by ${meta.label}`, below: ref ? `Below ${ref.label}` : '', atOrAbove: 'At or above',
    district: 'District', province: 'Province', population: 'Population',
  };
  const value = (r: DistrictDensityRow) => r[meta.column];
  // Each district labelled (and keyed on the y axis) by its name in the interface language.
  // Only districts with a value are ranked: an unknown one is not the worst-served (absent is not zero).
  const sorted = rows.filter((r) => value(r) != null)
    .sort((a, b) => (value(a) ?? 0) - (value(b) ?? 0) || a.name.localeCompare(b.name))
    .map((r) => ({ ...r, label: regionName(r.region_id, r.name) }));
  type Row = (typeof sorted)[number];
  const below = (r: DistrictDensityRow) => (ref ? (value(r) ?? 0) < ref.value : false);
  return {
    width,
    height: 40 + sorted.length * 16,
    ...side.barScales(110, 48, { label: meta.short, nice: true }, sorted.map((r) => r.label)),
    caption,
    ariaLabel: L.aria,
    // Orange / green (Dark2, darkened for 3:1 contrast on white) and the words in the legend: never colour alone.
    color: ref ? { domain: [L.below, L.atOrAbove], range: ['#c2410c', '#1b7a5a'], legend: true } : undefined,
    marks: [
      Plot.barX(sorted, {
        x: value,
        y: 'label',
        fill: ref ? (r: Row) => (below(r) ? L.below : L.atOrAbove) : '#2c7fb8',
        ariaHidden: 'true',
        channels: {
          [L.district]: 'label',
          [L.province]: (r: Row) => regionName(r.province_id, r.province),
          [L.population]: (r: Row) => formatNumber(r.population, 0, locale),
        },
        tip: { format: { [L.district]: true, x: (d: number) => formatNumber(d, meta.digits, locale), fill: false, y: false } },
      }),
      // The selected district: outlined in a mark of its own (a null stroke channel would drop every other bar).
      Plot.barX(sorted.filter((r) => r.region_id === selected), { x: value, y: 'label', stroke: 'currentColor', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.text(sorted, { x: value, y: 'label', text: (r: Row) => formatNumber(value(r), meta.digits, locale), dx: side.dx(4), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      ...(ref ? [Plot.ruleX([ref.value], { stroke: 'currentColor', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([ref.value], { x: (d: number) => d, frameAnchor: 'top', text: () => ref.label, dy: -2, dx: side.dx(-4), textAnchor: side.before, fontSize: 10, ariaHidden: 'true' })] : []),
      Plot.ruleX([0]),
    ],
  };
}
