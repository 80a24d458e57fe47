import { numberIn, oneOf, settingsCodec } from '../../state/settingsCodec';
import { ACCESS_SERVICES, CATCHMENT_CAPACITIES, CATCHMENT_METHODS } from '../../queries/accessViewSql';
import { CATCHMENT_RANGE, DEFAULTS, KM_RANGE, MIN_RANGE, TRAVEL_DEFAULTS, type AccessSettings } from './accessSettings';

/**
 * The Access view's settings as the link holds them (`access.km`, `access.catchment`...). Link keys are short lowercase
 * words, the names old links used; the view computes with AccessSettings, whose names carry units (speedKmh).
 */
export interface AccessLink {
  service: AccessSettings['service'];
  unit: AccessSettings['unit'];
  km: number;
  min: number;
  travel: AccessSettings['travel'];
  speed: number;
  circuity: number;
  map: AccessSettings['colour'];
  method: AccessSettings['method'];
  capacity: AccessSettings['capacity'];
  catchment: number;
  sigma: number;
  beta: number;
  reach: AccessSettings['reach'];
}

export type AccessPatch = { [K in keyof AccessLink]?: AccessLink[K] | undefined };

/** Speed and detour default to the travel mode's; the Gaussian's sigma to half the catchment. */
function defaults(given: Partial<AccessLink>): AccessLink {
  const travel = given.travel ?? DEFAULTS.travel;
  const catchment = given.catchment ?? DEFAULTS.catchmentKm;
  return {
    service: DEFAULTS.service, unit: DEFAULTS.unit, km: DEFAULTS.km, min: DEFAULTS.minutes, travel,
    speed: TRAVEL_DEFAULTS[travel].speedKmh, circuity: TRAVEL_DEFAULTS[travel].circuity, map: DEFAULTS.colour,
    method: DEFAULTS.method, capacity: DEFAULTS.capacity, catchment, sigma: catchment / 2, beta: DEFAULTS.beta, reach: DEFAULTS.reach,
    ...given,
  };
}

/**
 * The Access view's codec. Its service picker claims the legacy `service` key when the link opens the Access view
 * (the global facility filter, which shared that key, is now `filter.service`).
 */
export const ACCESS_SETTINGS = settingsCodec<AccessLink>('access', {
  service: oneOf(ACCESS_SERVICES, 'service'),
  unit: oneOf(['km', 'min'] as const, 'unit'),
  km: numberIn(KM_RANGE, 'km'),
  min: numberIn(MIN_RANGE, 'min'),
  travel: oneOf(['walking', 'motorised'] as const, 'travel'),
  speed: numberIn({ min: 1, max: 120 }, 'speed'),
  circuity: numberIn({ min: 1, max: 3 }, 'circuity'),
  map: oneOf(['distance', 'access'] as const, 'map'),
  method: oneOf(CATCHMENT_METHODS, 'method'),
  capacity: oneOf(CATCHMENT_CAPACITIES, 'capacity'),
  catchment: numberIn(CATCHMENT_RANGE, 'catchment'),
  sigma: numberIn({ min: 0.5, max: 40 }, 'sigma'),
  beta: numberIn({ min: 0, max: 4 }, 'beta'),
  reach: oneOf(['line', 'time'] as const, 'reach'),
}, defaults, 'access');

/** The settings a link asks for, with defaults for what it leaves out or gets wrong. */
export function readAccessSettings(extra: Readonly<Record<string, string>>): AccessSettings {
  const l = ACCESS_SETTINGS.read(extra).settings;
  return {
    service: l.service, unit: l.unit, km: l.km, minutes: l.min, travel: l.travel, speedKmh: l.speed, circuity: l.circuity,
    colour: l.map, method: l.method, capacity: l.capacity, catchmentKm: l.catchment, sigmaKm: l.sigma, beta: l.beta, reach: l.reach,
  };
}
