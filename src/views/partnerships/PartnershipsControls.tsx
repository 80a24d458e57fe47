import { MeasurePicker } from '../../components/MeasurePicker';
import { PARTNER_TYPES, PROGRAMMES } from '../../data/contract';
import { useI18n } from '../../i18n/I18nContext';
import type { DensityMeasure } from '../../queries/overviewSql';
import { ACTIVE_YEARS, type PartnershipsSettings } from './settings';

interface Props {
  held: { measure: DensityMeasure; offered: DensityMeasure[]; unheld: DensityMeasure | null };
  settings: PartnershipsSettings;
  onMeasure: (m: DensityMeasure) => void;
  onChange: (patch: Partial<PartnershipsSettings>) => void;
}

/** The access measure that defines the gap, and which partnerships count: active in a year, of a type, in a programme. */
export function PartnershipsControls({ held, settings: s, onMeasure, onChange }: Props) {
  const { t, tx } = useI18n();
  const label = (prefix: 'partner' | 'programme', code: string) => tx(`${prefix}.${code}`, code.replace(/_/g, ' '));
  return (
    <div className="view-controls">
      <MeasurePicker value={held.measure} offered={held.offered} unheld={held.unheld} onChange={onMeasure} />
      <label className="picker">{t('partner.year')}
        <select value={s.year ?? ''} onChange={(ev) => onChange({ year: ev.target.value ? Number(ev.target.value) : null })} data-testid="partner-year">
          <option value="">{t('partner.anyYear')}</option>
          {ACTIVE_YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label className="picker">{t('partner.type')}
        <select value={s.partner ?? ''} onChange={(ev) => onChange({ partner: (ev.target.value || null) as PartnershipsSettings['partner'] })} data-testid="partner-type">
          <option value="">{t('partner.allTypes')}</option>
          {PARTNER_TYPES.map((p) => <option key={p} value={p}>{label('partner', p)}</option>)}
        </select>
      </label>
      <label className="picker">{t('partner.programme')}
        <select value={s.programme ?? ''} onChange={(ev) => onChange({ programme: (ev.target.value || null) as PartnershipsSettings['programme'] })} data-testid="partner-programme">
          <option value="">{t('partner.allProgrammes')}</option>
          {PROGRAMMES.map((p) => <option key={p} value={p}>{label('programme', p)}</option>)}
        </select>
      </label>
    </div>
  );
}
