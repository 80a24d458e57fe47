import { describe, expect, it } from 'vitest';
import { kpiOf, type DistrictTotals } from './kpi';

const d = (population: number, facilities: number, beds: number, doctors: number, nurses: number, midwives: number): DistrictTotals =>
  ({ population, facilities, beds, doctors, nurses, midwives, workforce: doctors + nurses + midwives });

describe('kpiOf', () => {
  it('sums the districts and divides sums, not the mean of district densities', () => {
    // Worked by hand: 10,000 + 30,000 people; workforce (2+3+1) + (10+20+4) = 40 -> 40 / 40,000 * 10,000 = 10 per 10k.
    // The mean of the two district densities would be (6 + 11.33) / 2 = 8.67: not what the cards show.
    const k = kpiOf([d(10_000, 2, 20, 2, 3, 1), d(30_000, 4, 50, 10, 20, 4)]);
    expect(k).toMatchObject({ districts: 2, population: 40_000, facilities: 6, beds: 70, doctors: 12, nurses: 23, midwives: 5, workforce: 40 });
    expect(k.workforce_per_10k).toBeCloseTo(10, 12);
    expect(k.beds_per_10k).toBeCloseTo(17.5, 12);
    expect(k.facilities_per_10k).toBeCloseTo(1.5, 12);
    expect(k.doctors_per_10k).toBeCloseTo(3, 12);
    expect(k.known.workforce).toEqual({ status: 'known', share: 1 });
  });

  it('has no densities when no one lives in scope', () => {
    expect(kpiOf([])).toMatchObject({ districts: 0, population: 0, facilities: 0, workforce_per_10k: null, beds_per_10k: null });
    expect(kpiOf([d(0, 1, 5, 1, 0, 0)]).facilities_per_10k).toBeNull();
  });

  it('absent is not zero: a measure no district reports stays null, with no density and status absent', () => {
    const none = (population: number, facilities: number): DistrictTotals =>
      ({ population, facilities, beds: null, doctors: null, nurses: null, midwives: null, workforce: null, beds_known: 0, doctors_known: 0, workforce_known: 0 });
    const k = kpiOf([none(10_000, 3), none(20_000, 5)]);
    expect(k).toMatchObject({ facilities: 8, beds: null, workforce: null, beds_per_10k: null, workforce_per_10k: null, doctors_per_10k: null });
    expect(k.facilities_per_10k).toBeCloseTo(8 / 3, 12);
    expect(k.known.beds).toEqual({ status: 'absent', share: null });
    expect(k.known.workforce.status).toBe('absent');
  });

  it('partly known: summed over the facilities that report it, with the share; under 50% it is not shown', () => {
    // District A: 4 facilities, 3 report staff (total 30); district B: 4 facilities, 2 report staff (total 10).
    // Scope: 5 of 8 known = 62.5% >= 50%: density = (30 + 10) / 40,000 * 10,000 = 10 per 10k, a floor.
    const a: DistrictTotals = { population: 10_000, facilities: 4, beds: 8, doctors: 6, nurses: 18, midwives: 6, workforce: 30, beds_known: 4, doctors_known: 3, workforce_known: 3 };
    const b: DistrictTotals = { population: 30_000, facilities: 4, beds: 0, doctors: 2, nurses: 6, midwives: 2, workforce: 10, beds_known: 1, doctors_known: 2, workforce_known: 2 };
    const k = kpiOf([a, b]);
    expect(k.known.workforce).toEqual({ status: 'partial', share: 5 / 8 });
    expect(k.workforce_per_10k).toBeCloseTo(10, 12);
    // Beds: 5 of 8 facilities known -> partial; B alone: 1 of 4 = 25% -> too incomplete, not shown.
    expect(k.known.beds.status).toBe('partial');
    const onlyB = kpiOf([b]);
    expect(onlyB.known.beds).toEqual({ status: 'incomplete', share: 0.25 });
    expect(onlyB.beds_per_10k).toBeNull();
    expect(onlyB.beds).toBe(0); // the sum of what is known, never shown as a density
  });
});
