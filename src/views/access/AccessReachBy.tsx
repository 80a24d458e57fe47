import { useI18n } from '../../i18n/I18nContext';
import { useTravelTimeAvailable } from '../../state/useTravelTime';
import type { AccessPatch } from './settings';

/**
 * "Measure reach by: straight line / travel time". Kept in the link as `access.reach=time`; with no roads or barriers in the
 * dataset the choice is disabled, says why, and reach stays straight-line.
 */
export function AccessReachBy({ reach, set }: { reach: 'line' | 'time'; set: (patch: AccessPatch) => void }) {
  const { t } = useI18n();
  const available = useTravelTimeAvailable();
  return (
    <div className="access-reach-by" role="group" aria-label={t('tt.reachBy')}>
      <label className="picker">
        {t('tt.reachBy')}
        <select value={available ? reach : 'line'} disabled={!available} data-testid="access-reach-by"
          onChange={(e) => set({ reach: e.target.value === 'time' ? 'time' : undefined })}>
          <option value="line">{t('tt.line')}</option>
          <option value="time">{t('tt.time')}</option>
        </select>
      </label>
      {!available && <p className="muted small" data-testid="travel-time-unavailable">{t('tt.unavailable')}</p>}
    </div>
  );
}
