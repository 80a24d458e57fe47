import * as Plot from '@observablehq/plot';
import type { BoundaryFeature } from '../data/boundaries';
import type { LatLonGrid } from '../metrics/frictionSurface';
import { formatNumber } from './measureMeta';

export interface UnservedMapInput {
  grid: LatLonGrid;
  /** People per grid cell nobody served (capacity-limited coverage's residual). */
  residual: Float64Array;
  boundaries: readonly BoundaryFeature[] | null;
  districtIds: ReadonlySet<string>;
  width: number;
  caption: string;
  ariaLabel: string;
  /** Tip and legend words. */
  unservedLabel: string;
  locale?: string;
}

/** Blocks of grid cells so that at most ~90 blocks span the map: a few thousand dots, never one per cell (design.md). */
export function unservedBlocks(grid: LatLonGrid, residual: Float64Array, across = 90): { lon: number; lat: number; people: number }[] {
  const k = Math.max(1, Math.ceil(grid.width / across));
  const bw = Math.ceil(grid.width / k);
  const sums = new Float64Array(bw * Math.ceil(grid.height / k));
  for (let cell = 0; cell < residual.length; cell++) {
    if (residual[cell] > 0) sums[Math.floor(Math.floor(cell / grid.width) / k) * bw + Math.floor((cell % grid.width) / k)] += residual[cell];
  }
  const out: { lon: number; lat: number; people: number }[] = [];
  sums.forEach((people, b) => {
    if (people >= 0.5) out.push({ lon: grid.west + ((b % bw) + 0.5) * k * grid.cellLonDeg, lat: grid.north - (Math.floor(b / bw) + 0.5) * k * grid.cellLatDeg, people });
  });
  return out;
}

/** Where the people no facility's capacity covers live: dots sized by people, over the district outlines. */
export function unservedMapSpec(i: UnservedMapInput): Plot.PlotOptions {
  const g = i.grid;
  const east = g.west + g.width * g.cellLonDeg, south = g.north - g.height * g.cellLatDeg;
  const cos = Math.cos((((g.north + south) / 2) * Math.PI) / 180);
  const blocks = unservedBlocks(g, i.residual);
  const districts = (i.boundaries ?? []).filter((f) => f.properties.level === 2 && i.districtIds.has(f.properties.region_id));
  const locale = i.locale ?? 'en';
  return {
    width: i.width,
    height: Math.round(((i.width - 20) * (g.north - south)) / ((east - g.west) * cos)) + 50,
    marginLeft: 10, marginRight: 10, marginTop: 10, marginBottom: 40,
    x: { domain: [g.west, east], axis: null },
    y: { domain: [south, g.north], axis: null },
    r: { range: [0, 9], legend: true, label: i.unservedLabel, tickFormat: (d: number) => formatNumber(d, 0, locale) } as Plot.ScaleOptions,
    caption: i.caption,
    ariaLabel: i.ariaLabel,
    marks: [
      Plot.geo(districts, { stroke: '#333', strokeWidth: 0.4, strokeOpacity: 0.6, fill: 'none', ariaHidden: 'true' }),
      Plot.dot(blocks, { x: 'lon', y: 'lat', r: 'people', fill: '#c2410c', fillOpacity: 0.6, stroke: 'none', ariaHidden: 'true' }),
    ],
  };
}
