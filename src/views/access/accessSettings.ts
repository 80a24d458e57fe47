import { MOTORISED, WALKING, type TravelAssumptions } from '../../metrics/accessThresholds';
import { reachableKm } from '../../metrics/access';
import type { AccessService, CatchmentCapacity, CatchmentMethodChoice } from '../../queries/accessViewSql';

/** The Access view's own settings, in the units the view computes with; the link's keys and their checks are in settings.ts. */
export interface AccessSettings {
  service: AccessService;
  /** Threshold as straight-line km, or as estimated minutes of travel. */
  unit: 'km' | 'min';
  km: number;
  minutes: number;
  travel: 'walking' | 'motorised';
  speedKmh: number;
  circuity: number;
  /** What colours the map. */
  colour: 'distance' | 'access';
  method: CatchmentMethodChoice;
  capacity: CatchmentCapacity;
  catchmentKm: number;
  sigmaKm: number;
  beta: number;
  /** Reach measured along straight lines, or as travel time over the friction surface (when the dataset has roads). */
  reach: 'line' | 'time';
}

export const KM_RANGE = { min: 0.5, max: 50, step: 0.5 } as const;
export const MIN_RANGE = { min: 5, max: 240, step: 5 } as const;
export const CATCHMENT_RANGE = { min: 2, max: 40, step: 1 } as const;
export const TRAVEL_DEFAULTS: Record<AccessSettings['travel'], TravelAssumptions> = { walking: WALKING, motorised: MOTORISED };

/** 15 km straight line = about 30 minutes by road at 40 km/h with detour factor 1.3: a common E2SFCA catchment. */
export const DEFAULTS: AccessSettings = {
  service: 'any', unit: 'km', km: 5, minutes: 60, travel: 'walking', speedKmh: WALKING.speedKmh, circuity: WALKING.circuity,
  colour: 'distance', method: 'e2sfca_gauss', capacity: 'workforce', catchmentKm: 15, sigmaKm: 7.5, beta: 1.5, reach: 'line',
};

/** Distance buckets for the coverage figures: share within k steps is exact for every slider position. */
export function distanceSteps(s: AccessSettings): { stepKm: number; maxSteps: number; index: number } {
  if (s.unit === 'km') return { stepKm: KM_RANGE.step, maxSteps: KM_RANGE.max / KM_RANGE.step, index: Math.round(s.km / KM_RANGE.step) };
  return {
    stepKm: reachableKm(MIN_RANGE.step, { speedKmh: s.speedKmh, circuity: s.circuity }),
    maxSteps: MIN_RANGE.max / MIN_RANGE.step,
    index: Math.round(s.minutes / MIN_RANGE.step),
  };
}

// The settings' labels, units and threshold wording are in the message catalogues (src/i18n: access.svc.*,
// access.method.*, access.cap.*, access.capUnit.*, access.threshold*), in every interface language.
