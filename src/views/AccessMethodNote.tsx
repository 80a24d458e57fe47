import { formatNumber } from '../charts/measureMeta';
import { reachableKm } from '../metrics/access';
import { HPSA_POPULATION_PER_PHYSICIAN, WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import { LUO_QI_STEP_WEIGHTS } from '../queries/accessViewSql';
import { CAPACITY_LABEL, SERVICE_LABEL, type AccessSettings } from './accessSettings';

/** The method and its assumptions in plain language, with the current settings filled in. */
export function AccessMethodNote({ settings: s, lancetApplies }: { settings: AccessSettings; lancetApplies: boolean }) {
  const c = s.catchmentKm;
  const decay = {
    '2sfca': `everyone within ${c} km counts fully, no one beyond`,
    e2sfca_step: `people within ${formatNumber(c / 3, 1)} km count fully, ${formatNumber(c / 3, 1)}–${formatNumber((2 * c) / 3, 1)} km count ${LUO_QI_STEP_WEIGHTS[1]}, ${formatNumber((2 * c) / 3, 1)}–${c} km count ${LUO_QI_STEP_WEIGHTS[2]} (Luo & Qi 2009 weights)`,
    e2sfca_gauss: `weight falls smoothly with distance, exp(−d²/2σ²) with σ = ${s.sigmaKm} km, and is 0 beyond ${c} km`,
    gravity: `weight is distance^−${s.beta}, and 0 beyond ${c} km`,
  }[s.method];
  return (
    <section className="panel access-method" data-testid="access-method-note">
      <h2>How these figures are made</h2>
      <ul>
        <li>
          <strong>Distance</strong> is the straight line (great-circle, haversine formula, Earth radius 6,371 km) from each population point to the
          nearest facility offering {SERVICE_LABEL[s.service]}{s.service === 'any' ? ' (every facility type, pharmacies and mobile units included)' : ''}. Real roads are longer.
        </li>
        <li>
          <strong>Travel time is an estimate</strong>: time = distance × detour factor ÷ speed. Assumed: walking 5 km/h, motor vehicle 40 km/h,
          detour factor 1.3 (change them above). {s.unit === 'min' && `With ${s.speedKmh} km/h and ${s.circuity}, ${s.minutes} minutes ≈ ${formatNumber(reachableKm(s.minutes, { speedKmh: s.speedKmh, circuity: s.circuity }), 1)} km in a straight line.`}
          {' '}No roads, rivers or terrain are modelled.
        </li>
        <li><strong>Within reach</strong> counts people whose nearest facility is at or under the threshold (≤). National and district figures add up population points, not districts.</li>
        {lancetApplies && <li><strong>Surgery target</strong>: the Lancet Commission on Global Surgery (2015) asks that at least 80% of people live within 2 hours of surgical care.</li>}
        <li>
          <strong>Accessibility</strong> ({s.method.startsWith('e2') ? 'enhanced two-step floating catchment, E2SFCA' : s.method === 'gravity' ? 'gravity model' : 'two-step floating catchment, 2SFCA'}):
          each facility's {CAPACITY_LABEL[s.capacity].label.toLowerCase()} is first divided by the people who can reach it, then each person adds up the
          shares of every facility they can reach; {decay}. Shown as {CAPACITY_LABEL[s.capacity].unit}, population-weighted per district. Facilities in
          other provinces count too: people cross borders.
        </li>
        <li>
          <strong>Priority score</strong> = average of two percentile ranks among the districts shown: low accessibility and high poverty (share below the
          national poverty line, latest year). 1 = lowest access and poorest; each criterion weighs the same.
        </li>
        <li>
          <strong>Shortage flags</strong>: fewer than {WHO_WORKFORCE_PER_10K} doctors, nurses and midwives per 10,000 people (WHO 2016), and {formatNumber(HPSA_POPULATION_PER_PHYSICIAN)} or more
          people per doctor (US HRSA primary-care shortage ratio; here all doctors, not only primary care).
        </li>
      </ul>
    </section>
  );
}
