import { useState } from 'react';
import { SERVICES } from '../../data/contract';
import { useI18n } from '../../i18n/I18nContext';
import type { ScenarioEdit, Staffing } from '../../metrics/scenario';
import type { DistrictSiteRow } from '../../queries/planSql';
import { MAX_EDITS, nextId, type PlanScenario } from './planScenarios';
import { useDistrictFacilities } from './usePlanData';

type Kind = 'add' | 'upgrade' | 'outreach';
const NEW_TYPES = ['hospital', 'health_centre', 'clinic', 'health_post'] as const;
const STAFF = ['beds', 'doctors', 'nurses', 'midwives'] as const;
const DEFAULT_STAFF: Record<Kind, Staffing> = {
  add: { beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity', 'immunization'] },
  upgrade: { beds: 10, doctors: 2, nurses: 4, midwives: 0, services: [] },
  outreach: { beds: 0, doctors: 1, nurses: 2, midwives: 1, services: ['outpatient', 'immunization'] },
};
const KIND_LABEL = { add: 'plan.editor.kindAdd', upgrade: 'plan.editor.kindUpgrade', outreach: 'plan.editor.kindOutreach' } as const;
const ADD_LABEL = { add: 'plan.editor.addFacility', upgrade: 'plan.editor.addUpgrade', outreach: 'plan.editor.addOutreach' } as const;

/** Only the amounts above zero, and the services when there are some. */
function clean(x: Staffing): Staffing {
  const out: Staffing = {};
  for (const k of STAFF) if ((x[k] ?? 0) > 0) out[k] = x[k];
  if (x.services?.length) out.services = x.services;
  return out;
}

/**
 * One change to add to the scenario: a new facility, an upgrade of one in the district, or a mobile clinic. The
 * form's inputs are a draft (not in the link); the scenario it changes is.
 */
export function PlanChangeForm({ current, district, districts, sites, onDistrict, message, onMessage, onAdd }: {
  current: PlanScenario | undefined; district: string | null; districts: readonly { region_id: string; name: string; province: string }[];
  sites: ReadonlyMap<string, DistrictSiteRow>; onDistrict: (id: string | null) => void;
  message: string; onMessage: (text: string) => void; onAdd: (edit: ScenarioEdit, facilityName?: string) => void;
}) {
  const { t, num, tx, region } = useI18n();
  const typeLabel = (v: string) => tx(`ftype.${v}`, v.replace(/_/g, ' '));
  const [kind, setKind] = useState<Kind>('add');
  const [type, setType] = useState<string>('health_centre');
  const [staff, setStaff] = useState<Record<Kind, Staffing>>(DEFAULT_STAFF);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [radius, setRadius] = useState(10);
  const [facility, setFacility] = useState('');
  const list = useDistrictFacilities(district);
  // Absent is not zero: a count the registry does not report reads 'not in this dataset', never 0.
  const known = (v: number | null | undefined) => (v == null ? t('known.notInDataShort') : num(v));
  const chosenFacility = list.find((f) => f.facility_id === facility) ?? list[0];
  const s = staff[kind];
  const setS = (patch: Staffing) => setStaff({ ...staff, [kind]: { ...s, ...patch } });

  const location = (): { lat: number; lon: number } | string => {
    if (lat.trim() !== '' || lon.trim() !== '') {
      const [a, b] = [Number(lat), Number(lon)];
      if (!(Math.abs(a) <= 90) || !(Math.abs(b) <= 180) || lat.trim() === '' || lon.trim() === '') return t('plan.editor.badCoords');
      return { lat: a, lon: b };
    }
    const site = district ? sites.get(district) : undefined;
    if (!site) return t('plan.editor.needPlace');
    return { lat: site.lat, lon: site.lon };
  };
  const addChange = () => {
    const base = current ?? { name: '', edits: [] };
    if (base.edits.length >= MAX_EDITS) return onMessage(t('plan.editor.maxEdits', { max: num(MAX_EDITS) }));
    if (kind === 'upgrade') {
      if (!chosenFacility) return onMessage(t('plan.editor.needFacility'));
      const x = clean(s);
      if (!Object.keys(x).length) return onMessage(t('plan.editor.emptyUpgrade'));
      return onAdd({ kind: 'upgrade', facilityId: chosenFacility.facility_id, ...x }, chosenFacility.name);
    }
    const at = location();
    if (typeof at === 'string') return onMessage(at);
    onAdd(kind === 'add'
      ? { kind: 'add', id: nextId(base, 'NEW'), ...at, type, ...clean(s) }
      : { kind: 'outreach', id: nextId(base, 'MOB'), ...at, radiusKm: radius, type: 'mobile_unit', ...clean(s) });
  };

  return (
    <fieldset className="plan-form">
      <legend>{current ? t('plan.editor.addTo', { name: current.name }) : t('plan.editor.start')}</legend>
      <div className="plan-kinds" role="radiogroup" aria-label={t('plan.editor.kind')}>
        {(['add', 'upgrade', 'outreach'] as const).map((k) => (
          <label key={k}><input type="radio" name="plan-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`plan-kind-${k}`} />{t(KIND_LABEL[k])}</label>
        ))}
      </div>
      <div className="plan-row">
        <label className="picker">{t('plan.editor.district')}
          <select value={district ?? ''} onChange={(e) => onDistrict(e.target.value || null)} data-testid="plan-district">
            <option value="">{t('plan.editor.chooseDistrict')}</option>
            {districts.map((d) => <option key={d.region_id} value={d.region_id}>{region(d.region_id, d.name)} ({region(d.province, d.province)})</option>)}
          </select>
        </label>
        {kind === 'upgrade' ? (
          <label className="picker">{t('plan.editor.facility')}
            <select value={chosenFacility?.facility_id ?? ''} onChange={(e) => setFacility(e.target.value)} data-testid="plan-facility" disabled={!list.length}>
              {list.map((f) => <option key={f.facility_id} value={f.facility_id}>{t('plan.editor.facilityOption', { name: f.name, type: typeLabel(f.type), beds: known(f.beds), staff: known(f.doctors == null || f.nurses == null || f.midwives == null ? null : f.doctors + f.nurses + f.midwives) })}</option>)}
            </select>
          </label>
        ) : (
          <>
            <label className="picker plan-num">{t('plan.editor.lat')}<input value={lat} onChange={(e) => setLat(e.target.value)} placeholder={t('plan.editor.auto')} inputMode="decimal" data-testid="plan-lat" /></label>
            <label className="picker plan-num">{t('plan.editor.lon')}<input value={lon} onChange={(e) => setLon(e.target.value)} placeholder={t('plan.editor.auto')} inputMode="decimal" data-testid="plan-lon" /></label>
          </>
        )}
        {kind === 'add' && (
          <label className="picker">{t('plan.editor.type')}
            <select value={type} onChange={(e) => setType(e.target.value)} data-testid="plan-type">
              {NEW_TYPES.map((v) => <option key={v} value={v}>{typeLabel(v)}</option>)}
            </select>
          </label>
        )}
        {kind === 'outreach' && (
          <label className="picker plan-num">{t('plan.editor.radius')}
            <input type="number" min={1} max={50} value={radius} onChange={(e) => setRadius(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))))} data-testid="plan-radius" />
          </label>
        )}
      </div>
      {kind !== 'upgrade' && <p className="access-note">{t(kind === 'add' ? 'plan.editor.autoPlaceAdd' : 'plan.editor.autoPlaceOutreach')}</p>}
      <div className="plan-row">
        {STAFF.map((k) => (
          <label className="picker plan-num" key={k}>{kind === 'upgrade' ? `+ ${t(`plan.staff.${k}`)}` : t(`plan.staff.${k}`)}
            <input type="number" min={0} max={10000} step={1} value={s[k] ?? 0} data-testid={`plan-${k}`}
              onChange={(e) => setS({ [k]: Math.max(0, Math.min(10000, Math.round(Number(e.target.value) || 0))) })} />
          </label>
        ))}
        <fieldset className="plan-services"><legend>{t(kind === 'upgrade' ? 'plan.editor.addServices' : 'plan.editor.services')}</legend>
          {SERVICES.map((v) => (
            <label key={v}><input type="checkbox" checked={(s.services ?? []).includes(v)}
              onChange={(e) => setS({ services: e.target.checked ? [...(s.services ?? []), v] : (s.services ?? []).filter((x) => x !== v) })} />{tx(`service.${v}`, v)}</label>
          ))}
        </fieldset>
      </div>
      <button type="button" className="plan-primary" onClick={addChange} data-testid="plan-add-change">{t(ADD_LABEL[kind])}</button>
      <p className="access-note" role="status" aria-live="polite" data-testid="plan-message">{message}</p>
      {kind === 'outreach' && <p className="access-note">{t('plan.editor.outreachNote')}</p>}
      {kind === 'upgrade' && <p className="access-note">{t('plan.editor.upgradeNote')}</p>}
    </fieldset>
  );
}
