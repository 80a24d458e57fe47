import { errorText, Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { POVERTY_WEIGHT_STEP, type PlacementObjective } from '../../metrics/placement';
import { PlanPlacementResult } from './PlanPlacementResult';
import { PLACEMENT_GRIDS, PLACEMENT_K, PLAN_KM, type PlacementRequest } from './settings';
import type { Placement, PlacementOutcome } from './usePlanData';

/** A whole number typed in a box, kept within [lo, hi]; `d` when it is not a number. */
const clampInt = (v: string, lo: number, hi: number, d: number) => {
  const x = Math.round(Number(v));
  return Number.isFinite(x) ? Math.max(lo, Math.min(hi, x)) : d;
};

/**
 * Where would K new facilities help the most people? Greedy placement, run on demand. The form's settings live in
 * the link (`form` / `onForm`, settings.ts), so a link reproduces the setup; running needs the Run button.
 */
export function PlanPlacement({ form, onForm, placement: { placed, ready }, onRun, onAdopt }: {
  form: PlacementRequest; onForm: (r: PlacementRequest) => void; placement: Placement;
  onRun: (r: PlacementRequest) => void; onAdopt: (o: PlacementOutcome) => void;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const status = placed.status === 'ready' ? 'done' : placed.status === 'error' ? 'error'
    : placed.status === 'waiting' && placed.reason.code === 'nothingYet' ? 'idle' : 'running';
  const o = placed.status === 'ready' || placed.status === 'loading' ? placed.value : undefined;
  const set = (patch: Partial<PlacementRequest>) => onForm({ ...form, ...patch });

  return (
    <Panel title={t('plan.placement.title')} testId="plan-placement-panel" id="plan-placement"
      subtitle={t('plan.placement.subtitle')}>
      <div className="plan-row" role="group" aria-label={t('plan.placement.settings')}>
        <label className="picker plan-num">{t('plan.placement.k')}
          <input type="number" min={PLACEMENT_K.min} max={PLACEMENT_K.max} value={form.k} onChange={(e) => set({ k: clampInt(e.target.value, PLACEMENT_K.min, PLACEMENT_K.max, PLACEMENT_K.default) })} data-testid="placement-k" />
        </label>
        <label className="picker plan-num">{t('plan.placement.km')}
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} value={form.thresholdKm} onChange={(e) => set({ thresholdKm: clampInt(e.target.value, PLAN_KM.min, PLAN_KM.max, PLAN_KM.default) })} data-testid="placement-km" />
        </label>
        <label className="picker">{t('plan.placement.candidates')}
          <select value={form.gridKm} onChange={(e) => set({ gridKm: Number(e.target.value) })} data-testid="placement-grid">
            {PLACEMENT_GRIDS.map((g) => <option key={g} value={g}>{g > 0 ? t('plan.placement.grid', { km: num(g) }) : t('plan.placement.everyPoint')}</option>)}
          </select>
        </label>
        <label className="picker">{t('plan.placement.objective')}
          <select value={form.objective} onChange={(e) => set({ objective: e.target.value as PlacementObjective })} data-testid="placement-objective">
            <option value="coverage">{t('plan.placement.coverage')}</option>
            <option value="p-median">{t('plan.placement.pMedian')}</option>
          </select>
        </label>
        <label className="plan-check"><input type="checkbox" checked={form.povertyWeighted} onChange={(e) => set({ povertyWeighted: e.target.checked })} data-testid="placement-poverty" />
          {t('plan.placement.poverty')}</label>
        <button type="button" className="plan-primary" onClick={() => onRun(form)} disabled={!ready} data-testid="placement-run">{t(status === 'running' ? 'plan.placement.runAgain' : 'plan.placement.run')}</button>
      </div>
      <p className="access-note">
        {form.povertyWeighted
          ? t('plan.placement.povertyOn', { step: num(POVERTY_WEIGHT_STEP, 2), five: num(5), two: num(2), one: num(1) })
          : t('plan.placement.povertyOff')}
      </p>
      <p className="access-note" data-testid="placement-guarantee">
        {t(form.objective === 'coverage' ? 'plan.placement.guaranteeCoverage' : 'plan.placement.guaranteeMedian', { pct: i18n.pct(63) })}
      </p>
      <div role="status" aria-live="polite" data-testid="placement-status" data-state={status}>
        {status === 'running' && <p className="panel-status">{t('plan.placement.running')}</p>}
        {placed.status === 'error' && <p className="panel-error" role="alert">{t('plan.placement.error', { message: errorText(i18n, placed.error) })}</p>}
        {status === 'idle' && <p className="panel-status">{t('plan.placement.idle')}</p>}
      </div>
      {o && <PlanPlacementResult o={o} running={status === 'running'} onAdopt={onAdopt} />}
    </Panel>
  );
}
