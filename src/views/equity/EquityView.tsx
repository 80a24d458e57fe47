import { useCallback, useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { ViewProps } from '../viewRegistry';
import { AccessGradientPanel } from './AccessGradientPanel';
import { BenchmarkPanel } from './BenchmarkPanel';
import { EquiplotPanel } from './EquiplotPanel';
import { EquityControls } from './EquityControls';
import './equity.css';
import { equityLabels } from './equityText';
import { HeadlineSentence } from './HeadlineSentence';
import { MeasuresTable } from './MeasuresTable';
import { MeasureTrendPanel } from './MeasureTrendPanel';
import { EQUITY_SETTINGS, type EquityLink } from './settings';
import { SubgroupsPanel } from './SubgroupsPanel';
import { useEquityData } from './useEquityData';

/**
 * Who is left behind: WHO HEAT's equiplot, subgroup estimates, summary measures with CIs and readings,
 * a measure's trend and the provinces compared, plus inequality of access (health workers by district
 * poverty). Settings live in the link (settings.ts).
 */
export function EquityView({ view, scope, onChange }: ViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const source = useSourceLabel();
  const data = useEquityData(view);
  const { settings: s, model, queries, names } = data;
  const labels = useMemo(() => equityLabels(i18n, s, data.indicatorId, source, scope), [i18n, s, data.indicatorId, source, scope]);
  const set = useCallback((patch: Partial<EquityLink>) => onChange({ extra: EQUITY_SETTINGS.write(view.extra, patch) }), [onChange, view.extra]);
  const panel = { data, labels, set };
  const dimension = labels.dimLabel(data.dimension).toLowerCase();

  return (
    <>
      <EquityControls {...panel} />
      <Panel title={t('equity.headlineTitle')} state={data.noIndicators ? { status: 'ready', rows: [] } : queries.headlineQ} testId="headline-panel"
        empty={t('equity.noCoverage')}>
        {model.headline && s.indicator
          ? <HeadlineSentence h={model.headline} indicatorName={labels.indicatorName} scope={scope} unit={labels.diffUnit} subgroup={names.subgroup} />
          : <p className="panel-status" data-testid="equity-headline">{t('equity.noOrdered', { indicator: labels.indicatorName, scope })}</p>}
      </Panel>
      <div className="grid-2">
        <EquiplotPanel {...panel} />
        <SubgroupsPanel {...panel} />
      </div>
      <Panel title={t('equity.measuresTitle', { scope, year: s.year ? i18n.year(s.year) : '' })} state={queries.seriesQ} testId="measures-panel"
        subtitle={t('equity.measuresSubtitle', { dimension, kind: t(s.ordered ? 'equity.ordered' : 'equity.nonOrdered'), unit: labels.diffUnit }) + (s.ordered ? t('equity.siiNote') : '')}>
        {model.current && s.indicator && (
          <MeasuresTable results={model.current.results} availability={model.current.availability} ordered={model.current.ordered}
            indicatorName={labels.indicatorName} indicatorUnit={s.indicator.unit} differenceUnit={labels.diffUnit} subgroup={names.subgroup} />
        )}
      </Panel>
      <div className="grid-2">
        <MeasureTrendPanel {...panel} />
        <BenchmarkPanel {...panel} />
      </div>
      <AccessGradientPanel {...panel} />
    </>
  );
}
