import { formatTick } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nContext';
import { EARTH_RADIUS_KM, reachableKm } from '../../metrics/access';
import { HPSA_POPULATION_PER_PHYSICIAN, LANCET_SURGERY_TARGET, MOTORISED, WALKING, WHO_WORKFORCE_PER_10K, WORKFORCE_BY_TYPE } from '../../metrics/accessThresholds';
import { LUO_QI_STEP_WEIGHTS } from '../../queries/accessViewSql';
import type { CatchmentPlan } from '../../queries/catchmentPlan';
import type { AccessSettings } from './accessSettings';

/**
 * The method and its assumptions in plain language (in the interface language), with the current settings filled in;
 * `plan` is how the accessibility on screen was computed (exact or on a grid), null until it is known.
 */
export function AccessMethodNote({ settings: s, lancetApplies, plan }: { settings: AccessSettings; lancetApplies: boolean; plan: CatchmentPlan | null }) {
  const { t, tx, num, pct, locale } = useI18n();
  const c = s.catchmentKm;
  /** A setting as typed (1.3, 7.5, 15), in the locale's digits. */
  const n1 = (x: number) => formatTick(x, locale);
  const decay = {
    '2sfca': t('access.note.decay2sfca', { c: n1(c) }),
    e2sfca_step: t('access.note.decayStep', { a: num(c / 3, 1), b: num((2 * c) / 3, 1), c: n1(c), w1: num(LUO_QI_STEP_WEIGHTS[1], 2), w2: num(LUO_QI_STEP_WEIGHTS[2], 2) }),
    e2sfca_gauss: t('access.note.decayGauss', { sigma: n1(s.sigmaKm), c: n1(c) }),
    gravity: t('access.note.decayGravity', { beta: n1(s.beta), c: n1(c) }),
  }[s.method];
  const method = t(s.method.startsWith('e2') ? 'access.note.methodE2' : s.method === 'gravity' ? 'access.note.methodGravity' : 'access.note.method2');
  return (
    <section className="panel access-method" data-testid="access-method-note">
      <h2>{t('access.note.title')}</h2>
      <ul>
        <li>
          <strong>{t('access.note.distanceLead')}</strong>
          {t('access.note.distance', { radius: num(EARTH_RADIUS_KM), service: t(`access.svc.${s.service}`), all: s.service === 'any' ? t('access.note.allTypes') : '' })}
        </li>
        <li>
          <strong>{t('access.note.travelLead')}</strong>
          {t('access.note.travel', { walk: num(WALKING.speedKmh), motor: num(MOTORISED.speedKmh), detour: n1(WALKING.circuity) })}
          {s.unit === 'min' && t('access.note.travelExample', {
            speed: n1(s.speedKmh), circuity: n1(s.circuity), minutes: num(s.minutes),
            km: num(reachableKm(s.minutes, { speedKmh: s.speedKmh, circuity: s.circuity }), 1),
          })}
          {t('access.note.noTerrain')}
        </li>
        <li><strong>{t('access.note.withinLead')}</strong>{t('access.note.within')}</li>
        {lancetApplies && <li><strong>{t('access.note.surgeryLead')}</strong>{t('access.note.surgery', { share: pct(100 * LANCET_SURGERY_TARGET.share) })}</li>}
        <li>
          <strong>{t('access.note.accessLead')}</strong>
          {t('access.note.access', { method, capacity: s.capacity === 'facilities' ? t('known.capNounFacilities') : s.capacity === 'typed' ? t('known.capNounTyped') : t(`access.cap.${s.capacity}`).toLowerCase(), decay, unit: t(`access.capUnit.${s.capacity}`) })}
          {s.capacity === 'typed' && t('access.note.typed', {
            defaults: Object.entries(WORKFORCE_BY_TYPE).map(([type, n]) => `${tx(`ftype.${type}`, type.replace(/_/g, ' '))} ${num(n)}`).join(', '),
          })}
        </li>
        {plan && (
          <li data-testid="access-grid-note">
            <strong>{t('access.note.sizeLead')}</strong>
            {plan.cellKm == null
              ? t('access.note.exact', { pairs: num(plan.pairs / 1e6, 1) })
              : t('access.note.grid', { pairs: num(plan.exactPairs / 1e6, 0), cell: num(plan.cellKm) })}
          </li>
        )}
        <li><strong>{t('access.note.priorityLead')}</strong>{t('access.note.priority')}</li>
        <li>
          <strong>{t('access.note.shortageLead')}</strong>
          {t('access.note.shortage', { who: num(WHO_WORKFORCE_PER_10K, 1), hpsa: num(HPSA_POPULATION_PER_PHYSICIAN) })}
        </li>
      </ul>
    </section>
  );
}
