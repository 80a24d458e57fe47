import { LANCET_SURGERY_TARGET } from '../../metrics/accessThresholds';
import { ACCESS_SERVICES, CATCHMENT_CAPACITIES, CATCHMENT_METHODS, type AccessService, type CatchmentCapacity } from '../../queries/accessViewSql';
import { useI18n } from '../../i18n/I18nContext';
import { CATCHMENT_RANGE, KM_RANGE, MIN_RANGE, type AccessSettings } from './accessSettings';
import type { AccessPatch } from './settings';
import { DebouncedNumber } from '../DebouncedNumber';

type Set = (patch: AccessPatch) => void;
/** A typed number, or undefined (the default) when the box is empty or not a number. */
const typed = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

/** The Access view's settings. Every change goes to the link (settings.ts), so a link reproduces the view; a default leaves it. */
export function AccessControls({ settings: s, set, services = ACCESS_SERVICES, capacities = CATCHMENT_CAPACITIES }: {
  settings: AccessSettings; set: Set;
  /** Only what the data hold (a service filter over a registry without services would only ever say 0%). */
  services?: readonly AccessService[]; capacities?: readonly CatchmentCapacity[];
}) {
  const { t } = useI18n();
  const km = t('access.unitKm');
  const min = t('access.unitMin');
  // Capitalised for a list item; Arabic has no case.
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  return (
    <form className="access-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('access.settings')}>
      <fieldset>
        <legend>{t('access.reachLegend')}</legend>
        <label className="picker">
          {t('access.care')}
          <select value={s.service} onChange={(e) => set({ service: e.target.value as AccessSettings['service'] })} data-testid="access-service">
            {services.map((v) => <option key={v} value={v}>{cap(t(`access.svc.${v}`))}</option>)}
          </select>
        </label>
        <label className="picker">
          {t('access.reachBy')}
          <select value={s.unit} onChange={(e) => set({ unit: e.target.value === 'min' ? 'min' : 'km' })} data-testid="access-unit">
            <option value="km">{t('access.byKm')}</option>
            <option value="min">{t('access.byMin')}</option>
          </select>
        </label>
        {s.unit === 'km' ? (
          <DebouncedNumber label={t('access.within')} value={s.km} {...KM_RANGE} unit={km} testId="access-km" onCommit={(v) => set({ km: v })} />
        ) : (
          <>
            <DebouncedNumber label={t('access.within')} value={s.minutes} {...MIN_RANGE} unit={min} testId="access-min" onCommit={(v) => set({ min: v })} />
            <label className="picker">
              {t('access.travelling')}
              <select value={s.travel} onChange={(e) => set({ travel: e.target.value === 'motorised' ? 'motorised' : 'walking', speed: undefined, circuity: undefined })} data-testid="access-travel">
                <option value="walking">{t('access.onFoot')}</option>
                <option value="motorised">{t('access.motor')}</option>
              </select>
            </label>
            <label className="picker access-small">
              {t('access.speed')}
              <input type="number" min={1} max={120} step={0.5} value={s.speedKmh} data-testid="access-speed"
                onChange={(e) => set({ speed: typed(e.target.value) })} />
            </label>
            <label className="picker access-small">
              {t('access.detour')}
              <input type="number" min={1} max={3} step={0.05} value={s.circuity} data-testid="access-circuity"
                onChange={(e) => set({ circuity: typed(e.target.value) })} />
            </label>
          </>
        )}
        <button type="button" className="access-button" data-testid="access-lancet"
          onClick={() => set({ service: 'surgery', unit: 'min', min: LANCET_SURGERY_TARGET.hours * 60, travel: 'motorised', speed: undefined, circuity: undefined })}>
          {t('access.lancetButton')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('access.catchmentLegend')}</legend>
        <label className="picker">
          {t('access.method')}
          <select value={s.method} onChange={(e) => set({ method: e.target.value as AccessSettings['method'] })} data-testid="access-method">
            {CATCHMENT_METHODS.map((m) => <option key={m} value={m}>{t(`access.method.${m}`)}</option>)}
          </select>
        </label>
        <label className="picker">
          {t('access.capacity')}
          <select value={s.capacity} onChange={(e) => set({ capacity: e.target.value as AccessSettings['capacity'] })} data-testid="access-capacity">
            {capacities.map((c) => <option key={c} value={c}>{t(`access.cap.${c}`)}</option>)}
          </select>
        </label>
        <DebouncedNumber label={t('access.catchment')} value={s.catchmentKm} {...CATCHMENT_RANGE} unit={km} testId="access-catchment"
          onCommit={(v) => set({ catchment: v, sigma: undefined })} />
        {s.method === 'e2sfca_gauss' && (
          <DebouncedNumber label={t('access.sigma')} value={s.sigmaKm} min={0.5} max={40} step={0.5} unit={km} testId="access-sigma" onCommit={(v) => set({ sigma: v })} />
        )}
        {s.method === 'gravity' && (
          <DebouncedNumber label={t('access.beta')} value={s.beta} min={0} max={4} step={0.1} unit="" testId="access-beta" onCommit={(v) => set({ beta: v })} />
        )}
      </fieldset>
    </form>
  );
}
