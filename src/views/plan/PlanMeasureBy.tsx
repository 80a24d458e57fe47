import { useI18n } from '../../i18n/I18nContext';
import type { TravelMode } from '../../metrics/reachByTime';
import { useTravelTimeAvailable } from '../../state/useTravelTime';
import { PLAN_MINUTES, type PlanLink, type PlanMeasure } from './settings';

/** Straight line or travel time, with its minutes and mode; travel time only where the demo's roads describe the data. */
export function PlanMeasureBy({ s, onChange }: { s: PlanLink; onChange: (patch: Partial<PlanLink>) => void }) {
  const { t } = useI18n();
  const available = useTravelTimeAvailable();
  const byTime = s.measure === 'time' && available;
  return (
    <>
      <label className="picker">{t('plan.time.measure')}
        <select value={byTime ? 'time' : 'line'} onChange={(e) => onChange({ measure: e.target.value as PlanMeasure })} data-testid="plan-measure" disabled={!available}>
          <option value="line">{t('plan.time.line')}</option>
          <option value="time">{t('plan.time.time')}</option>
        </select>
      </label>
      {byTime && (
        <>
          <label className="picker">{t('plan.time.minutes')}
            <input type="number" min={PLAN_MINUTES.min} max={PLAN_MINUTES.max} step={5} value={s.minutes} data-testid="plan-minutes"
              onChange={(e) => { const x = Math.round(Number(e.target.value)); if (x >= PLAN_MINUTES.min && x <= PLAN_MINUTES.max) onChange({ minutes: x }); }} />
          </label>
          <label className="picker">{t('plan.time.mode')}
            <select value={s.mode} onChange={(e) => onChange({ mode: e.target.value as TravelMode })} data-testid="plan-mode">
              <option value="walking">{t('plan.time.walking')}</option>
              <option value="motorised">{t('plan.time.motorised')}</option>
            </select>
          </label>
        </>
      )}
      {!available && s.measure === 'time' && <p className="access-note" data-testid="plan-time-unavailable">{t('plan.time.unavailable')}</p>}
    </>
  );
}
