import * as Plot from '@observablehq/plot';
import type { BoundaryFeature } from '../data/boundaries';
import type { FacilityPoint, MapCell } from '../queries/accessViewSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from '../i18n/format';
import type { MessageKey } from '../i18n/en';

export interface AccessMapInput extends ChartLanguage {
  cells: readonly MapCell[];
  facilities: readonly FacilityPoint[];
  boundaries: readonly BoundaryFeature[] | null;
  /** District ids in scope, to outline them. */
  districtIds: ReadonlySet<string>;
  /** 'distance': value is km (converted to minutes when `minutesPerKm` is set); 'access': capacity per 10,000. */
  colour: 'distance' | 'access';
  minutesPerKm?: number;
  accessUnit: string;
  width: number;
  caption: string;
  /** Facilities whose location failed a plausibility check (outside every boundary or their district): ringed in red. */
  flagged?: ReadonlySet<string>;
}


export const FACILITY_TYPE_LABEL: Record<string, string> = {
  hospital: 'Hospital', health_centre: 'Health centre', clinic: 'Clinic', health_post: 'Health post', pharmacy: 'Pharmacy', mobile_unit: 'Mobile unit',
};
const TYPE_ORDER = ['hospital', 'health_centre', 'clinic', 'health_post', 'pharmacy', 'mobile_unit'];
const TYPE_SYMBOL = ['star', 'square', 'diamond', 'triangle', 'circle', 'cross'];

const KM_BANDS = [1, 2, 5, 10, 20, 50];
const MIN_BANDS = [15, 30, 60, 120, 240];

/**
 * The cells' corners, to fit the projection when no district outlines are in scope. Cells are drawn as rects whose
 * corners are projected: under Mercator a longitude / latitude square stays an axis-aligned rectangle, and Chromium
 * draws 3,600 rects in about a third of the time of as many projected polygons (the geo mark clips and resamples
 * each ring), which is most of the Access view's longest main-thread task on a national grid.
 */
function cellCorners(cells: readonly MapCell[]): GeoJSON.Feature<GeoJSON.MultiPoint> {
  const coordinates = cells.flatMap((c) => [[c.lon, c.lat], [c.lon + c.deg, c.lat + c.deg]]);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } };
}

/**
 * Population on a fine grid coloured by distance to the nearest facility (bands; far is dark red) or by
 * floating-catchment accessibility (5 quantile classes; dark is well served), facilities on top by type.
 */
export function accessMapSpec(i: AccessMapInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(i);
  const typeLabel = (type: string) => (TYPE_ORDER.includes(type) ? t(`ftypeLabel.${type}` as MessageKey) : type);
  const minutes = i.colour === 'distance' && i.minutesPerKm !== undefined;
  const val = (c: MapCell) => {
    const v = c.value;
    return v == null ? null : minutes ? v * i.minutesPerKm! : v;
  };
  const districts = (i.boundaries ?? []).filter((f) => f.properties.level === 2 && i.districtIds.has(f.properties.region_id));
  const domain: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: districts.length ? districts : [cellCorners(i.cells)] };
  const valueLabel = i.colour === 'access' ? i.accessUnit : minutes ? t('chart.minToNearest') : t('chart.kmToNearest');
  const color: Plot.ScaleOptions =
    i.colour === 'access'
      ? { type: 'quantile', n: 5, scheme: 'YlGnBu', legend: true, label: t('chart.withinReach', { unit: i.accessUnit }), tickFormat: (d: number) => formatNumber(d, 1, locale) }
      : { type: 'threshold', domain: minutes ? MIN_BANDS : KM_BANDS, scheme: 'YlOrRd', legend: true, label: minutes ? t('chart.minLegend') : t('chart.kmLegend'), tickFormat: (d: number) => formatTick(d, locale) };
  const types = TYPE_ORDER.filter((t) => i.facilities.some((f) => f.type === t));
  const ringed = i.flagged?.size ? i.facilities.filter((f) => i.flagged!.has(f.facility_id)) : [];
  return {
    width: i.width,
    height: Math.round(i.width * 0.75),
    projection: { type: 'mercator', domain, inset: 6 },
    color,
    symbol: { domain: types.map(typeLabel), range: types.map((type) => TYPE_SYMBOL[TYPE_ORDER.indexOf(type)]), legend: true },
    caption: ringed.length ? `${i.caption} ${t('chart.flaggedRing', { n: formatNumber(ringed.length, 0, locale) })}` : i.caption,
    ariaLabel: t('chart.accessMapAria', { value: valueLabel, n: formatNumber(i.facilities.length, 0, locale) }),
    marks: [
      Plot.rect(i.cells, {
        x1: 'lon',
        x2: (c: MapCell) => c.lon + c.deg,
        y1: 'lat',
        y2: (c: MapCell) => c.lat + c.deg,
        fill: val,
        stroke: val,
        strokeWidth: 0.3,
        ariaHidden: 'true',
        channels: {
          [valueLabel]: { value: val, scale: null },
          [t('chart.people')]: (c: MapCell) => formatNumber(c.population, 0, locale),
        },
        tip: { format: { x1: false, x2: false, y1: false, y2: false, fill: false, stroke: false, [valueLabel]: (d: number) => formatNumber(d, 1, locale) } },
      }),
      Plot.geo(districts, { stroke: '#555', strokeWidth: 0.5, fill: 'none', ariaHidden: 'true' }),
      // Hospitals drawn larger and last, so they stay visible among the many small facilities.
      ...[i.facilities.filter((f) => f.type !== 'hospital'), i.facilities.filter((f) => f.type === 'hospital')].map((data, k) =>
        Plot.dot(data, {
          x: 'lon',
          y: 'lat',
          symbol: (f: FacilityPoint) => typeLabel(f.type),
          r: k === 1 ? 3.5 : 1.5,
          fillOpacity: k === 1 ? 1 : 0.75,
          fill: '#1d2733',
          stroke: 'white',
          strokeWidth: k === 1 ? 0.8 : 0.4,
          ariaHidden: 'true',
          channels: { [t('chart.facility')]: 'name', [t('chart.healthWorkers')]: 'workforce', [t('chart.beds')]: 'beds' },
          tip: { format: { x: false, y: false } },
        }),
      ),
      ...(ringed.length ? [Plot.dot(ringed, { x: 'lon', y: 'lat', r: 7, fill: 'none', stroke: '#c51b1b', strokeWidth: 1.6, ariaHidden: 'true' })] : []),
    ],
  };
}
