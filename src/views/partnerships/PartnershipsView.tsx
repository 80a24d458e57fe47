import { useHeldMeasure } from '../../components/MeasurePicker';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { ViewProps } from '../viewRegistry';
import { PartnershipCounts } from './PartnershipCounts';
import { PartnershipsControls } from './PartnershipsControls';
import { PartnershipsMap } from './PartnershipsMap';
import { PartnershipTable } from './PartnershipTable';
import { PARTNERSHIPS_SETTINGS } from './settings';
import { usePartnershipsData } from './usePartnershipsData';

/** Do partnerships go where the gaps are? */
export function PartnershipsView({ view, scope, onChange }: ViewProps) {
  const { t, num, pct, locale } = useI18n();
  const held = useHeldMeasure(view.measure);
  const data = usePartnershipsData(view, held.measure);
  const { rows, shares } = data;
  const meta = useMeasureMeta(held.measure);
  const sourceLabel = useSourceLabel();
  const source = t('partner.caption', { source: sourceLabel });
  // The measure's short name without its "per 10k" unit, to read inside the sentence.
  const measure = meta.short.toLocaleLowerCase(locale).replace(/ \/ (10k|10 000|١٠ آلاف)$/, '');
  const headline = data.noPartnerships ? t('partner.noTable') : rows.length
    ? t('partner.headline', { share: pct(100 * shares.share), total: num(shares.total), measure, popShare: pct(100 * shares.popShare) })
      + (shares.notWhereGaps ? t('partner.notWhereGaps') : '.')
    : '';

  return (
    <>
      <PartnershipsControls held={held} settings={data.settings} onMeasure={(m) => onChange({ measure: m })}
        onChange={(patch) => onChange({ extra: PARTNERSHIPS_SETTINGS.write(view.extra, patch) })} />
      {headline && <p className="summary" data-testid="partner-headline">{headline}</p>}
      <div className="grid-2">
        <PartnershipsMap districts={data.districts} rows={rows} facilities={data.facilityRows} meta={meta} selected={view.district} scope={scope} source={source} />
        <PartnershipCounts counts={data.counts} rows={data.countRows} source={source} />
      </div>
      <PartnershipTable districts={data.districts} rows={rows} query={data.districtsQuery} filters={data.filters} meta={meta} selected={view.district} scope={scope}
        onSelect={(district) => onChange({ district })} />
    </>
  );
}
