import { useMemo } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { MeasurePicker, useHeldMeasure } from '../../components/MeasurePicker';
import { Panel } from '../../components/Panel';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { ViewProps } from '../viewRegistry';
import { DistrictTable } from './DistrictTable';
import { KpiCards } from './KpiCards';
import { altTable, overviewSentences } from './overviewModel';
import { OverviewBars } from './OverviewBars';
import { OverviewMap } from './OverviewMap';
import { OVERVIEW_SETTINGS, sortingOf, sortOf } from './settings';
import { useOverviewData } from './useOverviewData';

/** The first page: headline numbers, the gap map, the district ranking and the district table. */
export function OverviewView({ view, scope, onChange }: ViewProps) {
  const sourceLabel = useSourceLabel();
  const { t, num, pct, region, lang } = useI18n();
  // Only a measure the data hold is mapped and ranked; an absent one is named as such, never drawn as zeros.
  const { measure, unheld, offered } = useHeldMeasure(view.measure);
  const meta = useMeasureMeta(measure);
  const { filters, query, districts, model } = useOverviewData(view, meta);
  const settings = OVERVIEW_SETTINGS.read(view.extra).settings;
  const source = t('source.overview', { source: sourceLabel });
  const words = useMemo(() => ({ t, num, pct, region, comma: lang === 'ar' ? '، ' : ', ' }), [t, num, pct, region, lang]);
  const text = overviewSentences(model, meta, words);
  const alt = useMemo(() => altTable(model, meta, words, { district: t('col.district'), province: t('col.province') }), [model, meta, words, t]);
  const sorting = useMemo(() => sortingOf(settings.sort), [settings.sort]);
  const select = (district: string | null) => onChange({ district });

  return (
    <>
      <Panel title={t('overview.headline', { scope })} state={districts} testId="kpi-panel">
        {model.kpi && <KpiCards kpi={model.kpi} scope={scope} />}
      </Panel>
      {text.summary && <p className="summary" data-testid="worst-summary" aria-live="polite">{text.summary}</p>}
      <div className="view-controls"><MeasurePicker value={measure} offered={offered} unheld={unheld} onChange={(m) => onChange({ measure: m })} /></div>
      <div className="grid-2">
        <OverviewMap districts={districts} rows={model.rows} meta={meta} selected={view.district} source={source} summary={text.mapSummary} alt={alt} onSelect={select} />
        <OverviewBars districts={districts} ranked={model.ranked} meta={meta} selected={view.district} source={source} summary={text.barsSummary} omitted={text.omitted} alt={alt} onSelect={select} />
      </div>
      <Panel title={t('overview.tableTitle')} subtitle={t('overview.tableSubtitle', { n: num(model.rows.length) })} state={districts} testId="table-panel"
        actions={<ExportMenu query={query} title={t('overview.exportTitle', { scope })} fileBase="districts" filters={filters} />}>
        <DistrictTable rows={model.rows} selected={view.district} onSelect={select} sorting={sorting}
          onSort={(sorting) => onChange({ extra: OVERVIEW_SETTINGS.write(view.extra, { sort: sortOf(sorting) }) })} />
      </Panel>
    </>
  );
}
