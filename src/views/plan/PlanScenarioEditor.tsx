import { useMemo, useState } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { saveFile } from '../../data/exportQuery';
import { useI18n } from '../../i18n/I18nContext';
import type { ScenarioEdit } from '../../metrics/scenario';
import { scenarioEditsQuery, type DistrictSiteRow } from '../../queries/planSql';
import { useDataset } from '../../state/useDataset';
import { PlanChangeForm } from './PlanChangeForm';
import { describeEdit, MAX_SCENARIOS, NAME_MAX, type PlanScenario } from './planScenarios';

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
  const { t, num } = i18n;
  const [message, setMessage] = useState('');
  const current = scenarios[active];

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
  const addChange = (edit: ScenarioEdit, facilityName?: string) => {
    const base = current ?? { name: t('plan.editor.scenarioN', { n: num(1) }), edits: [] };
    const updated = { ...base, edits: [...base.edits, edit] };
    save(current ? scenarios.map((x, k) => (k === active ? updated : x)) : [updated], current ? active : 0);
    setMessage(t('plan.editor.added', { change: describeEdit(edit, facilityName, i18n) }));
  };
  const removeChange = (j: number) => save(scenarios.map((x, k) => (k === active ? { ...x, edits: x.edits.filter((_, i) => i !== j) } : x)), active);

  const downloadJson = () => {
    const body = { tool: 'Care access dashboard, Plan view', dataset, synthetic, createdAt: new Date().toISOString(), thresholdKm: km, scenarios };
    saveFile(`plan-scenarios.json`, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  };
  const exportQ = useMemo(() => scenarioEditsQuery(current?.name ?? '', current?.edits ?? []), [current]);

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

      <PlanChangeForm current={current} district={district} districts={districts} sites={sites} onDistrict={onDistrict}
        message={message} onMessage={setMessage} onAdd={addChange} />

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
