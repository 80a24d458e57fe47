import * as Plot from '@observablehq/plot';
import type { BoundaryFeature } from '../data/boundaries';
import type { BarrierShape, LandCoverArea, RoadLine } from '../data/travelLayers';
import type { LatLonGrid } from '../metrics/frictionSurface';
import { formatTick } from '../i18n/format';
import { chartLanguage, type ChartLanguage } from './direction';

export interface TravelTimeMapInput extends ChartLanguage {
  grid: LatLonGrid;
  /** Minutes per cell, row-major from the north-west; Infinity = unreached. */
  minutes: Float32Array;
  /** NaN = water (drawn by the barrier shapes, left transparent in the raster). */
  friction: Float32Array;
  /** 1 per grid cell where people live: the map leaves out what lies far from everyone. */
  inhabited?: Uint8Array;
  boundaries: readonly BoundaryFeature[] | null;
  districtIds: ReadonlySet<string>;
  roads: readonly RoadLine[];
  barriers: readonly BarrierShape[];
  /** Ground that slows walkers (hills, forests): outlined, not filled, so the minutes stay readable under it. */
  landCover?: readonly LandCoverArea[];
  width: number;
  caption: string;
}

/** Colour bands of the map: the thresholds the table reports, and 4 hours. */
export const TIME_BANDS = [30, 60, 120, 240];
/** Raster value for cells no facility reaches (beyond barriers with no bridge): darker than the last band. */
const UNREACHED = 1e6;
const MAX_RASTER_COLUMNS = 450;
const ROAD_WIDTH: Record<string, number> = { primary: 1.6, trunk: 1.6, secondary: 1.1, tertiary: 0.7 };
/** Outline width by land-cover class: the slower the ground, the heavier its line. */
const GROUND_WIDTH: Record<string, number> = { dense_vegetation: 1.6, medium_vegetation: 1.1, low_vegetation: 0.7 };

/**
 * The surface at a stride (every k-th cell both ways) so the image stays about 450 pixels wide. With `inhabited`
 * (1 per grid cell where people live), pixels farther than `reachCells` grid cells from any inhabited cell are left
 * out (transparent): the rectangle around the country is not coloured as if anyone lived there.
 */
export function rasterValues(grid: LatLonGrid, minutes: Float32Array, friction: Float32Array, inhabited?: Uint8Array, reachCells = 5): { values: Float32Array; width: number; height: number } {
  const k = Math.max(1, Math.ceil(grid.width / MAX_RASTER_COLUMNS));
  const width = Math.ceil(grid.width / k), height = Math.ceil(grid.height / k);
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const cell = r * k * grid.width + c * k;
      values[r * width + c] = Number.isNaN(friction[cell]) ? NaN : minutes[cell] === Infinity ? UNREACHED : minutes[cell];
    }
  }
  if (inhabited) {
    const near = new Uint8Array(width * height);
    for (let cell = 0; cell < inhabited.length; cell++) if (inhabited[cell]) near[Math.floor(Math.floor(cell / grid.width) / k) * width + Math.floor((cell % grid.width) / k)] = 1;
    const d = Math.ceil(reachCells / k);
    // Dilate by d pixels (a square), rows then columns.
    const rows = new Uint8Array(width * height);
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if (near[r * width + c]) for (let x = Math.max(0, c - d); x <= Math.min(width - 1, c + d); x++) rows[r * width + x] = 1;
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < height; r++) {
        let any = 0;
        for (let y = Math.max(0, r - d); y <= Math.min(height - 1, r + d) && !any; y++) any = rows[y * width + c];
        if (!any) values[r * width + c] = NaN;
      }
    }
  }
  return { values, width, height };
}

/**
 * Travel time to the nearest facility as a raster on longitude / latitude axes (plate carrée, with the height set by
 * the cosine of the middle latitude so a kilometre is as long across as up), with district outlines, roads and water.
 */
export function travelTimeMapSpec(i: TravelTimeMapInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(i);
  const g = i.grid;
  const east = g.west + g.width * g.cellLonDeg, south = g.north - g.height * g.cellLatDeg;
  const cos = Math.cos((((g.north + south) / 2) * Math.PI) / 180);
  const { values, width, height } = rasterValues(g, i.minutes, i.friction, i.inhabited);
  const districts = (i.boundaries ?? []).filter((f) => f.properties.level === 2 && i.districtIds.has(f.properties.region_id));
  const water = { type: 'FeatureCollection' as const, features: i.barriers.map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry })) };
  const lakes = water.features.filter((f) => f.geometry.type.endsWith('Polygon'));
  const rivers = water.features.filter((f) => f.geometry.type.endsWith('LineString'));
  const plotWidth = i.width;
  const plotHeight = Math.round(((plotWidth - 20) * (g.north - south)) / ((east - g.west) * cos)) + 50;
  return {
    width: plotWidth,
    height: plotHeight,
    marginLeft: 10, marginRight: 10, marginTop: 10, marginBottom: 40,
    x: { domain: [g.west, east], axis: null },
    y: { domain: [south, g.north], axis: null },
    color: {
      type: 'threshold', domain: TIME_BANDS, range: ['#1a9850', '#a6d96a', '#fee08b', '#f46d43', '#a50026'],
      // null, not a colour: Plot's raster leaves such pixels transparent (water, and land far from anyone).
      unknown: null,
      legend: true, label: t('tt.legend'), tickFormat: (d: number) => formatTick(d, locale),
    },
    caption: i.caption,
    ariaLabel: t('tt.mapAria'),
    marks: [
      Plot.raster(values, { width, height, x1: g.west, x2: east, y1: g.north, y2: south, imageRendering: 'pixelated', ariaHidden: 'true' }),
      Plot.geo((i.landCover ?? []).filter((a) => GROUND_WIDTH[a.class]).map((a) => ({ type: 'Feature' as const, properties: { cls: a.class }, geometry: a.geometry })), {
        stroke: '#1b5e20', strokeDasharray: '4,3', fill: 'none', strokeWidth: (f: { properties: { cls: string } }) => GROUND_WIDTH[f.properties.cls], ariaHidden: 'true',
      }),
      Plot.geo(lakes, { fill: '#6baed6', stroke: '#2171b5', strokeWidth: 0.6, ariaHidden: 'true' }),
      Plot.geo(rivers, { stroke: '#2171b5', strokeWidth: 1.8, ariaHidden: 'true' }),
      Plot.geo(districts, { stroke: '#333', strokeWidth: 0.4, strokeOpacity: 0.6, fill: 'none', ariaHidden: 'true' }),
      Plot.geo(i.roads.map((r) => ({ type: 'Feature' as const, properties: { cls: r.class }, geometry: r.geometry })), {
        stroke: '#222', strokeWidth: (f: { properties: { cls: string } }) => ROAD_WIDTH[f.properties.cls] ?? 0.5, ariaHidden: 'true',
      }),
    ],
  };
}
