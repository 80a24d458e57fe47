/**
 * Access thresholds and travel assumptions, in one place, each with its source.
 * Shortage rules that use them live in `access.ts`.
 */

// WHO Global Strategy on Human Resources for Health: Workforce 2030 (2016): SDG threshold of doctors + nurses + midwives.
export const WHO_WORKFORCE_PER_10K = 44.5;

// 42 CFR Part 5, Appendix A, Part I.A (HRSA primary-care HPSA): population per FTE primary-care physician >= 3,500:1.
export const HPSA_POPULATION_PER_PHYSICIAN = 3500;

// Same rule, Part I.A.2: a ratio < 3,500:1 but > 3,000:1 also qualifies when the area has unusually high needs.
export const HPSA_HIGH_NEED_POPULATION_PER_PHYSICIAN = 3000;

// Lancet Commission on Global Surgery (Meara et al. 2015, Lancet 386:569): >= 80% of people within 2 h of surgical care.
export const LANCET_SURGERY_TARGET = { share: 0.8, hours: 2 } as const;

// Weiss et al. 2020 (Nature Medicine 26:1835): world population that cannot reach a facility within 1 hour.
export const WEISS_2020_SHARE_BEYOND_1H = { motorised: 0.089, walking: 0.433 } as const;

// UHC service coverage index, SDG 3.8.1 (WHO 2019 method): beds tracer = min(100, beds per 10,000 / 18 * 100).
export const UHC_BEDS_PER_10K_FULL_SCORE = 18;

// Capacity "health workers where known, else by type" (floating catchments): a facility that does not report doctors,
// nurses and midwives counts as the median staff of its type in the demo's calibration (scripts/demo/facilities.ts, tuned
// to the WHO workforce and World Bank ranges for lower-middle-income countries in the README): an ASSUMPTION, shown in
// the view, to be replaced with national staffing norms. Pharmacies count 0 (no doctors, nurses or midwives).
export const WORKFORCE_BY_TYPE: Readonly<Record<string, number>> = {
  hospital: 200, health_centre: 11, clinic: 5, health_post: 2, mobile_unit: 3, pharmacy: 0,
};

/** How straight-line distance becomes travel time: time = distance * circuity / speed. */
export interface TravelAssumptions {
  /** Average door-to-door speed, km/h. */
  speedKmh: number;
  /** Network distance / straight-line distance (detour index), >= 1. */
  circuity: number;
}

// Walking: Tobler's (1993) hiking function gives 6 * exp(-3.5 * 0.05) = 5.04 km/h on flat ground.
// Circuity 1.3: network distance is ~1.2x straight line on urban networks (Newell 1980); rural tracks are more
// winding. Both are assumptions, shown in the UI and meant to be replaced with local data.
export const WALKING: TravelAssumptions = { speedKmh: 5, circuity: 1.3 };

// Motorised: 40 km/h is an assumed average on a mixed rural road network (no single published value; Weiss et al.
// 2020 use speeds per road class). Same circuity assumption as walking.
export const MOTORISED: TravelAssumptions = { speedKmh: 40, circuity: 1.3 };
