import * as Plot from '@observablehq/plot';
import type { BoundaryFeature } from '../data/boundaries';
import { formatNumber, formatPercent } from '../i18n/format';
import { chartLanguage, type ChartLanguage } from './direction';

export interface PlanMapDistrict {
  region_id: string;
  name: string;
  /** Share within the threshold, 0..1, today and in the scenario (null: no scenario). */
  before: number | null;
  after: number | null;
}

export interface PlanMapPoint { lat: number; lon: number; label: string }

export interface PlanMapInput extends ChartLanguage {
  districts: readonly PlanMapDistrict[];
  boundaries: readonly BoundaryFeature[] | null;
  /** Existing facilities, drawn small and grey for context. */
  facilities: readonly { lat: number; lon: number }[];
  added: readonly PlanMapPoint[];
  upgraded: readonly PlanMapPoint[];
  outreach: readonly (PlanMapPoint & { radiusKm: number })[];
  /** Sites proposed by the optimal placement, in the order chosen. */
  proposed: readonly PlanMapPoint[];
  selected: string | null;
  thresholdKm: number;
  width: number;
  caption: string;
}

/** A circle of `km` around a point as a clockwise lon/lat ring (d3-geo: counter-clockwise = the rest of the sphere). */
export function circleRing(lat: number, lon: number, km: number, n = 48): GeoJSON.Feature<GeoJSON.Polygon> {
  const dLat = (km / 6371) * (180 / Math.PI);
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const t = (-2 * Math.PI * k) / n; // clockwise
    ring.push([lon + dLon * Math.cos(t), lat + dLat * Math.sin(t)]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * Districts coloured by the gain in the share of people within the threshold (percentage points; today's share
 * when there is no scenario), with the scenario's facilities, mobile-clinic radii and proposed sites on top.
 */
export function planMapSpec(i: PlanMapInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(i);
  const num = (x: number, d = 0) => formatNumber(x, d, locale);
  const byId = new Map(i.districts.map((d) => [d.region_id, d]));
  const districts = (i.boundaries ?? []).filter((f) => f.properties.level === 2 && byId.has(f.properties.region_id));
  const scenario = i.districts.some((d) => d.after != null);
  const value = (f: BoundaryFeature) => {
    const d = byId.get(f.properties.region_id);
    if (!d || d.before == null) return null;
    return scenario ? 100 * ((d.after ?? d.before) - d.before) : 100 * d.before;
  };
  const domain: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: districts };
  const label = t(scenario ? 'plan.map.legendGain' : 'plan.map.legendToday', { km: num(i.thresholdKm) });
  const color: Plot.ScaleOptions = scenario
    ? { type: 'threshold', domain: [0.05, 1, 2, 5, 10], range: ['#f2f2f2', '#d9f0d3', '#a6dba0', '#5aae61', '#1b7837', '#00441b'], legend: true, label, tickFormat: (d: number) => num(d, d < 1 ? 2 : 0) }
    : { type: 'threshold', domain: [25, 50, 75, 90], scheme: 'RdYlBu', legend: true, label, tickFormat: (d: number) => num(d) };
  const name = (f: BoundaryFeature) => byId.get(f.properties.region_id)?.name ?? f.properties.name;
  const pct = (v: number | null | undefined) => (v == null ? '–' : formatPercent(100 * v, 1, locale));
  return {
    width: i.width,
    height: Math.round(i.width * 0.72),
    projection: { type: 'mercator', domain, inset: 8 },
    color,
    caption: i.caption,
    ariaLabel: t('plan.map.aria', { label, added: num(i.added.length), upgraded: num(i.upgraded.length), outreach: num(i.outreach.length), proposed: num(i.proposed.length) }),
    marks: [
      Plot.geo(districts, {
        fill: value,
        // With a scenario most districts gain nothing (near-white fill): grey borders keep the country readable.
        stroke: scenario ? '#999' : 'white',
        strokeWidth: 0.6,
        ariaHidden: 'true',
        channels: {
          [t('col.district')]: name,
          [t('plan.compare.today')]: (f: BoundaryFeature) => pct(byId.get(f.properties.region_id)?.before),
          ...(scenario ? { [t('plan.map.scenario')]: (f: BoundaryFeature) => pct(byId.get(f.properties.region_id)?.after) } : {}),
        },
        tip: { format: { fill: false } },
      }),
      Plot.dot(i.facilities, { x: 'lon', y: 'lat', r: 1, fill: '#555', fillOpacity: 0.45, ariaHidden: 'true' }),
      Plot.geo(i.outreach.map((o) => circleRing(o.lat, o.lon, o.radiusKm)), { fill: '#7b3294', fillOpacity: 0.12, stroke: '#7b3294', strokeDasharray: '4,2', ariaHidden: 'true' }),
      Plot.dot(i.outreach, { x: 'lon', y: 'lat', symbol: 'cross', r: 6, fill: '#7b3294', stroke: 'white', strokeWidth: 0.8, ariaHidden: 'true' }),
      Plot.dot(i.upgraded, { x: 'lon', y: 'lat', r: 7, stroke: '#d95f02', strokeWidth: 2.5, fill: 'none', ariaHidden: 'true' }),
      Plot.dot(i.added, { x: 'lon', y: 'lat', symbol: 'square', r: 6, fill: '#d95f02', stroke: 'white', strokeWidth: 1, ariaHidden: 'true' }),
      Plot.dot(i.proposed, { x: 'lon', y: 'lat', symbol: 'star', r: 8, fill: '#0b62a4', stroke: 'white', strokeWidth: 1, ariaHidden: 'true' }),
      Plot.text(i.proposed, { x: 'lon', y: 'lat', text: (_: PlanMapPoint, k: number) => num(k + 1), dy: -13, fontWeight: 'bold', fill: '#0b62a4', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' }),
      Plot.text([...i.added, ...i.outreach, ...i.upgraded], { x: 'lon', y: 'lat', text: 'label', dx: 9, textAnchor: 'start', fontSize: 10, fill: '#222', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' }),
      ...(i.selected ? [Plot.geo(districts.filter((f) => f.properties.region_id === i.selected), { stroke: '#d62728', strokeWidth: 2.5, fill: 'none', ariaHidden: 'true' })] : []),
    ],
  };
}
