import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, type MeasureMeta } from './measureMeta';
import { quantileBreaks } from './quantileBreaks';

export type { BoundaryFeature } from '../data/boundaries';
import type { BoundaryFeature } from '../data/boundaries';

export interface ChoroplethInput extends ChartLanguage {
  rows: readonly DistrictDensityRow[];
  boundaries: readonly BoundaryFeature[];
  meta: MeasureMeta;
  width: number;
  selected?: string | null;
  caption: string;
  /** Marks drawn over the districts (e.g. partner-linked facilities). */
  overlay?: Plot.Markish[];
  /** A region's name in the interface language. */
  regionName?: (id: string, fallback: string) => string;
}

/** Districts coloured by a density measure (5 quantile classes, so the worst fifth stands out), provinces outlined. */
export function choroplethSpec(input: ChoroplethInput): Plot.PlotOptions {
  const { rows, boundaries, meta, width, selected, caption, overlay = [], regionName = (_id, name) => name } = input;
  const { t, locale } = chartLanguage(input);
  const L = { district: t('col.district'), province: t('col.province'), population: t('col.population') };
  const byId = new Map(rows.map((r) => [r.region_id, r]));
  const districts = boundaries.filter((f) => f.properties.level === 2 && byId.has(f.properties.region_id));
  const provinceIds = new Set(rows.map((r) => r.province_id));
  const provinces = boundaries.filter((f) => f.properties.level === 1 && provinceIds.has(f.properties.region_id));
  const value = (f: BoundaryFeature) => byId.get(f.properties.region_id)?.[meta.column] ?? null;
  const focus: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: districts };
  return {
    width,
    height: Math.round(width * 0.72),
    projection: { type: 'mercator', domain: focus, inset: 8 },
    // Equal-count classes (the worst fifth stands out), as breaks so that tied values do not make empty classes.
    color: { type: 'threshold', domain: quantileBreaks(rows.map((r) => r[meta.column]), 5), scheme: 'YlGnBu', legend: true, label: meta.short, tickFormat: (d: number) => formatNumber(d, meta.digits, locale) },
    caption,
    ariaLabel: t('chart.mapAria', { measure: meta.label }),
    marks: [
      // A district with no value (the measure is not known for enough of its facilities) is drawn pale grey and hatched
      // by its outline only: never in the scale's lowest colour, which would read as the worst-served.
      Plot.geo(districts.filter((f) => value(f) == null), { fill: '#eeeeee', stroke: '#999', strokeWidth: 0.6, strokeDasharray: '2,2', ariaHidden: 'true' }),
      Plot.geo(districts.filter((f) => value(f) != null), {
        fill: value,
        stroke: 'white',
        strokeWidth: 0.6,
        ariaHidden: 'true',
        channels: {
          [L.district]: (f: BoundaryFeature) => regionName(f.properties.region_id, f.properties.name),
          [L.province]: (f: BoundaryFeature) => {
            const r = byId.get(f.properties.region_id);
            return r ? regionName(r.province_id, r.province) : '';
          },
          [meta.short]: { value, scale: null },
          [L.population]: (f: BoundaryFeature) => formatNumber(byId.get(f.properties.region_id)?.population, 0, locale),
        },
        tip: { format: { fill: false, [meta.short]: (d: number) => formatNumber(d, meta.digits, locale) } },
      }),
      Plot.geo(provinces, { stroke: '#333', strokeWidth: 1.4, fill: 'none', ariaHidden: 'true' }),
      ...overlay,
      ...(selected ? [Plot.geo(districts.filter((f) => f.properties.region_id === selected), { stroke: '#d62728', strokeWidth: 3, fill: 'none', ariaHidden: 'true' })] : []),
    ],
  };
}
