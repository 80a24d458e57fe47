import { useCallback } from 'react';
import { choroplethSpec, type BoundaryFeature } from '../../charts/choroplethSpec';
import type { MeasureMeta } from '../../charts/measureMeta';
import { PlotFigure } from '../../charts/PlotFigure';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import { useDataset } from '../../state/useDataset';
import type { QueryState } from '../../state/useQuery';
import { hasMappedDistrict } from './overviewModel';

interface Props {
  districts: QueryState<DistrictDensityRow>;
  rows: readonly DistrictDensityRow[];
  meta: MeasureMeta;
  selected: string | null;
  source: string;
  summary: string;
  alt: { head: string[]; rows: string[][] };
  onSelect: (district: string) => void;
}

/** Where is the gap: districts coloured by the measure, provinces outlined; a click selects a district. */
export function OverviewMap({ districts, rows, meta, selected, source, summary, alt, onSelect }: Props) {
  const { boundaries } = useDataset('boundaries');
  const { t, region, locale, dir } = useI18n();
  const mapped = hasMappedDistrict(rows, boundaries);
  const spec = useCallback((width: number) => (boundaries && mapped
    ? choroplethSpec({ rows, boundaries, meta, width, selected, caption: source, loc: { locale, rtl: dir === 'rtl' }, t, regionName: region })
    : null), [rows, boundaries, mapped, meta, selected, source, locale, dir, t, region]);
  const title = t('overview.mapTitle', { measure: meta.label });
  return (
    <Panel title={title} subtitle={t('overview.mapSubtitle')} state={districts} testId="map-panel" id="overview-map">
      {boundaries && mapped
        ? <PlotFigure spec={spec} testId="choropleth" summary={summary} onSelect={(f) => onSelect((f as BoundaryFeature).properties.region_id)} />
        : boundaries && rows.length > 0 ? <p className="panel-status">{t('overview.noBoundaries')}</p> : null}
      {boundaries && mapped && <AltTable caption={title} head={alt.head} rows={alt.rows} testId="map-alt-table" />}
    </Panel>
  );
}
