import { describe, expect, it } from 'vitest';
import { kpiOf } from './kpi';

const d = (population: number, facilities: number, beds: number, doctors: number, nurses: number, midwives: number) => ({ population, facilities, beds, doctors, nurses, midwives });

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
  });

  it('has no densities when no one lives in scope', () => {
    expect(kpiOf([])).toMatchObject({ districts: 0, population: 0, facilities: 0, workforce_per_10k: null, beds_per_10k: null });
    expect(kpiOf([d(0, 1, 5, 1, 0, 0)]).facilities_per_10k).toBeNull();
  });
});
