import { useMemo } from 'react';
import { choroplethSpec, type BoundaryFeature } from '../charts/choroplethSpec';
import { MEASURE_META, formatNumber } from '../charts/measureMeta';
import { PlotFigure } from '../charts/PlotFigure';
import { rankedBarsSpec } from '../charts/rankedBarsSpec';
import { DistrictTable } from '../components/DistrictTable';
import { ExportMenu } from '../components/ExportMenu';
import { KpiCards } from '../components/KpiCards';
import { MeasurePicker } from '../components/MeasurePicker';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { districtDensityQuery, kpiQuery, type DistrictDensityRow, type KpiRow } from '../queries/overviewSql';
import { facilityFiltersOf } from '../state/facilityFilters';
import { useDataset } from '../state/useDataset';
import { useQuery } from '../state/useQuery';
import type { ViewProps } from './viewRegistry';

const NEEDS = ['regions', 'facilities'] as const;

/** The first page: headline numbers, the gap map, the district ranking and the district table. */
export function OverviewView({ view, scope, onChange }: ViewProps) {
  const { boundaries, synthetic } = useDataset();
  const filters = { province: view.province, ...facilityFiltersOf(view) };
  const filterKey = JSON.stringify(filters);
  const kpi = useQuery<KpiRow>(useMemo(() => kpiQuery(filters), [filterKey]), NEEDS);
  const districtQuery = useMemo(() => districtDensityQuery(filters), [filterKey]);
  const districts = useQuery<DistrictDensityRow>(districtQuery, NEEDS);
  const meta = MEASURE_META[view.measure];
  const source = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; facilities table and district populations.`;
  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [barRef, barWidth] = useElementWidth<HTMLDivElement>();
  const rows = districts.status === 'ready' || districts.status === 'loading' ? districts.rows ?? [] : [];

  // The map needs boundaries for at least one district in scope; otherwise the ranking and table carry the data.
  const mapped = useMemo(() => {
    const ids = new Set(rows.map((r) => r.region_id));
    return boundaries?.some((f) => f.properties.level === 2 && ids.has(f.properties.region_id)) ?? false;
  }, [rows, boundaries]);
  const mapSpec = useMemo(
    () => (boundaries && mapped && mapWidth ? choroplethSpec({ rows, boundaries, meta, width: mapWidth, selected: view.district, caption: source }) : null),
    [rows, boundaries, mapped, meta, mapWidth, view.district, source],
  );
  const barSpec = useMemo(
    () => (rows.length && barWidth ? rankedBarsSpec({ rows, meta, width: barWidth, selected: view.district, caption: source }) : null),
    [rows, meta, barWidth, view.district, source],
  );
  const worst = [...rows].sort((a, b) => a[meta.column] - b[meta.column]).slice(0, 3);
  const summary = worst.length
    ? `Lowest ${meta.short.toLowerCase()}: ${worst.map((w) => `${w.name} (${formatNumber(w[meta.column], meta.digits)})`).join(', ')}.`
    : '';

  return (
    <>
      <Panel title={`Headline figures, ${scope}`} state={kpi} testId="kpi-panel">
        {(kpi.status === 'ready' || kpi.status === 'loading') && kpi.rows?.[0] && <KpiCards kpi={kpi.rows[0]} scope={scope} />}
      </Panel>
      {summary && <p className="summary" data-testid="worst-summary" aria-live="polite">{summary}</p>}
      <div className="view-controls"><MeasurePicker value={view.measure} onChange={(measure) => onChange({ measure })} /></div>
      <div className="grid-2">
        <Panel title={`Where is the gap? ${meta.label}`} subtitle="Districts in five equal-count classes; darker is better served. Hover for values; click a district to select it everywhere." state={districts} testId="map-panel" id="overview-map">
          <div ref={mapRef}>{mapSpec ? <PlotFigure options={mapSpec} testId="choropleth" onSelect={(f) => onChange({ district: (f as BoundaryFeature).properties.region_id })} /> : boundaries && rows.length > 0 && !mapped ? <p className="panel-status">No boundaries loaded for these districts: see the ranking and the table. Load GeoJSON or TopoJSON keyed by region_id to draw the map.</p> : null}</div>
        </Panel>
        <Panel title={`Districts ranked: ${meta.short}`} subtitle={meta.reference ? `Dashed line: ${meta.reference.label}` : 'Worst-served first'} state={districts} testId="bars-panel" id="overview-bars">
          <div ref={barRef}>{barSpec && <PlotFigure options={barSpec} testId="ranked-bars" onSelect={(r) => onChange({ district: (r as DistrictDensityRow).region_id })} />}</div>
        </Panel>
      </div>
      <Panel title="Districts" subtitle={`${rows.length} districts · click a column to sort, a row to highlight it on the map`} state={districts} testId="table-panel"
        actions={<ExportMenu query={districtQuery} title={`District access densities, ${scope}`} fileBase="districts" filters={filters} />}>
        <DistrictTable rows={rows} selected={view.district} onSelect={(district) => onChange({ district })} />
      </Panel>
    </>
  );
}
