import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { useTimePlacement, type PlanSurface } from '../../state/usePlanTravelTime';
import type { PlacementRequest } from './settings';

/**
 * Placement by minutes, inside the placement panel when the Plan measures by travel time: the same K and candidate
 * grid as the straight-line placement, people counted within the Plan's minutes over today's surface (planByTime).
 */
export function PlanTimePlacement({ surface, form, minutes, mode }: { surface: PlanSurface | null; form: PlacementRequest; minutes: number; mode: string }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const [asked, setAsked] = useState<{ k: number; blockKm: number; minutes: number; n: number } | null>(null);
  const state = useTimePlacement(surface, asked);
  const run = () => setAsked({ k: form.k, blockKm: form.gridKm, minutes, n: (asked?.n ?? 0) + 1 });
  return (
    <section className="plan-time-placement" data-testid="placement-time" aria-labelledby="placement-time-title">
      <h3 id="placement-time-title">{t('plan.time.placeTitle', { minutes: num(minutes), mode: t(mode === 'motorised' ? 'plan.time.motorised' : 'plan.time.walking') })}</h3>
      <button type="button" className="plan-primary" onClick={run} disabled={!surface || state.status === 'running'} data-testid="placement-time-run">{t('plan.time.placeRun')}</button>
      <p className="access-note">{t('plan.time.placeNote', { pct: i18n.pct(63) })}</p>
      <div role="status" aria-live="polite" data-testid="placement-time-status" data-state={state.status}>
        {state.status === 'running' && <p className="panel-status">{t('plan.time.placeRunning')}</p>}
        {state.status === 'error' && <p className="panel-error" role="alert">{t('plan.time.error', { message: state.message })}</p>}
      </div>
      {state.status === 'ready' && (
        <>
          <p className="access-note" data-testid="placement-time-summary" data-ms={state.value.computeMs}>
            {t('plan.time.placeResult', { before: num(state.value.before), after: num(state.value.after), minutes: num(state.value.minutes), k: num(state.value.sites.length), ms: num(state.value.computeMs, 0), candidates: num(state.value.candidates) })}
          </p>
          <table className="data-table" data-testid="placement-time-sites">
            <thead><tr><th scope="col">{t('plan.time.site')}</th><th scope="col">{t('plan.time.where')}</th><th scope="col" className="num">{t('plan.time.gain', { minutes: num(state.value.minutes) })}</th></tr></thead>
            <tbody>{state.value.sites.map((x, i) => (
              <tr key={x.cell}><td>{num(i + 1)}</td><td>{`${num(x.lat, 3)}, ${num(x.lon, 3)}`}</td><td className="num" data-gain={x.gain}>{num(x.gain)}</td></tr>
            ))}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
