import { LANCET_SURGERY_TARGET } from '../metrics/accessThresholds';
import { ACCESS_SERVICES, CATCHMENT_CAPACITIES, CATCHMENT_METHODS } from '../queries/accessViewSql';
import {
  CAPACITY_LABEL, CATCHMENT_RANGE, KM_RANGE, METHOD_LABEL, MIN_RANGE, SERVICE_LABEL, TRAVEL_DEFAULTS, type AccessSettings,
} from './accessSettings';
import { DebouncedNumber } from './DebouncedNumber';

type Set = (patch: Record<string, string | undefined>) => void;

/** The Access view's settings. Every change goes to the URL (view.extra), so a link reproduces the view. */
export function AccessControls({ settings: s, set }: { settings: AccessSettings; set: Set }) {
  const t = TRAVEL_DEFAULTS[s.travel];
  return (
    <form className="access-controls" onSubmit={(e) => e.preventDefault()} aria-label="Access settings">
      <fieldset>
        <legend>Who is within reach?</legend>
        <label className="picker">
          Care needed
          <select value={s.service} onChange={(e) => set({ service: e.target.value === 'any' ? undefined : e.target.value })} data-testid="access-service">
            {ACCESS_SERVICES.map((v) => <option key={v} value={v}>{SERVICE_LABEL[v][0].toUpperCase() + SERVICE_LABEL[v].slice(1)}</option>)}
          </select>
        </label>
        <label className="picker">
          Measure reach by
          <select value={s.unit} onChange={(e) => set({ unit: e.target.value === 'km' ? undefined : e.target.value })} data-testid="access-unit">
            <option value="km">Distance (km, straight line)</option>
            <option value="min">Travel time (minutes, estimated)</option>
          </select>
        </label>
        {s.unit === 'km' ? (
          <DebouncedNumber label="Within" value={s.km} {...KM_RANGE} unit="km" testId="access-km" onCommit={(v) => set({ km: String(v) })} />
        ) : (
          <>
            <DebouncedNumber label="Within" value={s.minutes} {...MIN_RANGE} unit="min" testId="access-min" onCommit={(v) => set({ min: String(v) })} />
            <label className="picker">
              Travelling
              <select value={s.travel} onChange={(e) => set({ travel: e.target.value === 'walking' ? undefined : e.target.value, speed: undefined, circuity: undefined })} data-testid="access-travel">
                <option value="walking">On foot</option>
                <option value="motorised">By motor vehicle</option>
              </select>
            </label>
            <label className="picker access-small">
              Speed (km/h)
              <input type="number" min={1} max={120} step={0.5} value={s.speedKmh} data-testid="access-speed"
                onChange={(e) => set({ speed: e.target.value === String(t.speedKmh) ? undefined : e.target.value })} />
            </label>
            <label className="picker access-small">
              Detour factor
              <input type="number" min={1} max={3} step={0.05} value={s.circuity} data-testid="access-circuity"
                onChange={(e) => set({ circuity: e.target.value === String(t.circuity) ? undefined : e.target.value })} />
            </label>
          </>
        )}
        <button type="button" className="access-button" data-testid="access-lancet"
          onClick={() => set({ service: 'surgery', unit: 'min', min: String(LANCET_SURGERY_TARGET.hours * 60), travel: 'motorised', speed: undefined, circuity: undefined })}>
          Check the surgery target (2 hours)
        </button>
      </fieldset>
      <fieldset>
        <legend>Accessibility (floating catchment): capacity shared among everyone who can reach it</legend>
        <label className="picker">
          Method
          <select value={s.method} onChange={(e) => set({ method: e.target.value })} data-testid="access-method">
            {CATCHMENT_METHODS.map((m) => <option key={m} value={m}>{METHOD_LABEL[m]}</option>)}
          </select>
        </label>
        <label className="picker">
          Capacity
          <select value={s.capacity} onChange={(e) => set({ capacity: e.target.value })} data-testid="access-capacity">
            {CATCHMENT_CAPACITIES.map((c) => <option key={c} value={c}>{CAPACITY_LABEL[c].label}</option>)}
          </select>
        </label>
        <DebouncedNumber label="Catchment" value={s.catchmentKm} {...CATCHMENT_RANGE} unit="km" testId="access-catchment"
          onCommit={(v) => set({ catchment: String(v), sigma: undefined })} />
        {s.method === 'e2sfca_gauss' && (
          <DebouncedNumber label="Gaussian σ" value={s.sigmaKm} min={0.5} max={40} step={0.5} unit="km" testId="access-sigma" onCommit={(v) => set({ sigma: String(v) })} />
        )}
        {s.method === 'gravity' && (
          <DebouncedNumber label="Distance exponent β" value={s.beta} min={0} max={4} step={0.1} unit="" testId="access-beta" onCommit={(v) => set({ beta: String(v) })} />
        )}
      </fieldset>
    </form>
  );
}
