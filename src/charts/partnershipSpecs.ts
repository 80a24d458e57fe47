import * as Plot from '@observablehq/plot';
import type { PartnerFacilityRow } from '../queries/partnershipsSql';
import { formatNumber } from './measureMeta';

/** Partner-linked facilities as dots sized by their number of partnerships, to lay over the gap map. */
export function partnerFacilityMarks(rows: readonly PartnerFacilityRow[]): Plot.Markish[] {
  return [
    Plot.dot(rows, {
      x: 'lon', y: 'lat', r: 'partnerships', fill: '#d62728', fillOpacity: 0.7, stroke: 'white', strokeWidth: 0.8, ariaHidden: 'true',
      channels: { Facility: 'facility_name', Partnerships: 'partnerships', Partners: 'partners' },
      tip: { format: { x: false, y: false, r: false } },
    }),
  ];
}

/** Horizontal bars: how many partnerships of each kind. */
export function countBarsSpec(rows: readonly { key: string; n: number }[], label: string, width: number, caption: string): Plot.PlotOptions {
  const sorted = [...rows].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  return {
    width,
    height: 30 + sorted.length * 24,
    marginLeft: 110,
    marginRight: 40,
    caption,
    ariaLabel: `Bar chart: partnerships by ${label}`,
    x: { label: 'Partnerships', grid: true },
    y: { label: null, domain: sorted.map((r) => r.key) },
    marks: [
      Plot.barX(sorted, { x: 'n', y: 'key', fill: '#6a51a3', ariaHidden: 'true', tip: true }),
      Plot.text(sorted, { x: 'n', y: 'key', text: (r: { n: number }) => formatNumber(r.n), dx: 4, textAnchor: 'start', fontSize: 11, ariaHidden: 'true' }),
      Plot.ruleX([0]),
    ],
  };
}
