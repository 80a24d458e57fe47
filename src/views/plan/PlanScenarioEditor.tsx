import { useMemo, useState } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { SERVICES } from '../../data/contract';
import { saveFile } from '../../data/exportQuery';
import { useI18n } from '../../i18n/I18nContext';
import type { ScenarioEdit, Staffing } from '../../metrics/scenario';
import { districtFacilitiesQuery, scenarioEditsQuery, type DistrictFacilityRow, type DistrictSiteRow } from '../../queries/planSql';
import { useDataset } from '../../state/useDataset';
import { useQuery } from '../../state/useQuery';
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
  const { synthetic, name: dataset } = useDataset('synthetic', 'name');
  const i18n = useI18n();
  const { t, num, tx, region } = i18n;
  const typeLabel = (v: string) => tx(`ftype.${v}`, v.replace(/_/g, ' '));
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
  // Absent is not zero: a count the registry does not report reads 'not in this dataset', never 0.
  const known = (v: number | null | undefined) => (v == null ? t('known.notInDataShort') : num(v));
  const chosenFacility = list.find((f) => f.facility_id === facility) ?? list[0];
  const s = staff[kind];
  const setS = (patch: Staffing) => setStaff({ ...staff, [kind]: { ...s, ...patch } });

  const save = (next: PlanScenario[], at: number) => onScenarios(next, Math.max(0, Math.min(at, next.length - 1)));
  const newScenario = (from?: PlanScenario) => {
    if (scenarios.length >= MAX_SCENARIOS) return setMessage(t('plan.editor.maxScenarios', { max: num(MAX_SCENARIOS) }));
    let n = scenarios.length + 1;
    while (scenarios.some((x) => x.name === t('plan.editor.scenarioN', { n: num(n) }))) n++;
    const sc = { name: from ? t('plan.editor.copyName', { name: from.name }).slice(0, NAME_MAX) : t('plan.editor.scenarioN', { n: num(n) }), edits: from ? [...from.edits] : [] };
    save([...scenarios, sc], scenarios.length);
    setMessage('');
  };
  const rename = (name: string) => {
    const clean = name.trim().slice(0, NAME_MAX);
    if (!clean || clean === current.name) return;
    if (scenarios.some((x, k) => k !== active && x.name === clean)) return setMessage(t('plan.editor.nameTaken', { name: clean }));
    save(scenarios.map((x, k) => (k === active ? { ...x, name: clean } : x)), active);
  };

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
  const clean = (x: Staffing): Staffing => {
    const out: Staffing = {};
    for (const k of STAFF) if ((x[k] ?? 0) > 0) out[k] = x[k];
    if (x.services?.length) out.services = x.services;
    return out;
  };
  const addChange = () => {
    const base = current ?? { name: t('plan.editor.scenarioN', { n: num(1) }), edits: [] };
    if (base.edits.length >= MAX_EDITS) return setMessage(t('plan.editor.maxEdits', { max: num(MAX_EDITS) }));
    let edit: ScenarioEdit;
    if (kind === 'upgrade') {
      if (!chosenFacility) return setMessage(t('plan.editor.needFacility'));
      const x = clean(s);
      if (!Object.keys(x).length) return setMessage(t('plan.editor.emptyUpgrade'));
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
    setMessage(t('plan.editor.added', { change: describeEdit(edit, chosenFacility?.name, i18n) }));
  };
  const removeChange = (t: number) => save(scenarios.map((x, k) => (k === active ? { ...x, edits: x.edits.filter((_, j) => j !== t) } : x)), active);

  const downloadJson = () => {
    const body = { tool: 'Care access dashboard, Plan view', dataset, synthetic, createdAt: new Date().toISOString(), thresholdKm: km, scenarios };
    saveFile(`plan-scenarios.json`, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  };
  const exportQ = useMemo(() => scenarioEditsQuery(current?.name ?? '', current?.edits ?? []), [current]);
  const staffInput = (k: (typeof STAFF)[number]) => (
    <label className="picker plan-num" key={k}>{kind === 'upgrade' ? `+ ${t(`plan.staff.${k}`)}` : t(`plan.staff.${k}`)}
      <input type="number" min={0} max={10000} step={1} value={s[k] ?? 0} data-testid={`plan-${k}`}
        onChange={(e) => setS({ [k]: Math.max(0, Math.min(10000, Math.round(Number(e.target.value) || 0))) })} />
    </label>
  );

  return (
    <div className="plan-editor" data-testid="plan-editor">
      <div className="plan-scenario-bar" role="group" aria-label={t('plan.scenarios.title')}>
        {scenarios.map((x, k) => (
          <button key={x.name} type="button" className={k === active ? 'plan-tab active' : 'plan-tab'} aria-pressed={k === active}
            onClick={() => save(scenarios, k)} data-testid={`plan-tab-${k}`}>{x.name} <span className="plan-count">({x.edits.length})</span></button>
        ))}
        <button type="button" className="access-button" onClick={() => newScenario()} data-testid="plan-new-scenario">{t('plan.editor.new')}</button>
        {current && <button type="button" className="access-button" onClick={() => newScenario(current)}>{t('plan.editor.duplicate')}</button>}
        {current && <button type="button" className="access-button" onClick={() => save(scenarios.filter((_, k) => k !== active), active - 1)} data-testid="plan-delete-scenario">{t('plan.editor.delete')}</button>}
      </div>
      {current && (
        <label className="picker">{t('plan.editor.name')}
          <input key={current.name} defaultValue={current.name} maxLength={NAME_MAX} data-testid="plan-scenario-name"
            onBlur={(e) => rename(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && rename((e.target as HTMLInputElement).value)} />
        </label>
      )}

      <fieldset className="plan-form">
        <legend>{current ? t('plan.editor.addTo', { name: current.name }) : t('plan.editor.start')}</legend>
        <div className="plan-kinds" role="radiogroup" aria-label={t('plan.editor.kind')}>
          {(['add', 'upgrade', 'outreach'] as const).map((k) => (
            <label key={k}><input type="radio" name="plan-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`plan-kind-${k}`} />
              {t(k === 'add' ? 'plan.editor.kindAdd' : k === 'upgrade' ? 'plan.editor.kindUpgrade' : 'plan.editor.kindOutreach')}</label>
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
          {STAFF.map(staffInput)}
          <fieldset className="plan-services"><legend>{t(kind === 'upgrade' ? 'plan.editor.addServices' : 'plan.editor.services')}</legend>
            {SERVICES.map((v) => (
              <label key={v}><input type="checkbox" checked={(s.services ?? []).includes(v)}
                onChange={(e) => setS({ services: e.target.checked ? [...(s.services ?? []), v] : (s.services ?? []).filter((x) => x !== v) })} />{tx(`service.${v}`, v)}</label>
            ))}
          </fieldset>
        </div>
        <button type="button" className="plan-primary" onClick={addChange} data-testid="plan-add-change">
          {t(kind === 'add' ? 'plan.editor.addFacility' : kind === 'upgrade' ? 'plan.editor.addUpgrade' : 'plan.editor.addOutreach')}
        </button>
        <p className="access-note" role="status" aria-live="polite" data-testid="plan-message">{message}</p>
        {kind === 'outreach' && <p className="access-note">{t('plan.editor.outreachNote')}</p>}
        {kind === 'upgrade' && <p className="access-note">{t('plan.editor.upgradeNote')}</p>}
      </fieldset>

      {current && (
        <div className="plan-changes">
          <h3>{t('plan.editor.changesIn', { name: current.name })}</h3>
          {current.edits.length === 0 ? <p className="panel-status">{t('plan.editor.noChanges')}</p> : (
            <ol data-testid="plan-changes">
              {current.edits.map((e, k) => (
                <li key={k}>{describeEdit(e, undefined, i18n)} <button type="button" className="plan-link" onClick={() => removeChange(k)} aria-label={t('plan.editor.removeLabel', { n: num(k + 1) })}>{t('plan.editor.remove')}</button></li>
              ))}
            </ol>
          )}
          <div className="plan-row">
            <ExportMenu query={exportQ} title={t('plan.editor.exportTitle', { name: current.name })} fileBase="plan-scenario-changes" filters={{ scenario: current.name, thresholdKm: km }} />
            <button type="button" className="access-button" onClick={downloadJson} data-testid="plan-download-json">{t('plan.editor.downloadJson')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
