import { MOTORISED, WALKING, type TravelAssumptions } from '../../metrics/accessThresholds';
import { reachableKm } from '../../metrics/access';
import {
  ACCESS_SERVICES, CATCHMENT_CAPACITIES, CATCHMENT_METHODS,
  type AccessService, type CatchmentCapacity, type CatchmentMethodChoice,
} from '../../queries/accessViewSql';

/** The Access view's own settings; they travel in the URL as `view.extra` strings and are validated here. */
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
}

export const KM_RANGE = { min: 0.5, max: 50, step: 0.5 } as const;
export const MIN_RANGE = { min: 5, max: 240, step: 5 } as const;
export const CATCHMENT_RANGE = { min: 2, max: 40, step: 1 } as const;
export const TRAVEL_DEFAULTS: Record<AccessSettings['travel'], TravelAssumptions> = { walking: WALKING, motorised: MOTORISED };

/** 15 km straight line = about 30 minutes by road at 40 km/h with detour factor 1.3: a common E2SFCA catchment. */
export const DEFAULTS: AccessSettings = {
  service: 'any', unit: 'km', km: 5, minutes: 60, travel: 'walking', speedKmh: WALKING.speedKmh, circuity: WALKING.circuity,
  colour: 'distance', method: 'e2sfca_gauss', capacity: 'workforce', catchmentKm: 15, sigmaKm: 7.5, beta: 1.5,
};

const pick = <T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T =>
  v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/** A number within [min, max] on the step grid (from min), else the fallback. */
function num(v: string | undefined, r: { min: number; max: number; step?: number }, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const x = Number(v);
  if (!Number.isFinite(x) || x < r.min || x > r.max) return fallback;
  if (r.step && Math.abs((x - r.min) / r.step - Math.round((x - r.min) / r.step)) > 1e-9) return fallback;
  return x;
}

export function parseAccessSettings(extra: Readonly<Record<string, string>>): AccessSettings {
  const travel = pick(extra.travel, ['walking', 'motorised'] as const, DEFAULTS.travel);
  const t = TRAVEL_DEFAULTS[travel];
  const catchmentKm = num(extra.catchment, CATCHMENT_RANGE, DEFAULTS.catchmentKm);
  return {
    service: pick(extra.service, ACCESS_SERVICES, DEFAULTS.service),
    unit: pick(extra.unit, ['km', 'min'] as const, DEFAULTS.unit),
    km: num(extra.km, KM_RANGE, DEFAULTS.km),
    minutes: num(extra.min, MIN_RANGE, DEFAULTS.minutes),
    travel,
    speedKmh: num(extra.speed, { min: 1, max: 120 }, t.speedKmh),
    circuity: num(extra.circuity, { min: 1, max: 3 }, t.circuity),
    colour: pick(extra.map, ['distance', 'access'] as const, DEFAULTS.colour),
    method: pick(extra.method, CATCHMENT_METHODS, DEFAULTS.method),
    capacity: pick(extra.capacity, CATCHMENT_CAPACITIES, DEFAULTS.capacity),
    catchmentKm,
    sigmaKm: num(extra.sigma, { min: 0.5, max: 40 }, catchmentKm / 2),
    beta: num(extra.beta, { min: 0, max: 4 }, DEFAULTS.beta),
  };
}

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
