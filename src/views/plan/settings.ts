import type { MessageKey } from '../../i18n/en';
import type { PlacementObjective } from '../../metrics/placement';
import { flag, intIn, oneOf, settingsCodec, type Field } from '../../state/settingsCodec';
import { decodeScenarios, EN_TEXT, encodeScenarios, MAX_SCENARIOS, type PlanScenario, type PlanText } from './planScenarios';

export const PLAN_KM = { min: 1, max: 50, default: 5 } as const;
export const PLACEMENT_K = { min: 1, max: 20, default: 5 } as const;
export const PLACEMENT_GRIDS = [5, 10, 20, 0] as const;
export const PARTNER_RADIUS = { min: 1, max: 50, default: 10 } as const;
export const PROGRAMMES = ['outreach', 'telemedicine'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** Optimal placement settings; running it still takes the Run button. */
export interface PlacementRequest {
  k: number;
  thresholdKm: number;
  /** Candidate sites: a grid of this many km (its most populous point per cell), or 0 for every population point. */
  gridKm: number;
  objective: PlacementObjective;
  povertyWeighted: boolean;
}

/** Every setting of the Plan view, one per link key (`plan.<name>`). */
export interface PlanLink {
  /** Travel threshold (straight-line km) for "within reach". */
  km: number;
  scenarios: PlanScenario[];
  /** Index of the scenario being edited and mapped. */
  active: number;
  /** Placement: K new facilities, within this many km (follows `km` unless set), on this candidate grid. */
  sites: number;
  site_km: number;
  grid: number;
  objective: PlacementObjective;
  weighted: boolean;
  /** Keep the facilities whose location the plausibility checks flag. */
  flagged: boolean;
  /** The partnership programme ranked, and the outreach radius (km). */
  programme: Programme;
  radius: number;
}

/** The scenarios as base64url of a compact JSON (planScenarios.ts); a link whose scenarios are all bad reads as none. */
const scenarioList: Field<PlanScenario[]> = {
  read: (text) => {
    const { scenarios } = decodeScenarios(text);
    return scenarios.length ? scenarios : undefined;
  },
  write: encodeScenarios,
  long: true,
  legacy: 'sc',
};

const grid: Field<number> = {
  read: (t) => (/^\d{1,2}$/.test(t) && (PLACEMENT_GRIDS as readonly number[]).includes(Number(t)) ? Number(t) : undefined),
  write: String,
  legacy: 'pg',
};

export const PLAN_SETTINGS = settingsCodec<PlanLink>('plan', {
  km: intIn(PLAN_KM.min, PLAN_KM.max, 'pkm'),
  scenarios: scenarioList,
  active: intIn(0, MAX_SCENARIOS - 1, 'sa'),
  sites: intIn(PLACEMENT_K.min, PLACEMENT_K.max, 'pk'),
  site_km: intIn(PLAN_KM.min, PLAN_KM.max, 'pt'),
  grid,
  objective: oneOf(['coverage', 'p-median'] as const, 'po'),
  weighted: flag('pw'),
  flagged: flag('flagged'),
  programme: oneOf(PROGRAMMES),
  radius: intIn(PARTNER_RADIUS.min, PARTNER_RADIUS.max),
}, (given) => {
  const km = given.km ?? PLAN_KM.default;
  const scenarios = given.scenarios ?? [];
  return {
    km,
    scenarios,
    active: given.active !== undefined && given.active < scenarios.length ? given.active : 0,
    sites: given.sites ?? PLACEMENT_K.default,
    site_km: given.site_km ?? km,
    grid: given.grid ?? 5,
    objective: given.objective ?? 'coverage',
    weighted: given.weighted ?? false,
    flagged: given.flagged ?? false,
    programme: given.programme ?? 'outreach',
    radius: given.radius ?? PARTNER_RADIUS.default,
  };
}, 'plan');

export const placementOf = (s: PlanLink): PlacementRequest => ({ k: s.sites, thresholdKm: s.site_km, gridKm: s.grid, objective: s.objective, povertyWeighted: s.weighted });
export const placementPatch = (p: PlacementRequest): Partial<PlanLink> => ({ sites: p.k, site_km: p.thresholdKm, grid: p.gridKm, objective: p.objective, weighted: p.povertyWeighted });

/**
 * The settings of a link, and a notice for each value it had that could not be used (naming the value and what is
 * used instead), in the interface language. A bad scenario is dropped with its own notice; the good ones are kept.
 */
export function readPlanSettings(extra: Readonly<Record<string, string>>, t: PlanText['t'] = EN_TEXT.t): { settings: PlanLink; notices: string[] } {
  const { settings: s, invalid } = PLAN_SETTINGS.read(extra);
  const sc = extra[PLAN_SETTINGS.key('scenarios')];
  const notices = sc ? decodeScenarios(sc, t).notices : [];
  const km = (x: number) => t('plan.unit.km', { value: x });
  const used: { [K in keyof PlanLink]?: [MessageKey, string] } = {
    sites: ['plan.placement.k', String(s.sites)],
    site_km: ['plan.placement.km', km(s.site_km)],
    grid: ['plan.placement.candidates', km(s.grid)],
    objective: ['plan.placement.objective', t('plan.placement.coverage')],
    weighted: ['plan.placement.poverty', t('plan.link.noWeighting')],
  };
  const other: { [K in keyof PlanLink]?: [MessageKey, string] } = {
    flagged: ['plan.flagged.include', t('plan.link.off')],
    programme: ['plan.partners.programme', t('plan.partners.outreach')],
    radius: ['plan.partners.radius', km(s.radius)],
  };
  for (const name of Object.keys(PLAN_SETTINGS.fields) as (keyof PlanLink)[]) {
    const key = PLAN_SETTINGS.key(name);
    if (!invalid.includes(key)) continue;
    const value = extra[key].slice(0, 10);
    const [placement, setting] = [used[name], other[name]];
    if (name === 'km') notices.push(t('plan.link.badKm', { value, min: PLAN_KM.min, max: PLAN_KM.max, km: PLAN_KM.default }));
    else if (placement) notices.push(t('plan.link.badPlacement', { what: t(placement[0]), value, used: placement[1] }));
    else if (setting) notices.push(t('plan.link.badSetting', { what: t(setting[0]), value, used: setting[1] }));
  }
  return { settings: s, notices };
}
