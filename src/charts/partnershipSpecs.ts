import * as Plot from '@observablehq/plot';
import type { PartnerFacilityRow } from '../queries/partnershipsSql';
import { sides, type ChartLocale } from './direction';
import { formatNumber } from './measureMeta';

/** Partner-linked facilities as dots sized by their number of partnerships, to lay over the gap map. */
export function partnerFacilityMarks(
  rows: readonly PartnerFacilityRow[],
  L: { facility: string; partnerships: string; partners: string } = { facility: 'Facility', partnerships: 'Partnerships', partners: 'Partners' },
): Plot.Markish[] {
  return [
    Plot.dot(rows, {
      x: 'lon', y: 'lat', r: 'partnerships', fill: '#d62728', fillOpacity: 0.7, stroke: 'white', strokeWidth: 0.8, ariaHidden: 'true',
      channels: { [L.facility]: 'facility_name', [L.partnerships]: 'partnerships', [L.partners]: 'partners' },
      tip: { format: { x: false, y: false, r: false } },
    }),
  ];
}

/** Horizontal bars: how many partnerships of each kind. */
export function countBarsSpec(
  rows: readonly { key: string; n: number }[], label: string | { aria: string; x: string }, width: number, caption: string, loc?: ChartLocale,
): Plot.PlotOptions {
  const L = typeof label === 'string' ? { aria: `Bar chart: partnerships by ${label}`, x: 'Partnerships' } : label;
  const side = sides(loc);
  const locale = loc?.locale ?? 'en';
  const sorted = [...rows].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  return {
    width,
    height: 30 + sorted.length * 24,
    ...side.barScales(110, 40, { label: L.x }, sorted.map((r) => r.key)),
    caption,
    ariaLabel: L.aria,
    marks: [
      Plot.barX(sorted, { x: 'n', y: 'key', fill: '#6a51a3', ariaHidden: 'true', tip: true }),
      Plot.text(sorted, { x: 'n', y: 'key', text: (r: { n: number }) => formatNumber(r.n, 0, locale), dx: side.dx(4), textAnchor: side.after, fontSize: 11, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
