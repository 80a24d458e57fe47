import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { HPSA_POPULATION_PER_PHYSICIAN, WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import { AccessDistrictTable } from './AccessDistrictTable';
import type { AccessData } from './useAccessData';

/** Every district in scope with its access figures and staff shortages; a name selects the district everywhere. */
export function AccessTablePanel({ scope, what, data, selected, onSelect }: {
  scope: string; what: string; data: AccessData; selected: string | null; onSelect: (district: string | null) => void;
}) {
  const { t, num } = useI18n();
  const { districts, staffShown, whoShort, hpsaShort } = data.model;
  return (
    <Panel
      title={t('access.tableTitle', { scope })}
      subtitle={staffShown
        ? t('access.tableSubtitle', { n: num(districts.length), who: num(whoShort), whoValue: num(WHO_WORKFORCE_PER_10K, 1), hpsa: num(hpsaShort), hpsaValue: num(HPSA_POPULATION_PER_PHYSICIAN) })
        : t('known.tableSubtitleNoStaff', { n: num(districts.length) })}
      state={data.densities}
      testId="access-table-panel"
    >
      <p className="access-note" data-testid="shortage-summary">
        {t('access.shortage', { what, who: num(WHO_WORKFORCE_PER_10K, 1), hpsa: num(HPSA_POPULATION_PER_PHYSICIAN) })}
        {!staffShown && districts.length > 0 ? ` ${t('known.noShortageFlags')}` : ''}
      </p>
      <p className="muted small">{t('access.selectHint')}</p>
      <AccessDistrictTable rows={districts} selected={selected} onSelect={onSelect} />
    </Panel>
  );
}
