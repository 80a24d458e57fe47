import * as Plot from '@observablehq/plot';
import type { NeedAccessRow } from '../queries/needAccessSql';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, type MeasureMeta } from './measureMeta';
import { isNarrowChart } from './narrowChart';
import { paddedDomain } from './paddedDomain';

export interface NeedScatterInput extends ChartLanguage {
  /** Districts, their `name` and `province` already in the interface language. */
  rows: readonly NeedAccessRow[];
  meta: MeasureMeta;
  needLabel: string;
  needIsHigh: boolean;
  needCut: number;
  accessCut: number;
  flagged: ReadonlySet<string>;
  selected: string | null;
  width: number;
  caption: string;
}

/**
 * Districts by need (x) and access (y), sized by population, with the least-squares line and the medians.
 * The shaded corner is "high need, low access"; its districts are labelled.
 */
export function needScatterSpec(i: NeedScatterInput): Plot.PlotOptions {
  const access = (r: NeedAccessRow) => r[i.meta.column] as number;
  const { t, locale } = chartLanguage(i);
  const xs = i.rows.map((r) => r.need);
  const [xmin, xmax] = [Math.min(...xs), Math.max(...xs)];
  const corner = i.needIsHigh ? { x1: i.needCut, x2: xmax } : { x1: xmin, x2: i.needCut };
  // On a phone-width chart a wide frame squeezes the corner into a strip: draw it taller. Its districts sit too close
  // for any name to be read there, so none is drawn: the view lists them in words under the chart.
  const narrow = isNarrowChart(i.width);
  // Label the six worst-served flagged districts only: more labels would overlap in the corner.
  const flagged = i.rows.filter((r) => i.flagged.has(r.region_id)).sort((a, b) => access(a) - access(b)).slice(0, narrow ? 0 : 6);
  return {
    width: i.width,
    height: Math.round(narrow ? i.width * 0.9 : Math.min(560, i.width * 0.62)),
    marginRight: 20,
    caption: i.caption,
    ariaLabel: t('chart.needAria', { measure: i.meta.label, need: i.needLabel }),
    // All districts at one need or one access value: an interval around it, not a collapsed axis.
    x: { label: `${i.needLabel} →`, nice: true, domain: paddedDomain(xs) },
    y: { label: `↑ ${i.meta.short}`, nice: true, zero: true, grid: true, domain: paddedDomain(i.rows.map(access), { zero: true }) },
    r: { range: [3, 14] },
    marks: [
      Plot.rect([0], { x1: corner.x1, x2: corner.x2, y1: 0, y2: i.accessCut, fill: '#d95f02', fillOpacity: 0.1, ariaHidden: 'true' }),
      Plot.text([0], { x: (corner.x1 + corner.x2) / 2, y: 0, text: () => t('chart.highNeedLowAccess'), dy: -8, fill: '#a6460a', fontWeight: 600, ariaHidden: 'true' }),
      Plot.ruleX([i.needCut], { stroke: '#999', strokeDasharray: '3,3', ariaHidden: 'true' }),
      Plot.ruleY([i.accessCut], { stroke: '#999', strokeDasharray: '3,3', ariaHidden: 'true' }),
      // A line needs need values that differ (else the fit divides by zero and draws an invalid path).
      ...(paddedDomain(xs) === undefined && i.rows.length >= 3 ? [Plot.linearRegressionY(i.rows, { x: 'need', y: access, stroke: '#555', ci: 0, ariaHidden: 'true' })] : []),
      Plot.dot(i.rows, {
        x: 'need', y: access, r: 'population', fill: (r: NeedAccessRow) => (i.flagged.has(r.region_id) ? '#d95f02' : '#2c7fb8'),
        fillOpacity: 0.75, stroke: (r: NeedAccessRow) => (r.region_id === i.selected ? '#000' : 'white'),
        strokeWidth: (r: NeedAccessRow) => (r.region_id === i.selected ? 2.5 : 0.8),
        symbol: (r: NeedAccessRow) => (i.flagged.has(r.region_id) ? 'triangle' : 'circle'),
        ariaHidden: 'true',
        channels: { [t('col.district')]: 'name', [t('col.province')]: 'province', [t('col.population')]: (r: NeedAccessRow) => formatNumber(r.population, 0, locale) },
        tip: { format: { x: (d: number) => formatNumber(d, 1, locale), y: (d: number) => formatNumber(d, i.meta.digits, locale), r: false, fill: false, stroke: false, strokeWidth: false, symbol: false } },
      }),
      Plot.text(flagged, { x: 'need', y: access, text: 'name', dy: -10, fontSize: 10, fill: '#7a3306', ariaHidden: 'true' }),
    ],
  };
}
