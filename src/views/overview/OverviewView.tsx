import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import { choroplethSpec, type BoundaryFeature } from '../../charts/choroplethSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { rankedBarsSpec } from '../../charts/rankedBarsSpec';
import { AltTable } from '../../components/AltTable';
import { DistrictTable } from '../../components/DistrictTable';
import { ExportMenu } from '../../components/ExportMenu';
import { KpiCards } from '../../components/KpiCards';
import { MeasurePicker, useHeldMeasure } from '../../components/MeasurePicker';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { useI18n } from '../../i18n/I18nContext';
import { kpiOf } from '../../metrics/kpi';
import { MIN_KNOWN_SHARE } from '../../metrics/knownShare';
import { districtDensityQuery, type DistrictDensityRow } from '../../queries/overviewSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useDataset } from '../../state/useDataset';
import { rowsOf, useQuery } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';

const NEEDS = ['regions', 'facilities'] as const;

/** The first page: headline numbers, the gap map, the district ranking and the district table. */
export function OverviewView({ view, scope, onChange }: ViewProps) {
  const { boundaries } = useDataset('boundaries');
  const sourceLabel = useSourceLabel();
  const { t, num, pct, region, locale, dir, lang } = useI18n();
  const filters = useStable({ province: view.province, ...facilityFiltersOf(view) });
  const districtQuery = useMemo(() => districtDensityQuery(filters), [filters]);
  const districts = useQuery<DistrictDensityRow>(districtQuery, NEEDS);
  // Only a measure the data hold is mapped and ranked; an absent one is named as such, never drawn as zeros.
  const { measure, unheld, offered } = useHeldMeasure(view.measure);
  const meta = useMeasureMeta(measure);
  const source = t('source.overview', { source: sourceLabel });
  const loc = useMemo(() => ({ locale, rtl: dir === 'rtl' }), [locale, dir]);
  const name = (r: DistrictDensityRow) => region(r.region_id, r.name);
  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [barRef, barWidth] = useElementWidth<HTMLDivElement>();
  const shown = rowsOf(districts);
  const rows = useMemo(() => shown ?? [], [shown]);
  // Districts whose value is not known (too few facilities report it) are never ranked or named among the worst.
  const valued = useMemo(() => rows.filter((r) => r[meta.column] != null), [rows, meta.column]);
  const value = (r: DistrictDensityRow) => r[meta.column] as number;
  // The headline numbers are the sums of the districts shown: one query per change, and the cards always agree with the table.
  const kpi = useMemo(() => (shown ? kpiOf(shown) : null), [shown]);

  // The map needs boundaries for at least one district in scope; otherwise the ranking and table carry the data.
  const mapped = useMemo(() => {
    const ids = new Set(rows.map((r) => r.region_id));
    return boundaries?.some((f) => f.properties.level === 2 && ids.has(f.properties.region_id)) ?? false;
  }, [rows, boundaries]);
  const mapSpec = useMemo(
    () => (boundaries && mapped && mapWidth ? choroplethSpec({
      rows, boundaries, meta, width: mapWidth, selected: view.district, caption: source, loc, regionName: region,
      labels: { aria: t('chart.mapAria', { measure: meta.label }), district: t('col.district'), province: t('col.province'), population: t('col.population') },
    }) : null),
    [rows, boundaries, mapped, meta, mapWidth, view.district, source, loc, region, t],
  );
  const barSpec = useMemo(
    () => (valued.length && barWidth ? rankedBarsSpec({
      rows: valued, meta, width: barWidth, selected: view.district, caption: source, loc, regionName: region,
      labels: {
        aria: t('chart.rankedAria', { measure: meta.label }), below: meta.reference ? t('chart.below', { ref: meta.reference.label }) : '',
        atOrAbove: t('chart.atOrAbove'), district: t('col.district'), province: t('col.province'), population: t('col.population'),
      },
    }) : null),
    [valued, meta, barWidth, view.district, source, loc, region, t],
  );
  const ranked = [...valued].sort((a, b) => value(a) - value(b));
  const worst = ranked.slice(0, 3);
  const list = (ws: DistrictDensityRow[]) => ws.map((w) => `${name(w)} (${num(value(w), meta.digits)})`).join(lang === 'ar' ? '، ' : ', ');
  const summary = worst.length ? t('overview.lowest', { measure: meta.short.toLowerCase(), list: list(worst) }) : '';
  // One sentence for screen readers with each chart; the table alternatives carry every value.
  const ends = ranked.length ? { low: name(ranked[0]), lowValue: num(value(ranked[0]), meta.digits), high: name(ranked[ranked.length - 1]), highValue: num(value(ranked[ranked.length - 1]), meta.digits) } : null;
  const belowRef = meta.reference ? valued.filter((r) => value(r) < meta.reference!.value).length : 0;
  const refSentence = meta.reference ? ` ${t('overview.belowRef', { n: num(belowRef), total: num(valued.length), ref: meta.reference.label })}` : '';
  const unvalued = rows.length - valued.length;
  const omitted = unvalued ? ` ${t('known.districtsOmitted', { n: num(unvalued), total: num(rows.length), min: pct(100 * MIN_KNOWN_SHARE, 0) })}` : '';
  const mapSummary = ends ? t('overview.mapSummary', { n: num(valued.length), measure: meta.label, ...ends }) + refSentence + omitted : '';
  const barsSummary = ends ? t('overview.barsSummary', { n: num(valued.length), measure: meta.label, ...ends }) + refSentence + omitted : '';
  const altRows = ranked.map((r) => [name(r), region(r.province_id, r.province), num(value(r), meta.digits)]);
  const altHead = [t('col.district'), t('col.province'), meta.short];

  return (
    <>
      <Panel title={t('overview.headline', { scope })} state={districts} testId="kpi-panel">
        {kpi && <KpiCards kpi={kpi} scope={scope} />}
      </Panel>
      {summary && <p className="summary" data-testid="worst-summary" aria-live="polite">{summary}</p>}
      <div className="view-controls"><MeasurePicker value={measure} offered={offered} unheld={unheld} onChange={(m) => onChange({ measure: m })} /></div>
      <div className="grid-2">
        <Panel title={t('overview.mapTitle', { measure: meta.label })} subtitle={t('overview.mapSubtitle')} state={districts} testId="map-panel" id="overview-map">
          <div ref={mapRef}>{mapSpec ? <PlotFigure options={mapSpec} testId="choropleth" summary={mapSummary} onSelect={(f) => onChange({ district: (f as BoundaryFeature).properties.region_id })} /> : boundaries && rows.length > 0 && !mapped ? <p className="panel-status">{t('overview.noBoundaries')}</p> : null}</div>
          {mapSpec && <AltTable caption={t('overview.mapTitle', { measure: meta.label })} head={altHead} rows={altRows} testId="map-alt-table" />}
        </Panel>
        <Panel title={t('overview.rankedTitle', { measure: meta.short })} subtitle={meta.reference ? t('overview.rankedRef', { ref: meta.reference.label }) : t('overview.worstFirst')} state={districts} testId="bars-panel" id="overview-bars">
          <div ref={barRef}>{barSpec && <PlotFigure options={barSpec} testId="ranked-bars" summary={barsSummary} onSelect={(r) => onChange({ district: (r as DistrictDensityRow).region_id })} />}</div>
          {omitted && <p className="muted small" data-testid="bars-omitted">{omitted.trim()}</p>}
          {barSpec && <AltTable caption={t('overview.rankedTitle', { measure: meta.short })} head={altHead} rows={altRows} testId="bars-alt-table" />}
        </Panel>
      </div>
      <Panel title={t('overview.tableTitle')} subtitle={t('overview.tableSubtitle', { n: num(rows.length) })} state={districts} testId="table-panel"
        actions={<ExportMenu query={districtQuery} title={t('overview.exportTitle', { scope })} fileBase="districts" filters={filters} />}>
        <DistrictTable rows={rows} selected={view.district} onSelect={(district) => onChange({ district })} />
      </Panel>
    </>
  );
}
