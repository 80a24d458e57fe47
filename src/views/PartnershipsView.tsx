import { useMemo } from 'react';
import { choroplethSpec } from '../charts/choroplethSpec';
import { MEASURE_META, formatNumber } from '../charts/measureMeta';
import { countBarsSpec, partnerFacilityMarks } from '../charts/partnershipSpecs';
import { PlotFigure } from '../charts/PlotFigure';
import { ExportMenu } from '../components/ExportMenu';
import { MeasurePicker } from '../components/MeasurePicker';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { PARTNER_TYPES, PROGRAMMES } from '../data/contract';
import {
  partnerFacilitiesQuery, partnershipCountsQuery, partnershipDistrictsQuery,
  type PartnerFacilityRow, type PartnershipDistrictRow, type PartnershipFilters,
} from '../queries/partnershipsSql';
import { facilityFiltersOf } from '../state/facilityFilters';
import { useDataset } from '../state/useDataset';
import { useQuery } from '../state/useQuery';
import type { ViewProps } from './viewRegistry';

const NEEDS = ['regions', 'facilities', 'partnerships'] as const;
const label = (s: string) => s.replace(/_/g, ' ');

/** Do partnerships go where the gaps are? */
export function PartnershipsView({ view, scope, onChange }: ViewProps) {
  const { boundaries, synthetic } = useDataset();
  const e = view.extra;
  const f: PartnershipFilters = {
    province: view.province,
    ...facilityFiltersOf(view),
    year: /^\d{4}$/.test(e.active ?? '') ? Number(e.active) : null,
    partnerType: (PARTNER_TYPES as readonly string[]).includes(e.partner) ? e.partner : null,
    programme: (PROGRAMMES as readonly string[]).includes(e.programme) ? e.programme : null,
    measure: view.measure,
  };
  const key = JSON.stringify(f);
  const districtsQ = useMemo(() => partnershipDistrictsQuery(f), [key]);
  const districts = useQuery<PartnershipDistrictRow>(districtsQ, NEEDS);
  const counts = useQuery<{ partner_type: string; programme: string; n: number }>(useMemo(() => partnershipCountsQuery(f), [key]), NEEDS);
  const facilities = useQuery<PartnerFacilityRow>(useMemo(() => partnerFacilitiesQuery(f), [key]), NEEDS);
  const set = (k: string, v: string) => onChange({ extra: { ...e, [k]: v } });
  const meta = MEASURE_META[view.measure];
  const source = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; partnerships and facilities tables.`;

  const rows = districts.status === 'ready' ? districts.rows : [];
  const total = rows.reduce((s, r) => s + r.partnerships, 0);
  const under = rows.filter((r) => r.underserved);
  const underPartnerships = under.reduce((s, r) => s + r.partnerships, 0);
  const popAll = rows.reduce((s, r) => s + r.population, 0);
  const popUnder = under.reduce((s, r) => s + r.population, 0);
  const share = total ? underPartnerships / total : 0;
  const popShare = popAll ? popUnder / popAll : 0;
  const headline = rows.length
    ? `${formatNumber(100 * share, 0)}% of these ${formatNumber(total)} partnerships reach the fifth of districts with the fewest ${meta.short.toLowerCase().replace(' / 10k', '')} per 10,000, home to ${formatNumber(100 * popShare, 0)}% of the people${share < popShare ? ': partnerships are not going where the gaps are.' : '.'}`
    : '';

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [typeRef, typeWidth] = useElementWidth<HTMLDivElement>();
  const countRows = counts.status === 'ready' ? counts.rows : [];
  const byKey = (k: 'partner_type' | 'programme') => Object.entries(countRows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [label(r[k])]: (acc[label(r[k])] ?? 0) + r.n }), {})).map(([key, n]) => ({ key, n }));
  const facilityRows = facilities.status === 'ready' ? facilities.rows : [];
  const mapSpec = useMemo(() => (boundaries?.length && rows.length && mapWidth
    ? choroplethSpec({ rows, boundaries, meta, width: mapWidth, selected: view.district, caption: `${source} Red dots: facilities with partnerships, sized by their number.`, overlay: partnerFacilityMarks(facilityRows) })
    : null), [rows, boundaries, meta, mapWidth, view.district, facilityRows, source]);
  const typeSpec = useMemo(() => (countRows.length && typeWidth ? countBarsSpec(byKey('partner_type'), 'partner type', typeWidth, source) : null), [countRows, typeWidth]);
  const progSpec = useMemo(() => (countRows.length && typeWidth ? countBarsSpec(byKey('programme'), 'programme', typeWidth, source) : null), [countRows, typeWidth]);

  return (
    <>
      <div className="view-controls">
        <MeasurePicker value={view.measure} onChange={(measure) => onChange({ measure })} />
        <label className="picker">Active in year
          <select value={f.year ?? ''} onChange={(ev) => set('active', ev.target.value)} data-testid="partner-year">
            <option value="">Any year</option>
            {Array.from({ length: 2030 - 2008 + 1 }, (_, k) => 2030 - k).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="picker">Partner type
          <select value={f.partnerType ?? ''} onChange={(ev) => set('partner', ev.target.value)} data-testid="partner-type">
            <option value="">All partners</option>
            {PARTNER_TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
          </select>
        </label>
        <label className="picker">Programme
          <select value={f.programme ?? ''} onChange={(ev) => set('programme', ev.target.value)} data-testid="partner-programme">
            <option value="">All programmes</option>
            {PROGRAMMES.map((p) => <option key={p} value={p}>{label(p)}</option>)}
          </select>
        </label>
      </div>
      {headline && <p className="summary" data-testid="partner-headline">{headline}</p>}
      <div className="grid-2">
        <Panel title={`Partnerships over the gap map, ${scope}`} subtitle={`Districts coloured by ${meta.label.toLowerCase()}; darker is better served.`} state={districts} testId="partner-map-panel">
          <div ref={mapRef}>{mapSpec && <PlotFigure options={mapSpec} testId="partner-map" />}</div>
        </Panel>
        <Panel title="Who partners, and how" subtitle="Partnerships by partner type and by programme" state={counts} empty="No partnership matches these filters." testId="partner-counts-panel">
          <div ref={typeRef}>
            {typeSpec && <PlotFigure options={typeSpec} testId="partner-type-bars" />}
            {progSpec && <PlotFigure options={progSpec} testId="partner-programme-bars" />}
          </div>
        </Panel>
      </div>
      <Panel title="Districts: partnerships against access" subtitle="▲ marks the worst-served fifth of districts" state={districts} testId="partner-table-panel"
        actions={<ExportMenu query={districtsQ} title={`Partnerships by district, ${scope}`} fileBase="partnerships-by-district" filters={f as unknown as Record<string, unknown>} />}>
        <div className="table-scroll">
          <table className="data-table" data-testid="partner-table">
            <thead><tr><th>District</th><th>Province</th><th className="num">Population</th><th className="num">{meta.short}</th><th className="num">Partnerships</th><th className="num">per 100,000 people</th><th>Worst-served fifth</th></tr></thead>
            <tbody>
              {[...rows].sort((a, b) => a[meta.column] - b[meta.column]).map((r) => (
                <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === view.district} className={r.region_id === view.district ? 'selected' : undefined}
                  onClick={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>
                  <td>{r.name}</td><td>{r.province}</td><td className="num">{formatNumber(r.population)}</td>
                  <td className="num">{formatNumber(r[meta.column], meta.digits)}</td><td className="num">{formatNumber(r.partnerships)}</td>
                  <td className="num">{formatNumber((1e5 * r.partnerships) / r.population, 1)}</td><td>{r.underserved ? '▲ yes' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
