/** The analyses' inputs on the bench raster, the same in Node and in the bench page (deterministic). */
import type { CoverageInput } from '../../src/metrics/capacityCoverage';
import type { ReferralInput } from '../../src/metrics/referralTime';
import type { TimeCatchmentInput } from '../../src/metrics/timeCatchment';
import { mulberry32 } from '../../src/metrics/random';
import { benchSurface, TRAVEL_TIME_BENCH as B } from './travelTimeRaster';

export interface AnalysesTimes { coverage: number; referral: number; catchment: number }

export function analysesInput(size: number): { coverage: CoverageInput; referral: ReferralInput; catchment: TimeCatchmentInput } {
  const s = benchSurface(size, size, B.facilities, 0, B.seed);
  const surface = { width: size, height: size, minutesPerMetre: s.minutesPerMetre, cellSizeM: B.cellSizeM };
  const rnd = mulberry32(B.seed + 1);
  // About 20 people per passable cell on average, lumpy; capacity 10,000 people per facility (PEOPLE_PER_UNIT.facilities).
  const population = Float64Array.from(s.minutesPerMetre, (f) => (Number.isNaN(f) ? 0 : Math.floor(40 * rnd() ** 2)));
  const facilities = Array.from(s.sources, (cell, j) => ({ cell, capacity: 10_000, type: j % 36 === 0 ? 'hospital' : 'health_centre' }));
  const hospitals = Int32Array.from(facilities.filter((f) => f.type === 'hospital'), (f) => f.cell);
  const centres = Int32Array.from(facilities.filter((f) => f.type !== 'hospital'), (f) => f.cell);
  return {
    coverage: { surface, population, facilities, maxMinutes: 60, order: 'capacity' },
    referral: { surface, hospitalCells: hospitals, centreCells: centres },
    catchment: { surface, population, facilities: facilities.map((f) => ({ cell: f.cell, capacity: 1 })), catchmentMinutes: 60, decay: { kind: 'gaussian', sigmaMinutes: 30 } },
  };
}
