import { useCallback } from 'react';
import type { MeasureMeta } from '../../charts/measureMeta';
import { PlotFigure } from '../../charts/PlotFigure';
import { rankedBarsSpec } from '../../charts/rankedBarsSpec';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import type { QueryState } from '../../state/useQuery';

interface Props {
  districts: QueryState<DistrictDensityRow>;
  /** The districts with a value, worst-served first. */
  ranked: readonly DistrictDensityRow[];
  meta: MeasureMeta;
  selected: string | null;
  source: string;
  summary: string;
  /** Why some districts are not ranked (empty when all are). */
  omitted: string;
  alt: { head: string[]; rows: string[][] };
  onSelect: (district: string) => void;
}

/** The districts ranked from worst-served to best, against the measure's reference line. */
export function OverviewBars({ districts, ranked, meta, selected, source, summary, omitted, alt, onSelect }: Props) {
  const { t, region, locale, dir } = useI18n();
  const spec = useCallback((width: number) => (ranked.length
    ? rankedBarsSpec({ rows: ranked, meta, width, selected, caption: source, loc: { locale, rtl: dir === 'rtl' }, t, regionName: region })
    : null), [ranked, meta, selected, source, locale, dir, t, region]);
  const title = t('overview.rankedTitle', { measure: meta.short });
  return (
    <Panel title={title} subtitle={meta.reference ? t('overview.rankedRef', { ref: meta.reference.label }) : t('overview.worstFirst')} state={districts} testId="bars-panel" id="overview-bars">
      {ranked.length > 0 && <PlotFigure spec={spec} testId="ranked-bars" summary={summary} onSelect={(r) => onSelect((r as DistrictDensityRow).region_id)} />}
      {omitted && <p className="muted small" data-testid="bars-omitted">{omitted}</p>}
      {ranked.length > 0 && <AltTable caption={title} head={alt.head} rows={alt.rows} testId="bars-alt-table" />}
    </Panel>
  );
}
