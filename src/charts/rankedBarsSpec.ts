import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick, type MeasureMeta } from './measureMeta';

export interface RankedBarsInput extends ChartLanguage {
  rows: readonly DistrictDensityRow[];
  meta: MeasureMeta;
  width: number;
  selected?: string | null;
  caption: string;
  /** A region's name in the interface language. */
  regionName?: (id: string, fallback: string) => string;
}

/** Districts ranked from worst-served (top) to best, with the reference line where one exists. */
export function rankedBarsSpec(input: RankedBarsInput): Plot.PlotOptions {
  const { rows, meta, width, selected, caption, regionName = (_id, name) => name } = input;
  const { t, locale, side } = chartLanguage(input);
  const ref = meta.reference;
  const L = {
    below: ref ? t('chart.below', { ref: ref.label }) : '', atOrAbove: t('chart.atOrAbove'),
    district: t('col.district'), province: t('col.province'), population: t('col.population'),
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
    ...side.bars(110, 48),
    caption,
    ariaLabel: t('chart.rankedAria', { measure: meta.label }),
    x: { label: meta.short, grid: true, nice: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.label), axis: side.yAxis },
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
