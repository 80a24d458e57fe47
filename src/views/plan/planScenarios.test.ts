import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { bestSitesScenario, decodeScenarios, dropUnknownUpgrades, encodeScenarios, type PlanScenario } from './planScenarios';
import { PLAN_SETTINGS, readPlanSettings } from './settings';

const scenarios: PlanScenario[] = [
  { name: 'Clinic in the north', edits: [
    { kind: 'add', id: 'NEW1', lat: 12.34567, lon: -3.21, type: 'health_centre', beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity'] },
    { kind: 'upgrade', facilityId: 'F000123', beds: 20, services: ['surgery'] },
  ] },
  { name: 'Mobile clinic', edits: [{ kind: 'outreach', id: 'MOB1', lat: 10, lon: 5, radiusKm: 15, type: 'mobile_unit', doctors: 1, nurses: 2 }] },
];

describe('Plan scenarios in the link', () => {
  it('round-trips through base64url and the URL, short enough to share', () => {
    const sc = encodeScenarios(scenarios);
    expect(sc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sc.length).toBeLessThan(400);
    expect(decodeScenarios(sc)).toEqual({ scenarios, notices: [] });
    const extra = PLAN_SETTINGS.write({}, { scenarios, km: 10 });
    expect(extra).toEqual({ 'plan.scenarios': sc, 'plan.km': '10' });
    const url = serializeViewState({ view: 'plan', province: null, measure: 'workforce', district: null, extra });
    const { state, notices } = parseViewState(url, SETTINGS_CODECS);
    expect(notices).toEqual([]);
    expect(readPlanSettings(state.extra)).toMatchObject({ settings: { km: 10, scenarios, active: 0 }, notices: [] });
    // Defaults leave the link.
    expect(PLAN_SETTINGS.write(extra, { km: 5, active: 0, scenarios: [] })).toEqual({});
  });

  it('drops a bad scenario with a notice that names the problem, keeping the good ones', () => {
    const bad = Buffer.from(JSON.stringify([['ok', []], ['bad', [['a', 'NEW1', 95, 0, 'clinic', 0, 0, 0, 0, '']]], ['worse', [['u', 'F1', 0, 0, 0, 0, 'magic']]]])).toString('base64url');
    const { scenarios: got, notices } = decodeScenarios(bad);
    expect(got).toEqual([{ name: 'ok', edits: [] }]);
    expect(notices).toEqual(['Scenario 2 in this link was ignored: invalid latitude 95.', 'Scenario 3 in this link was ignored: F1: unknown service “magic”.']);
    expect(decodeScenarios('%%%').notices[0]).toContain('could not be read');
    expect(readPlanSettings({ 'plan.km': '0.5' }).notices[0]).toContain('is not a whole number');
  });

  it('a hand-edited link that upgrades a facility the data does not have: the upgrade is ignored with a notice, the rest kept', () => {
    // Valid in form (parsing accepts any well-formed id), unknown to the data.
    const link = Buffer.from(JSON.stringify([['Upgrades', [['u', 'F999999', 5, 0, 0, 0, 'surgery'], ['u', 'F000123', 1, 0, 0, 0, ''], ['a', 'NEW1', 1, 2, 'clinic', 0, 1, 0, 0, '']]], ['Clean', [['u', 'F000123', 2, 0, 0, 0, '']]]])).toString('base64url');
    const parsed = decodeScenarios(link);
    expect(parsed.notices).toEqual([]);
    const { scenarios: kept, notices } = dropUnknownUpgrades(parsed.scenarios, new Set(['F000123']));
    expect(notices).toEqual(['Scenario “Upgrades”: “F999999” is not a facility of this dataset, so its upgrade was ignored.']);
    expect(kept[0].edits.map((e) => e.kind)).toEqual(['upgrade', 'add']);
    expect(kept[0].edits[0]).toMatchObject({ facilityId: 'F000123' });
    expect(kept[1]).toBe(parsed.scenarios[1]);
  });

  it('adopting proposed sites: a health centre at each, under a name no other scenario has', () => {
    const sites = [{ lat: 1, lon: 2 }, { lat: 3, lon: 4 }];
    const first = bestSitesScenario(sites, []);
    expect(first.name).toBe('Best 2 sites');
    expect(first.edits.map((e) => (e.kind === 'add' ? [e.id, e.lat, e.lon, e.type] : null))).toEqual([['NEW1', 1, 2, 'health_centre'], ['NEW2', 3, 4, 'health_centre']]);
    expect(bestSitesScenario(sites, [first]).name).toBe('Best 2 sites (2)');
  });
});
