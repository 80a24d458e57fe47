import { useState } from 'react';
import { travelMinutes } from '../../metrics/access';
import { COVERAGE_ORDERS, type CoverageOrder } from '../../metrics/capacityCoverage';
import type { TimeDecay } from '../../metrics/timeCatchment';
import { LUO_QI_STEP_WEIGHTS } from '../../queries/accessViewSql';
import type { FacilityFilters } from '../../queries/overviewSql';
import { useTravelAnalyses } from '../../state/useTravelAnalyses';
import type { TravelTimeResult } from '../../state/useTravelTime';
import { AccessCoverage } from './AccessCoverage';
import { AccessReferral } from './AccessReferral';
import { AccessTimeCatchment } from './AccessTimeCatchment';
import type { AccessSettings } from './accessSettings';

export const COVERAGE_MINUTES = [30, 60, 120] as const;

/**
 * The catchment settings of the straight-line E2SFCA (km, sigma km), as minutes with the view's own speed and detour
 * factor, so the travel-time version answers the same question; gravity has no travel-time version here (a decay
 * of minutes^-beta is infinite at the facility's own cell) and falls back to the Gaussian decay, which the panel says.
 */
export function timeCatchmentSettings(s: AccessSettings): { minutes: number; decay: TimeDecay } {
  const a = { speedKmh: s.speedKmh, circuity: s.circuity };
  const minutes = travelMinutes(s.catchmentKm, a);
  if (s.method === '2sfca') return { minutes, decay: { kind: 'none' } };
  if (s.method === 'e2sfca_step') return { minutes, decay: { kind: 'step', steps: LUO_QI_STEP_WEIGHTS.map((weight, k) => ({ upTo: (minutes * (k + 1)) / 3, weight })) } };
  return { minutes, decay: { kind: 'gaussian', sigmaMinutes: travelMinutes(s.sigmaKm, a) } };
}

interface Props {
  result: TravelTimeResult | null;
  settings: AccessSettings;
  filters: FacilityFilters;
  districts: readonly { region_id: string; name: string }[];
  caption: string;
}

/** Capacity-limited coverage, referral time and floating catchments, all by travel time over the Access view's surface. */
export function AccessTravelAnalyses({ result, settings: s, filters, districts, caption }: Props) {
  const [order, setOrder] = useState<CoverageOrder>(COVERAGE_ORDERS[0]);
  const [minutes, setMinutes] = useState<number>(60);
  const catchment = timeCatchmentSettings(s);
  const a = useTravelAnalyses(result, {
    service: s.service === 'any' ? null : s.service, filters, capacity: s.capacity, order, coverageMinutes: minutes,
    catchmentMinutes: catchment.minutes, decay: catchment.decay,
  });
  if (!result) return null;
  return (
    <div className="grid-2" data-testid="travel-analyses">
      <AccessCoverage state={a.coverage} grid={result.grid} capacity={s.capacity} order={order} setOrder={setOrder} minutes={minutes} setMinutes={setMinutes} districts={districts} caption={caption} />
      <AccessReferral state={a.referral} service={s.service} districts={districts} caption={caption} />
      <AccessTimeCatchment state={a.catchment} settings={s} catchmentMinutes={catchment.minutes} districts={districts} caption={caption} />
    </div>
  );
}
