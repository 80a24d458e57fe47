import { useMemo, useState } from 'react';
import { FACILITY_TYPE_LABEL } from '../charts/accessMapSpec';
import { ExportMenu } from '../components/ExportMenu';
import { SERVICES } from '../data/contract';
import { saveFile } from '../data/exportQuery';
import type { ScenarioEdit, Staffing } from '../metrics/scenario';
import { districtFacilitiesQuery, scenarioEditsQuery, type DistrictFacilityRow, type DistrictSiteRow } from '../queries/planSql';
import { useDataset } from '../state/useDataset';
import { useQuery } from '../state/useQuery';
import { describeEdit, MAX_EDITS, MAX_SCENARIOS, NAME_MAX, nextId, type PlanScenario } from './planScenarios';

type Kind = 'add' | 'upgrade' | 'outreach';
const NEW_TYPES = ['hospital', 'health_centre', 'clinic', 'health_post'] as const;
const STAFF = ['beds', 'doctors', 'nurses', 'midwives'] as const;
const DEFAULT_STAFF: Record<Kind, Staffing> = {
  add: { beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity', 'immunization'] },
  upgrade: { beds: 10, doctors: 2, nurses: 4, midwives: 0, services: [] },
  outreach: { beds: 0, doctors: 1, nurses: 2, midwives: 1, services: ['outpatient', 'immunization'] },
};

interface Props {
  scenarios: PlanScenario[];
  active: number;
  districts: readonly { region_id: string; name: string; province: string }[];
  sites: ReadonlyMap<string, DistrictSiteRow>;
  district: string | null;
  km: number;
  onDistrict: (id: string | null) => void;
  onScenarios: (scenarios: PlanScenario[], active: number) => void;
}

/** Named scenarios and their changes: add a facility, upgrade one, or send a mobile clinic out. */
export function PlanScenarioEditor({ scenarios, active, districts, sites, district, km, onDistrict, onScenarios }: Props) {
  const { synthetic, name: dataset } = useDataset();
  const [kind, setKind] = useState<Kind>('add');
  const [type, setType] = useState<string>('health_centre');
  const [staff, setStaff] = useState<Record<Kind, Staffing>>(DEFAULT_STAFF);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [radius, setRadius] = useState(10);
  const [facility, setFacility] = useState('');
  const [message, setMessage] = useState('');
  const current = scenarios[active];
  const facilitiesQ = useMemo(() => districtFacilitiesQuery(district ?? ''), [district]);
  const facilities = useQuery<DistrictFacilityRow>(facilitiesQ, ['facilities']);
  const list = facilities.status === 'ready' && district ? facilities.rows : [];
  const chosenFacility = list.find((f) => f.facility_id === facility) ?? list[0];
  const s = staff[kind];
  const setS = (patch: Staffing) => setStaff({ ...staff, [kind]: { ...s, ...patch } });

  const save = (next: PlanScenario[], at: number) => onScenarios(next, Math.max(0, Math.min(at, next.length - 1)));
  const newScenario = (from?: PlanScenario) => {
    if (scenarios.length >= MAX_SCENARIOS) return setMessage(`At most ${MAX_SCENARIOS} scenarios fit in a link; delete one first.`);
    let n = scenarios.length + 1;
    while (scenarios.some((x) => x.name === `Scenario ${n}`)) n++;
    const sc = { name: from ? `${from.name} (copy)`.slice(0, NAME_MAX) : `Scenario ${n}`, edits: from ? [...from.edits] : [] };
    save([...scenarios, sc], scenarios.length);
    setMessage('');
  };
  const rename = (name: string) => {
    const clean = name.trim().slice(0, NAME_MAX);
    if (!clean || clean === current.name) return;
    if (scenarios.some((x, k) => k !== active && x.name === clean)) return setMessage(`Another scenario is already called “${clean}”.`);
    save(scenarios.map((x, k) => (k === active ? { ...x, name: clean } : x)), active);
  };

  const location = (): { lat: number; lon: number } | string => {
    if (lat.trim() !== '' || lon.trim() !== '') {
      const [a, b] = [Number(lat), Number(lon)];
      if (!(Math.abs(a) <= 90) || !(Math.abs(b) <= 180) || lat.trim() === '' || lon.trim() === '') return 'Latitude must be between -90 and 90 and longitude between -180 and 180.';
      return { lat: a, lon: b };
    }
    const site = district ? sites.get(district) : undefined;
    if (!site) return 'Choose a district (or click one on the map), or type a latitude and longitude.';
    return { lat: site.lat, lon: site.lon };
  };
  const clean = (x: Staffing): Staffing => {
    const out: Staffing = {};
    for (const k of STAFF) if ((x[k] ?? 0) > 0) out[k] = x[k];
    if (x.services?.length) out.services = x.services;
    return out;
  };
  const addChange = () => {
    const base = current ?? { name: 'Scenario 1', edits: [] };
    if (base.edits.length >= MAX_EDITS) return setMessage(`A scenario holds at most ${MAX_EDITS} changes.`);
    let edit: ScenarioEdit;
    if (kind === 'upgrade') {
      if (!chosenFacility) return setMessage('Choose a district with facilities, then the facility to upgrade.');
      const x = clean(s);
      if (!Object.keys(x).length) return setMessage('An upgrade needs at least one more bed, worker or service.');
      edit = { kind: 'upgrade', facilityId: chosenFacility.facility_id, ...x };
    } else {
      const at = location();
      if (typeof at === 'string') return setMessage(at);
      edit = kind === 'add'
        ? { kind: 'add', id: nextId(base, 'NEW'), ...at, type, ...clean(s) }
        : { kind: 'outreach', id: nextId(base, 'MOB'), ...at, radiusKm: radius, type: 'mobile_unit', ...clean(s) };
    }
    const updated = { ...base, edits: [...base.edits, edit] };
    save(current ? scenarios.map((x, k) => (k === active ? updated : x)) : [updated], current ? active : 0);
    setMessage(`Added: ${describeEdit(edit, chosenFacility?.name)}. Recomputing…`);
  };
  const removeChange = (t: number) => save(scenarios.map((x, k) => (k === active ? { ...x, edits: x.edits.filter((_, j) => j !== t) } : x)), active);

  const downloadJson = () => {
    const body = { tool: 'Care access dashboard, Plan view', dataset, synthetic, createdAt: new Date().toISOString(), thresholdKm: km, scenarios };
    saveFile(`plan-scenarios.json`, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  };
  const exportQ = useMemo(() => scenarioEditsQuery(current?.name ?? '', current?.edits ?? []), [current]);
  const num = (k: (typeof STAFF)[number]) => (
    <label className="picker plan-num" key={k}>{kind === 'upgrade' ? `+ ${k}` : k}
      <input type="number" min={0} max={10000} step={1} value={s[k] ?? 0} data-testid={`plan-${k}`}
        onChange={(e) => setS({ [k]: Math.max(0, Math.min(10000, Math.round(Number(e.target.value) || 0))) })} />
    </label>
  );

  return (
    <div className="plan-editor" data-testid="plan-editor">
      <div className="plan-scenario-bar" role="group" aria-label="Scenarios">
        {scenarios.map((x, k) => (
          <button key={x.name} type="button" className={k === active ? 'plan-tab active' : 'plan-tab'} aria-pressed={k === active}
            onClick={() => save(scenarios, k)} data-testid={`plan-tab-${k}`}>{x.name} <span className="plan-count">({x.edits.length})</span></button>
        ))}
        <button type="button" className="access-button" onClick={() => newScenario()} data-testid="plan-new-scenario">+ New scenario</button>
        {current && <button type="button" className="access-button" onClick={() => newScenario(current)}>Duplicate</button>}
        {current && <button type="button" className="access-button" onClick={() => save(scenarios.filter((_, k) => k !== active), active - 1)} data-testid="plan-delete-scenario">Delete</button>}
      </div>
      {current && (
        <label className="picker">Scenario name
          <input key={current.name} defaultValue={current.name} maxLength={NAME_MAX} data-testid="plan-scenario-name"
            onBlur={(e) => rename(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && rename((e.target as HTMLInputElement).value)} />
        </label>
      )}

      <fieldset className="plan-form">
        <legend>{current ? `Add a change to “${current.name}”` : 'Start a scenario: add a first change'}</legend>
        <div className="plan-kinds" role="radiogroup" aria-label="Kind of change">
          {(['add', 'upgrade', 'outreach'] as const).map((k) => (
            <label key={k}><input type="radio" name="plan-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`plan-kind-${k}`} />
              {k === 'add' ? 'New facility' : k === 'upgrade' ? 'Upgrade a facility' : 'Mobile clinic / outreach'}</label>
          ))}
        </div>
        <div className="plan-row">
          <label className="picker">District (or click the map)
            <select value={district ?? ''} onChange={(e) => onDistrict(e.target.value || null)} data-testid="plan-district">
              <option value="">Choose a district…</option>
              {districts.map((d) => <option key={d.region_id} value={d.region_id}>{d.name} ({d.province})</option>)}
            </select>
          </label>
          {kind === 'upgrade' ? (
            <label className="picker">Facility
              <select value={chosenFacility?.facility_id ?? ''} onChange={(e) => setFacility(e.target.value)} data-testid="plan-facility" disabled={!list.length}>
                {list.map((f) => <option key={f.facility_id} value={f.facility_id}>{f.name} — {FACILITY_TYPE_LABEL[f.type] ?? f.type}, {f.beds ?? 0} beds, {(f.doctors ?? 0) + (f.nurses ?? 0) + (f.midwives ?? 0)} staff</option>)}
              </select>
            </label>
          ) : (
            <>
              <label className="picker plan-num">Latitude<input value={lat} onChange={(e) => setLat(e.target.value)} placeholder="auto" inputMode="decimal" data-testid="plan-lat" /></label>
              <label className="picker plan-num">Longitude<input value={lon} onChange={(e) => setLon(e.target.value)} placeholder="auto" inputMode="decimal" data-testid="plan-lon" /></label>
            </>
          )}
          {kind === 'add' && (
            <label className="picker">Type
              <select value={type} onChange={(e) => setType(e.target.value)} data-testid="plan-type">
                {NEW_TYPES.map((t) => <option key={t} value={t}>{FACILITY_TYPE_LABEL[t]}</option>)}
              </select>
            </label>
          )}
          {kind === 'outreach' && (
            <label className="picker plan-num">Radius (km)
              <input type="number" min={1} max={50} value={radius} onChange={(e) => setRadius(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))))} data-testid="plan-radius" />
            </label>
          )}
        </div>
        {kind !== 'upgrade' && <p className="access-note">Without a latitude and longitude, the {kind === 'add' ? 'facility' : 'mobile clinic base'} goes to the district’s most populous point.</p>}
        <div className="plan-row">
          {STAFF.map(num)}
          <fieldset className="plan-services"><legend>{kind === 'upgrade' ? 'Add services' : 'Services'}</legend>
            {SERVICES.map((v) => (
              <label key={v}><input type="checkbox" checked={(s.services ?? []).includes(v)}
                onChange={(e) => setS({ services: e.target.checked ? [...(s.services ?? []), v] : (s.services ?? []).filter((x) => x !== v) })} />{v}</label>
            ))}
          </fieldset>
        </div>
        <button type="button" className="plan-primary" onClick={addChange} data-testid="plan-add-change">
          {kind === 'add' ? 'Add this facility' : kind === 'upgrade' ? 'Add this upgrade' : 'Add this mobile clinic'}
        </button>
        <p className="access-note" role="status" aria-live="polite" data-testid="plan-message">{message}</p>
        {kind === 'outreach' && <p className="access-note">A mobile clinic is modelled as visiting every population point within its radius, so people there are reached where they live; its staff are shared equally between the stops.</p>}
        {kind === 'upgrade' && <p className="access-note">Upgrades add to the facility’s current beds and staff; they change densities and shortages, not distances.</p>}
      </fieldset>

      {current && (
        <div className="plan-changes">
          <h3>Changes in “{current.name}”</h3>
          {current.edits.length === 0 ? <p className="panel-status">No changes yet.</p> : (
            <ol data-testid="plan-changes">
              {current.edits.map((e, t) => (
                <li key={t}>{describeEdit(e)} <button type="button" className="plan-link" onClick={() => removeChange(t)} aria-label={`Remove change ${t + 1}`}>Remove</button></li>
              ))}
            </ol>
          )}
          <div className="plan-row">
            <ExportMenu query={exportQ} title={`Scenario “${current.name}”: changes`} fileBase="plan-scenario-changes" filters={{ scenario: current.name, thresholdKm: km }} />
            <button type="button" className="access-button" onClick={downloadJson} data-testid="plan-download-json">Download parameters (JSON)</button>
          </div>
        </div>
      )}
    </div>
  );
}
