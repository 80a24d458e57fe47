import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import { choroplethSpec } from '../../charts/choroplethSpec';
import { countBarsSpec, partnerFacilityMarks } from '../../charts/partnershipSpecs';
import { PlotFigure } from '../../charts/PlotFigure';
import { ExportMenu } from '../../components/ExportMenu';
import { MeasurePicker, useHeldMeasure } from '../../components/MeasurePicker';
import { Panel } from '../../components/Panel';
import { SelectCell } from '../../components/SelectCell';
import { useElementWidth } from '../../components/useElementWidth';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { useI18n } from '../../i18n/I18nContext';
import { PARTNER_TYPES, PROGRAMMES } from '../../data/contract';
import { districtDensityQuery } from '../../queries/overviewSql';
import {
  partnerFacilitiesQuery, partnershipCountsQuery, partnershipDistrictsQuery,
  type PartnerFacilityRow, type PartnershipDistrictRow, type PartnershipFilters,
} from '../../queries/partnershipsSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useDataset, useNeedStates } from '../../state/useDataset';
import { useQuery } from '../../state/useQuery';
import type { ViewProps } from '../viewRegistry';

const NEEDS = ['regions', 'facilities', 'partnerships'] as const;
const GAP_NEEDS = ['regions', 'facilities'] as const;

/** Do partnerships go where the gaps are? */
const PARTNERSHIPS = ['partnerships'] as const;

export function PartnershipsView({ view, scope, onChange }: ViewProps) {
  const { boundaries } = useDataset('boundaries');
  const sourceLabel = useSourceLabel();
  const { t, tx, num, pct, region, locale, dir } = useI18n();
  const label = (prefix: 'partner' | 'programme', s: string) => tx(`${prefix}.${s}`, s.replace(/_/g, ' '));
  const loc = useMemo(() => ({ locale, rtl: dir === 'rtl' }), [locale, dir]);
  const e = view.extra;
  const held = useHeldMeasure(view.measure);
  const f = useStable<PartnershipFilters>({
    province: view.province,
    ...facilityFiltersOf(view),
    year: /^\d{4}$/.test(e.active ?? '') ? Number(e.active) : null,
    partnerType: (PARTNER_TYPES as readonly string[]).includes(e.partner) ? e.partner : null,
    programme: (PROGRAMMES as readonly string[]).includes(e.programme) ? e.programme : null,
    measure: held.measure,
  });
  // Without a partnerships table the gap map is still drawn (from the districts alone), with no partner dots.
  const [partnerTable] = useNeedStates(PARTNERSHIPS);
  const noPartnerships = partnerTable.state === 'absent' || partnerTable.state === 'failed';
  const districtsQ = useMemo(() => (noPartnerships ? districtDensityQuery(f) : partnershipDistrictsQuery(f)), [f, noPartnerships]);
  const districts = useQuery<PartnershipDistrictRow>(districtsQ, noPartnerships ? GAP_NEEDS : NEEDS);
  const counts = useQuery<{ partner_type: string; programme: string; n: number }>(useMemo(() => partnershipCountsQuery(f), [f]), NEEDS);
  const facilities = useQuery<PartnerFacilityRow>(useMemo(() => partnerFacilitiesQuery(f), [f]), NEEDS);
  const set = (k: string, v: string) => onChange({ extra: { ...e, [k]: v } });
  const meta = useMeasureMeta(held.measure);
  const source = t('partner.caption', { source: sourceLabel });

  const rows = useMemo(() => (districts.status === 'ready' ? districts.rows : []), [districts]);
  const total = rows.reduce((s, r) => s + r.partnerships, 0);
  const under = rows.filter((r) => r.underserved);
  const underPartnerships = under.reduce((s, r) => s + r.partnerships, 0);
  const popAll = rows.reduce((s, r) => s + r.population, 0);
  const popUnder = under.reduce((s, r) => s + r.population, 0);
  const share = total ? underPartnerships / total : 0;
  const popShare = popAll ? popUnder / popAll : 0;
  const headline = noPartnerships ? t('partner.noTable') : rows.length
    ? t('partner.headline', { share: pct(100 * share), total: num(total), measure: meta.short.toLocaleLowerCase(locale).replace(/ \/ (10k|10 000|١٠ آلاف)$/, ''), popShare: pct(100 * popShare) })
      + (share < popShare ? t('partner.notWhereGaps') : '.')
    : '';

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [typeRef, typeWidth] = useElementWidth<HTMLDivElement>();
  const countRows = useMemo(() => (counts.status === 'ready' ? counts.rows : []), [counts]);
  const byKey = (k: 'partner_type' | 'programme') => {
    const prefix = k === 'partner_type' ? 'partner' : 'programme';
    return Object.entries(countRows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [label(prefix, r[k])]: (acc[label(prefix, r[k])] ?? 0) + r.n }), {})).map(([key, n]) => ({ key, n }));
  };
  const countLabels = (what: string) => ({ aria: t('chart.partnersAria', { what }), x: t('chart.partnerships') });
  const typeBars = useStable(byKey('partner_type'));
  const programmeBars = useStable(byKey('programme'));
  const types = [...typeBars].sort((a, b) => b.n - a.n);
  const countsSummary = types.length ? t('partner.countsSummary', { top: types[0].key, n: num(types[0].n) }) : '';
  const facilityRows = useMemo(() => (facilities.status === 'ready' ? facilities.rows : []), [facilities]);
  const mapSpec = useMemo(() => (boundaries?.length && rows.length && mapWidth
    ? choroplethSpec({
      rows, boundaries, meta, width: mapWidth, selected: view.district, caption: `${source} ${t('partner.mapCaption')}`, loc, regionName: region,
      labels: { aria: t('chart.mapAria', { measure: meta.label }), district: t('col.district'), province: t('col.province'), population: t('col.population') },
      overlay: partnerFacilityMarks(facilityRows, { facility: t('chart.facility'), partnerships: t('chart.partnerships'), partners: t('chart.partners') }),
    })
    : null), [rows, boundaries, meta, mapWidth, view.district, facilityRows, source, loc, region, t]);
  const typeLabels = useStable(countLabels(t('partner.byType')));
  const progLabels = useStable(countLabels(t('partner.byProgramme')));
  const typeSpec = useMemo(() => (typeBars.length && typeWidth ? countBarsSpec(typeBars, typeLabels, typeWidth, source, loc) : null), [typeBars, typeLabels, typeWidth, source, loc]);
  const progSpec = useMemo(() => (programmeBars.length && typeWidth ? countBarsSpec(programmeBars, progLabels, typeWidth, source, loc) : null), [programmeBars, progLabels, typeWidth, source, loc]);

  return (
    <>
      <div className="view-controls">
        <MeasurePicker value={held.measure} offered={held.offered} unheld={held.unheld} onChange={(m) => onChange({ measure: m })} />
        <label className="picker">{t('partner.year')}
          <select value={f.year ?? ''} onChange={(ev) => set('active', ev.target.value)} data-testid="partner-year">
            <option value="">{t('partner.anyYear')}</option>
            {Array.from({ length: 2030 - 2008 + 1 }, (_, k) => 2030 - k).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="picker">{t('partner.type')}
          <select value={f.partnerType ?? ''} onChange={(ev) => set('partner', ev.target.value)} data-testid="partner-type">
            <option value="">{t('partner.allTypes')}</option>
            {PARTNER_TYPES.map((p) => <option key={p} value={p}>{label('partner', p)}</option>)}
          </select>
        </label>
        <label className="picker">{t('partner.programme')}
          <select value={f.programme ?? ''} onChange={(ev) => set('programme', ev.target.value)} data-testid="partner-programme">
            <option value="">{t('partner.allProgrammes')}</option>
            {PROGRAMMES.map((p) => <option key={p} value={p}>{label('programme', p)}</option>)}
          </select>
        </label>
      </div>
      {headline && <p className="summary" data-testid="partner-headline">{headline}</p>}
      <div className="grid-2">
        <Panel title={t('partner.mapTitle', { scope })} subtitle={t('partner.mapSubtitle', { measure: meta.label.toLocaleLowerCase(locale) })} state={districts} testId="partner-map-panel">
          <div ref={mapRef}>{mapSpec && <PlotFigure options={mapSpec} testId="partner-map" summary={t('partner.mapSummary', { n: num(facilityRows.length), districts: num(rows.length), measure: meta.label })} />}</div>
        </Panel>
        <Panel title={t('partner.countsTitle')} subtitle={t('partner.countsSubtitle')} state={counts} empty={t('partner.countsEmpty')} testId="partner-counts-panel">
          <div ref={typeRef}>
            {typeSpec && <PlotFigure options={typeSpec} testId="partner-type-bars" summary={countsSummary} />}
            {progSpec && <PlotFigure options={progSpec} testId="partner-programme-bars" summary={byKey('programme').map((r) => `${r.key}: ${num(r.n)}`).join(', ')} />}
          </div>
        </Panel>
      </div>
      <Panel title={t('partner.tableTitle')} subtitle={t('partner.tableSubtitle')} state={districts} testId="partner-table-panel"
        actions={<ExportMenu query={districtsQ} title={t('partner.exportTitle', { scope })} fileBase="partnerships-by-district" filters={f as unknown as Record<string, unknown>} />}>
        <div className="table-scroll">
          <table className="data-table" data-testid="partner-table">
            <thead><tr><th scope="col">{t('col.district')}</th><th scope="col">{t('col.province')}</th><th scope="col" className="num">{t('col.population')}</th><th scope="col" className="num">{meta.short}</th><th scope="col" className="num">{t('partner.colPartnerships')}</th><th scope="col" className="num">{t('partner.colPer100k')}</th><th scope="col">{t('partner.colWorst')}</th></tr></thead>
            <tbody>
              {[...rows].sort((a, b) => (a[meta.column] ?? Infinity) - (b[meta.column] ?? Infinity)).map((r) => (
                <tr key={r.region_id} data-region={r.region_id} aria-selected={r.region_id === view.district} className={r.region_id === view.district ? 'selected' : undefined}
                  onClick={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>
                  <td><SelectCell selected={r.region_id === view.district} onToggle={() => onChange({ district: r.region_id === view.district ? null : r.region_id })}>{region(r.region_id, r.name)}</SelectCell></td>
                  <td>{region(r.province, r.province)}</td><td className="num">{num(r.population)}</td>
                  <td className="num">{num(r[meta.column], meta.digits)}</td><td className="num">{num(r.partnerships)}</td>
                  <td className="num">{num((1e5 * r.partnerships) / r.population, 1)}</td><td>{r.underserved ? t('need.yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
