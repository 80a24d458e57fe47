import type { DistanceBucketRow } from '../../queries/accessViewSql';

export interface DistrictCoverage {
  region_id: string;
  population: number;
  within: number;
  share: number | null;
}

export interface Coverage {
  national: DistrictCoverage;
  districts: DistrictCoverage[];
  /** Cumulative national share at every step 0..maxSteps: the coverage curve. */
  curve: { step: number; share: number }[];
}

/**
 * Share of population within k distance steps, from the bucket rows of `distanceSummaryQuery`: people in
 * buckets 0..k are exactly those with distance <= k * stepKm. Pure, so moving the slider needs no query.
 */
export function coverageAt(rows: readonly DistanceBucketRow[], k: number, maxSteps: number): Coverage {
  const byRegion = new Map<string, { population: number; within: number }>();
  const national = new Array<number>(maxSteps + 2).fill(0);
  for (const r of rows) {
    const d = byRegion.get(r.region_id) ?? { population: 0, within: 0 };
    d.population += r.population;
    if (r.bucket <= k) d.within += r.population;
    byRegion.set(r.region_id, d);
    national[Math.min(r.bucket, maxSteps + 1)] += r.population;
  }
  const share = (within: number, population: number) => (population > 0 ? within / population : null);
  const districts = [...byRegion].map(([region_id, d]) => ({ region_id, ...d, share: share(d.within, d.population) }));
  const total = national.reduce((a, b) => a + b, 0);
  let cum = 0;
  const curve = national.slice(0, maxSteps + 1).map((p, step) => ({ step, share: total > 0 ? (cum += p) / total : 0 }));
  const within = districts.reduce((a, d) => a + d.within, 0);
  return { national: { region_id: '', population: total, within, share: share(within, total) }, districts, curve };
}
