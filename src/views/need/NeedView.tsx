import { useMemo, useState } from 'react';
import { useStable } from '../../state/useStable';
import { needScatterSpec } from '../../charts/needScatterSpec';
import { PlotFigure, type BrushExtent } from '../../charts/PlotFigure';
import { ExportMenu } from '../../components/ExportMenu';
import { MeasurePicker, useHeldMeasure } from '../../components/MeasurePicker';
import { Panel } from '../../components/Panel';
import { SelectCell } from '../../components/SelectCell';
import { useElementWidth } from '../../components/useElementWidth';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { useI18n } from '../../i18n/I18nContext';
import { highNeedLowAccess, linearFit } from '../../metrics/needAccess';
import { needAccessQuery, needIndicatorsQuery, type NeedAccessRow } from '../../queries/needAccessSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useQuery } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';

interface NeedIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; first_year: number; last_year: number }
const NEEDS = ['regions', 'facilities', 'socioeconomic', 'indicator_catalog'] as const;

/** Are the districts that need care most the ones that have least of it? */
export function NeedView({ view, scope, onChange }: ViewProps) {
  const sourceLabel = useSourceLabel();
  const { t, tx, num, region, locale, lang } = useI18n();
  const iname = (i: NeedIndicator) => tx(`indicator.${i.indicator_id}`, i.name);
  const indicators = useQuery<NeedIndicator>(useMemo(needIndicatorsQuery, []), NEEDS);
  const list = indicators.status === 'ready' ? indicators.rows : [];
  const indicator = list.find((i) => i.indicator_id === view.extra.need) ?? list.find((i) => i.indicator_id === 'poverty_rate') ?? list[0];
  const year = Number(view.extra.need_year) || null;
  const ff = useStable(facilityFiltersOf(view));
  const query = useMemo(
    () => needAccessQuery({ province: view.province, ...ff, indicator: indicator?.indicator_id ?? '', year }),
    [view.province, ff, indicator?.indicator_id, year],
  );
  const data = useQuery<NeedAccessRow>(query, NEEDS);
  const { measure, unheld, offered } = useHeldMeasure(view.measure);
  const meta = useMeasureMeta(measure);
  // Districts whose access value is unknown (too few facilities report it) are left out of the fit and the corner.
  const allRows = useMemo(() => (data.status === 'ready' ? data.rows : []), [data]);
  const column = meta.column;
  const rows = useMemo(() => allRows.filter((r) => r[column] != null) as (NeedAccessRow & Record<typeof column, number>)[], [allRows, column]);
  const acc = (r: NeedAccessRow) => r[meta.column] as number;
  const needIsHigh = indicator ? !indicator.favourable : true;
  const points = useMemo(() => rows.map((r) => ({ id: r.region_id, need: r.need, access: r[meta.column] as number, population: r.population })), [rows, meta.column]);
  const quadrant = useMemo(() => (points.length ? highNeedLowAccess(points, needIsHigh) : null), [points, needIsHigh]);
  const fit = linearFit(points);
  const flagged = useMemo(() => new Set(quadrant?.ids ?? []), [quadrant]);
  const [brush, setBrush] = useState<BrushExtent | null>(null);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const needLabel = indicator ? `${iname(indicator)} (${indicator.unit}, ${rows[0]?.need_year ?? ''})` : '';
  const caption = t('need.caption', { source: sourceLabel });

  const spec = useMemo(
    () => (rows.length && width && quadrant ? needScatterSpec({
      rows, meta, needLabel, needIsHigh, needCut: quadrant.needCut, accessCut: quadrant.accessCut, flagged, selected: view.district, width, caption,
      locale, regionName: region,
      labels: { aria: t('chart.needAria', { measure: meta.label, need: needLabel }), corner: t('chart.highNeedLowAccess'), district: t('col.district'), province: t('col.province'), population: t('col.population') },
    }) : null),
    [rows, meta, locale, region, needLabel, needIsHigh, quadrant, flagged, view.district, width, caption, t],
  );
  const inBrush = (r: NeedAccessRow) => !brush || (r.need >= brush.x[0] && r.need <= brush.x[1] && acc(r) >= brush.y[0] && acc(r) <= brush.y[1]);
  const tableRows = rows.filter(inBrush).sort((a, b) => acc(a) - acc(b));
  const flaggedRows = rows.filter((r) => flagged.has(r.region_id)).sort((a, b) => acc(a) - acc(b));
  const flaggedPop = flaggedRows.reduce((s, r) => s + r.population, 0);
  const perTen = fit ? fit.slope * 10 : 0;
  const headline = fit && indicator
    ? t('need.headline', {
      verdict: t(Math.abs(fit.r) < 0.2 ? 'need.barely' : (fit.slope < 0) === needIsHigh ? 'need.worse' : 'need.better'),
      unit: indicator.unit === '%' ? t('need.points') : indicator.unit, need: iname(indicator).toLocaleLowerCase(locale),
      value: num(Math.abs(perTen), meta.digits), direction: t(perTen < 0 ? 'need.fewer' : 'need.more'),
      measure: meta.short.toLocaleLowerCase(locale).replace(/ \/ (10k|10 000|١٠ آلاف)$/, ''), r: num(fit.r, 2),
    })
    : '';
  const name = (r: NeedAccessRow) => region(r.region_id, r.name);
  const sep = lang === 'ar' ? '، ' : ', ';

  return (
    <>
      <div className="view-controls">
        <MeasurePicker value={measure} offered={offered} unheld={unheld} onChange={(m) => onChange({ measure: m })} />
        <label className="picker">{t('need.indicator')}
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, need: e.target.value } })} data-testid="need-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{iname(i)} ({i.unit})</option>)}
          </select>
        </label>
        {indicator && (
          <label className="picker">{t('need.year')}
            <select value={year ?? ''} onChange={(e) => onChange({ extra: { ...view.extra, need_year: e.target.value } })} data-testid="need-year">
              <option value="">{t('need.latest', { year: indicator.last_year })}</option>
              {Array.from({ length: indicator.last_year - indicator.first_year + 1 }, (_, k) => indicator.last_year - k).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
        )}
      </div>
      {headline && <p className="summary" data-testid="need-headline">{headline}</p>}
      <Panel title={t('need.title', { scope })} subtitle={t('need.subtitle')} state={data} testId="need-panel">
        <div ref={ref}>{spec && <PlotFigure options={spec} testId="need-scatter" summary={headline || undefined} onBrush={setBrush} onSelect={(r) => onChange({ district: (r as NeedAccessRow).region_id })} />}</div>
        {quadrant && (
          <p data-testid="need-flagged">
            <strong>{t('need.flagged', { n: num(flaggedRows.length), people: num(flaggedPop) })}</strong>{' '}
            {flaggedRows.length ? flaggedRows.map(name).join(sep) : t('need.none')}.
          </p>
        )}
      </Panel>
      <Panel title={t('need.tableTitle')} subtitle={brush ? t('need.inRect', { n: num(tableRows.length) }) : t('need.worstFirst', { n: num(tableRows.length) })} state={data} testId="need-table-panel"
        actions={<>{brush && <button type="button" onClick={() => setBrush(null)} data-testid="clear-brush">{t('need.showAll')}</button>}
          <ExportMenu query={query} title={t('need.exportTitle', { scope })} fileBase="need-vs-access" filters={{ province: view.province, indicator: indicator?.indicator_id, year }} /></>}>
        <div className="table-scroll">
          <table className="data-table" data-testid="need-table">
            <thead><tr><th scope="col">{t('col.district')}</th><th scope="col">{t('col.province')}</th><th scope="col" className="num">{indicator ? iname(indicator) : t('need.colNeed')}</th><th scope="col" className="num">{meta.short}</th><th scope="col">{t('need.colFlag')}</th></tr></thead>
            <tbody>
              {tableRows.map((r) => (
                <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === view.district} className={r.region_id === view.district ? 'selected' : undefined}
                  onClick={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>
                  <td><SelectCell selected={r.region_id === view.district} onToggle={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>{name(r)}</SelectCell></td>
                  <td>{region(r.province, r.province)}</td><td className="num">{num(r.need, 1)}</td>
                  <td className="num">{num(r[meta.column], meta.digits)}</td><td>{flagged.has(r.region_id) ? t('need.yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
