import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { encodeScenarios, type PlanScenario } from './planScenarios';
import { PLAN_SETTINGS, placementOf, placementPatch, readPlanSettings } from './settings';

const scenarios: PlanScenario[] = [
  { name: 'North', edits: [{ kind: 'add', id: 'NEW1', lat: 8.5, lon: -11.9, type: 'clinic', doctors: 1 }] },
  { name: 'Mobile', edits: [{ kind: 'outreach', id: 'MOB1', lat: 8, lon: -12, radiusKm: 15, type: 'mobile_unit', nurses: 2 }] },
];
const sc = encodeScenarios(scenarios);
const read = (search: string) => readPlanSettings(parseViewState(search, SETTINGS_CODECS).state.extra);

describe('Plan settings in the link', () => {
  it('an old link (bare keys) reads to the same settings as its namespaced form', () => {
    const old = read(`?view=plan&pkm=8&sc=${sc}&sa=1&pk=3&pt=12&pg=0&po=p-median&pw=1&flagged=1`);
    const now = read(`?view=plan&plan.km=8&plan.scenarios=${sc}&plan.active=1&plan.sites=3&plan.site_km=12&plan.grid=0&plan.objective=p-median&plan.weighted=1&plan.flagged=1`);
    expect(old).toEqual(now);
    expect(old.notices).toEqual([]);
    expect(old.settings).toEqual({
      km: 8, scenarios, active: 1, sites: 3, site_km: 12, grid: 0, objective: 'p-median', weighted: true, flagged: true, programme: 'outreach', radius: 10,
    });
    // The link is written back with the new keys only.
    const { state, notices } = parseViewState(`?view=plan&pkm=8&flagged=1&district=D7`, SETTINGS_CODECS);
    expect(notices).toEqual([]);
    expect(serializeViewState(state)).toBe('?view=plan&district=D7&plan.flagged=1&plan.km=8');
  });

  it('old keys belong to the Plan only in a Plan link', () => {
    expect(parseViewState('?view=access&pk=3', SETTINGS_CODECS).state.extra).toEqual({ pk: '3' });
  });

  it('the partnership programme and radius, and keeping flagged facilities, travel in the link', () => {
    const extra = PLAN_SETTINGS.write({}, { programme: 'telemedicine', radius: 25, flagged: true });
    expect(extra).toEqual({ 'plan.programme': 'telemedicine', 'plan.radius': '25', 'plan.flagged': '1' });
    const url = serializeViewState({ view: 'plan', province: null, measure: 'workforce', district: null, extra });
    expect(read(url).settings).toMatchObject({ programme: 'telemedicine', radius: 25, flagged: true });
    expect(PLAN_SETTINGS.write(extra, { programme: 'outreach', radius: 10, flagged: false })).toEqual({});
  });

  it('placement settings: defaults, the threshold follows the page unless set, round-trip', () => {
    expect(placementOf(readPlanSettings({}).settings)).toEqual({ k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false });
    expect(placementOf(readPlanSettings({ 'plan.km': '8' }).settings).thresholdKm).toBe(8);
    const p = { k: 3, thresholdKm: 12, gridKm: 0, objective: 'p-median' as const, povertyWeighted: true };
    const extra = PLAN_SETTINGS.write({}, placementPatch(p));
    expect(extra).toEqual({ 'plan.sites': '3', 'plan.site_km': '12', 'plan.grid': '0', 'plan.objective': 'p-median', 'plan.weighted': '1' });
    expect(placementOf(readPlanSettings(extra).settings)).toEqual(p);
    // A threshold equal to the page's is left out, so it follows the page's.
    expect(PLAN_SETTINGS.write({ 'plan.km': '12' }, placementPatch(p))).not.toHaveProperty('plan.site_km');
    expect(PLAN_SETTINGS.write(extra, placementPatch({ k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false }))).toEqual({});
  });

  it('each bad value gets its default and a notice naming it', () => {
    const bad = readPlanSettings({ 'plan.sites': '99', 'plan.site_km': '-1', 'plan.grid': '7', 'plan.objective': 'magic', 'plan.weighted': 'yes' });
    expect(placementOf(bad.settings)).toEqual({ k: 5, thresholdKm: 5, gridKm: 5, objective: 'coverage', povertyWeighted: false });
    expect(bad.notices).toHaveLength(5);
    expect(bad.notices[0]).toBe('The placement New facilities (K) “99” in this link is not valid; 5 is used.');
    expect(bad.notices[2]).toBe('The placement Candidate sites “7” in this link is not valid; 5 km is used.');
    const other = readPlanSettings({ 'plan.programme': 'radio', 'plan.radius': '500', 'plan.flagged': 'yes', 'plan.km': '0.5' });
    expect(other.settings).toMatchObject({ programme: 'outreach', radius: 10, flagged: false, km: 5 });
    expect(other.notices).toEqual([
      'The threshold “0.5” km is not a whole number from 1 to 50; 5 km is used.',
      'The setting “include flagged facilities” = “yes” in this link is not valid; off is used.',
      'The setting “Programme” = “radio” in this link is not valid; Mobile clinic outreach within a radius is used.',
      'The setting “Outreach radius (km)” = “500” in this link is not valid; 10 km is used.',
    ]);
  });

  it('the active scenario is one the link has, else the first', () => {
    expect(readPlanSettings({ 'plan.scenarios': sc, 'plan.active': '1' }).settings.active).toBe(1);
    expect(readPlanSettings({ 'plan.scenarios': sc, 'plan.active': '3' }).settings.active).toBe(0);
    expect(readPlanSettings({ 'plan.active': '1' }).settings.active).toBe(0);
  });
});
