import { useMemo, useState } from 'react';
import { MEASURE_META, formatNumber } from '../charts/measureMeta';
import { needScatterSpec } from '../charts/needScatterSpec';
import { PlotFigure, type BrushExtent } from '../charts/PlotFigure';
import { ExportMenu } from '../components/ExportMenu';
import { MeasurePicker } from '../components/MeasurePicker';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { highNeedLowAccess, linearFit } from '../metrics/needAccess';
import { needAccessQuery, needIndicatorsQuery, type NeedAccessRow } from '../queries/needAccessSql';
import { facilityFiltersOf } from '../state/facilityFilters';
import { useDataset } from '../state/useDataset';
import { useQuery } from '../state/useQuery';
import type { ViewProps } from './viewRegistry';

interface NeedIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; first_year: number; last_year: number }
const NEEDS = ['regions', 'facilities', 'socioeconomic', 'indicator_catalog'] as const;

/** Are the districts that need care most the ones that have least of it? */
export function NeedView({ view, scope, onChange }: ViewProps) {
  const { synthetic } = useDataset();
  const indicators = useQuery<NeedIndicator>(useMemo(needIndicatorsQuery, []), NEEDS);
  const list = indicators.status === 'ready' ? indicators.rows : [];
  const indicator = list.find((i) => i.indicator_id === view.extra.need) ?? list.find((i) => i.indicator_id === 'poverty_rate') ?? list[0];
  const year = Number(view.extra.need_year) || null;
  const ff = facilityFiltersOf(view);
  const query = useMemo(
    () => needAccessQuery({ province: view.province, ...ff, indicator: indicator?.indicator_id ?? '', year }),
    [view.province, JSON.stringify(ff), indicator?.indicator_id, year],
  );
  const data = useQuery<NeedAccessRow>(query, NEEDS);
  const rows = data.status === 'ready' ? data.rows : [];
  const meta = MEASURE_META[view.measure];
  const needIsHigh = indicator ? !indicator.favourable : true;
  const points = rows.map((r) => ({ id: r.region_id, need: r.need, access: r[meta.column], population: r.population }));
  const quadrant = points.length ? highNeedLowAccess(points, needIsHigh) : null;
  const fit = linearFit(points);
  const flagged = useMemo(() => new Set(quadrant?.ids ?? []), [quadrant?.ids.join()]);
  const [brush, setBrush] = useState<BrushExtent | null>(null);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const needLabel = indicator ? `${indicator.name} (${indicator.unit}, ${rows[0]?.need_year ?? ''})` : '';
  const caption = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; socioeconomic and facilities tables. Dashed lines: medians. Grey line: least-squares fit.`;

  const spec = useMemo(
    () => (rows.length && width && quadrant ? needScatterSpec({
      rows, meta, needLabel, needIsHigh, needCut: quadrant.needCut, accessCut: quadrant.accessCut, flagged, selected: view.district, width, caption,
    }) : null),
    [rows, meta, needLabel, needIsHigh, quadrant?.needCut, quadrant?.accessCut, flagged, view.district, width, caption],
  );
  const inBrush = (r: NeedAccessRow) => !brush || (r.need >= brush.x[0] && r.need <= brush.x[1] && r[meta.column] >= brush.y[0] && r[meta.column] <= brush.y[1]);
  const tableRows = rows.filter(inBrush).sort((a, b) => a[meta.column] - b[meta.column]);
  const flaggedRows = rows.filter((r) => flagged.has(r.region_id)).sort((a, b) => a[meta.column] - b[meta.column]);
  const flaggedPop = flaggedRows.reduce((s, r) => s + r.population, 0);
  const perTen = fit ? fit.slope * 10 : 0;
  const headline = fit && indicator
    ? `${Math.abs(fit.r) < 0.2 ? 'Access barely follows need' : (fit.slope < 0) === needIsHigh ? 'Districts in greater need are worse served' : 'Districts in greater need are better served'}: each 10 ${indicator.unit === '%' ? 'points' : indicator.unit} more ${indicator.name.toLowerCase()} goes with ${formatNumber(Math.abs(perTen), meta.digits)} ${perTen < 0 ? 'fewer' : 'more'} ${meta.short.toLowerCase().replace(' / 10k', '')} per 10,000 (r = ${formatNumber(fit.r, 2)}).`
    : '';

  return (
    <>
      <div className="view-controls">
        <MeasurePicker value={view.measure} onChange={(measure) => onChange({ measure })} />
        <label className="picker">Need indicator
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, need: e.target.value } })} data-testid="need-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{i.name} ({i.unit})</option>)}
          </select>
        </label>
        {indicator && (
          <label className="picker">Year
            <select value={year ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, need_year: e.target.value } })} data-testid="need-year">
              <option value="">Latest ({indicator.last_year})</option>
              {Array.from({ length: indicator.last_year - indicator.first_year + 1 }, (_, k) => indicator.last_year - k).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
        )}
      </div>
      {headline && <p className="summary" data-testid="need-headline">{headline}</p>}
      <Panel title={`Need against access, ${scope}`} subtitle="Each circle is a district, sized by population. Drag a rectangle to filter the table below; click a district to select it everywhere." state={data} testId="need-panel">
        <div ref={ref}>{spec && <PlotFigure options={spec} testId="need-scatter" onBrush={setBrush} onSelect={(r) => onChange({ district: (r as NeedAccessRow).region_id })} />}</div>
        {quadrant && (
          <p data-testid="need-flagged">
            <strong>High need, low access ({flaggedRows.length} districts, {formatNumber(flaggedPop)} people):</strong>{' '}
            {flaggedRows.length ? flaggedRows.map((r) => r.name).join(', ') : 'none'}.
          </p>
        )}
      </Panel>
      <Panel title="Districts" subtitle={brush ? `${tableRows.length} districts inside the selected rectangle` : `${tableRows.length} districts, worst-served first`} state={data} testId="need-table-panel"
        actions={<>{brush && <button type="button" onClick={() => setBrush(null)} data-testid="clear-brush">Show all districts</button>}
          <ExportMenu query={query} title={`Need vs access, ${scope}`} fileBase="need-vs-access" filters={{ province: view.province, indicator: indicator?.indicator_id, year }} /></>}>
        <div className="table-scroll">
          <table className="data-table" data-testid="need-table">
            <thead><tr><th>District</th><th>Province</th><th className="num">{indicator?.name ?? 'Need'}</th><th className="num">{meta.short}</th><th>High need, low access</th></tr></thead>
            <tbody>
              {tableRows.map((r) => (
                <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === view.district} className={r.region_id === view.district ? 'selected' : undefined}
                  onClick={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>
                  <td>{r.name}</td><td>{r.province}</td><td className="num">{formatNumber(r.need, 1)}</td>
                  <td className="num">{formatNumber(r[meta.column], meta.digits)}</td><td>{flagged.has(r.region_id) ? '▲ yes' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
