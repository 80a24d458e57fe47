import { useCallback } from 'react';
import { choroplethSpec } from '../../charts/choroplethSpec';
import type { MeasureMeta } from '../../charts/measureMeta';
import { partnerFacilityMarks } from '../../charts/partnershipSpecs';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { PartnerFacilityRow, PartnershipDistrictRow } from '../../queries/partnershipsSql';
import { useDataset } from '../../state/useDataset';
import type { QueryState } from '../../state/useQuery';

interface Props {
  districts: QueryState<PartnershipDistrictRow>;
  rows: readonly PartnershipDistrictRow[];
  facilities: readonly PartnerFacilityRow[];
  meta: MeasureMeta;
  selected: string | null;
  scope: string;
  source: string;
}

/** The gap map (districts by the access measure) with partner-linked facilities over it. */
export function PartnershipsMap({ districts, rows, facilities, meta, selected, scope, source }: Props) {
  const { boundaries } = useDataset('boundaries');
  const { t, num, region, locale, dir } = useI18n();
  const spec = useCallback((width: number) => (boundaries?.length && rows.length ? choroplethSpec({
    rows, boundaries, meta, width, selected, caption: `${source} ${t('partner.mapCaption')}`, regionName: region, loc: { locale, rtl: dir === 'rtl' }, t,
    overlay: partnerFacilityMarks(facilities, { t }),
  }) : null), [rows, boundaries, meta, selected, facilities, source, region, locale, dir, t]);
  return (
    <Panel title={t('partner.mapTitle', { scope })} subtitle={t('partner.mapSubtitle', { measure: meta.label.toLocaleLowerCase(locale) })} state={districts} testId="partner-map-panel">
      {boundaries?.length && rows.length ? (
        <PlotFigure spec={spec} testId="partner-map" summary={t('partner.mapSummary', { n: num(facilities.length), districts: num(rows.length), measure: meta.label })} />
      ) : null}
    </Panel>
  );
}
