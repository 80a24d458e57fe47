import type { I18n } from '../../i18n/I18nContext';
import type { PlanDistrict, PlanMeasures } from './planModel';

export type Fmt = Pick<I18n, 't' | 'num' | 'pct' | 'region'>;

/** A share (0..1) as a percentage in the interface language. */
export const share = (f: Fmt, x: number | null | undefined, d = 1) => (x == null ? '–' : f.pct(100 * x, d));

/** A difference with its sign (− for minus, ± for none), in the interface language. */
export const signed = (f: Fmt, x: number, d = 0) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${f.num(Math.abs(x), d)}`;

/** The sentence above the Plan: today's share within reach and the worst district, or what the scenario changes. */
export function planHeadline(f: Fmt, x: {
  base: PlanMeasures | null; scenario: { name: string; m: PlanMeasures } | null; worst: PlanDistrict | undefined; km: number; scope: string; national: boolean;
}): string {
  const { t, num } = f;
  const { base, scenario, worst, km, scope, national } = x;
  if (!base) return '';
  if (scenario) {
    return t(national ? 'plan.headline.scenario' : 'plan.headline.scenarioScope', {
      name: scenario.name, people: num(scenario.m.within - base.within), km: num(km), before: share(f, base.share), after: share(f, scenario.m.share), scope,
    });
  }
  return t(national ? 'plan.headline.today' : 'plan.headline.todayScope', { share: share(f, base.share), km: num(km), scope })
    + (worst ? t('plan.headline.worst', { name: f.region(worst.region_id, worst.name), share: share(f, worst.share, 0) }) : '')
    + t('plan.headline.todayEnd');
}
