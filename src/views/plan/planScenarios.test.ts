import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { concentrationByPoverty } from './planModel';
import { decodeScenarios, dropUnknownUpgrades, encodeScenarios, parsePlanSettings, placementExtra, planExtra, type PlanScenario } from './planScenarios';

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
    const url = serializeViewState({ view: 'plan', province: null, measure: 'workforce', district: null, extra: { sc, pkm: '10' } });
    const { state, notices } = parseViewState(url);
    expect(notices).toEqual([]);
    const s = parsePlanSettings(state.extra);
    expect(s).toMatchObject({ km: 10, scenarios, active: 0, notices: [] });
    expect(planExtra({ km: 5, active: 0 })).toEqual({ pkm: undefined, sa: undefined });
  });

  it('drops a bad scenario with a notice that names the problem, keeping the good ones', () => {
    const bad = Buffer.from(JSON.stringify([['ok', []], ['bad', [['a', 'NEW1', 95, 0, 'clinic', 0, 0, 0, 0, '']]], ['worse', [['u', 'F1', 0, 0, 0, 0, 'magic']]]])).toString('base64url');
    const { scenarios: got, notices } = decodeScenarios(bad);
    expect(got).toEqual([{ name: 'ok', edits: [] }]);
    expect(notices).toEqual(['Scenario 2 in this link was ignored: invalid latitude 95.', 'Scenario 3 in this link was ignored: F1: unknown service “magic”.']);
    expect(decodeScenarios('%%%').notices[0]).toContain('could not be read');
    expect(parsePlanSettings({ pkm: '0.5' }).notices[0]).toContain('is not a whole number');
  });

  it('concentration index by poverty: 0 when access is equal, negative when the poorest are better served', () => {
    const d = (estimate: number, poverty: number, name: string) => ({ name, estimate, population: 100, poverty });
    expect(concentrationByPoverty([d(50, 60, 'a'), d(50, 40, 'b'), d(50, 20, 'c')], 100)).toBeCloseTo(0, 10);
    expect(concentrationByPoverty([d(90, 60, 'a'), d(50, 40, 'b'), d(10, 20, 'c')], 100)!).toBeLessThan(0);
    expect(concentrationByPoverty([d(10, 60, 'a'), d(50, 40, 'b'), d(90, 20, 'c')], 100)!).toBeGreaterThan(0);
  });

  it('placement settings travel in the link: validated, defaults otherwise, round-trip', () => {
    expect(parsePlanSettings({}).placement).toEqual({ k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false });
    // The placement threshold follows the page's unless the link sets it.
    expect(parsePlanSettings({ pkm: '8' }).placement.thresholdKm).toBe(8);
    const p = { k: 3, thresholdKm: 12, gridKm: 0, objective: 'p-median' as const, povertyWeighted: true };
    const extra = Object.fromEntries(Object.entries(placementExtra(p, 5)).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(extra).toEqual({ pk: '3', pt: '12', pg: '0', po: 'p-median', pw: '1' });
    const url = serializeViewState({ view: 'plan', province: null, measure: 'workforce', district: null, extra });
    expect(parsePlanSettings(parseViewState(url).state.extra)).toMatchObject({ placement: p, notices: [] });
    expect(placementExtra({ ...p, k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false }, 5)).toEqual({ pk: undefined, pt: undefined, pg: undefined, po: undefined, pw: undefined });

    const bad = parsePlanSettings({ pk: '99', pt: '-1', pg: '7', po: 'magic', pw: 'yes' });
    expect(bad.placement).toEqual({ k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false });
    expect(bad.notices).toHaveLength(5);
    expect(bad.notices[0]).toBe('The placement New facilities (K) “99” in this link is not valid; 5 is used.');
  });

  it('a hand-edited link that upgrades a facility the data does not have: the upgrade is ignored with a notice, the rest kept', () => {
    // Valid in form (parsing accepts any well-formed id), unknown to the data.
    const link = Buffer.from(JSON.stringify([['Upgrades', [['u', 'F999999', 5, 0, 0, 0, 'surgery'], ['u', 'F000123', 1, 0, 0, 0, ''], ['a', 'NEW1', 1, 2, 'clinic', 0, 1, 0, 0, '']]], ['Clean', [['u', 'F000123', 2, 0, 0, 0, '']]]])).toString('base64url');
    const parsed = parsePlanSettings({ sc: link });
    expect(parsed.notices).toEqual([]);
    const { scenarios: kept, notices } = dropUnknownUpgrades(parsed.scenarios, new Set(['F000123']));
    expect(notices).toEqual(['Scenario “Upgrades”: “F999999” is not a facility of this dataset, so its upgrade was ignored.']);
    expect(kept[0].edits.map((e) => e.kind)).toEqual(['upgrade', 'add']);
    expect(kept[0].edits[0]).toMatchObject({ facilityId: 'F000123' });
    expect(kept[1]).toBe(parsed.scenarios[1]);
  });
});
