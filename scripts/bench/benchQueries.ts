/** The queries every engine runs, shared by the page hook (benchHook.ts) and the Node side (bench.ts). */
import type { Query } from '../../src/db/sqlRunner';
import { catchmentSql } from '../../src/queries/accessSql';
import { ACCESS_DEMAND_CELLS, catchmentPlanSql } from '../../src/queries/catchmentPlan';
import { griddedCatchmentSql } from '../../src/queries/griddedCatchmentSql';
import { distanceSummaryQuery } from '../../src/queries/accessViewSql';
import { districtDensityQuery } from '../../src/queries/overviewSql';
import { DEFAULTS, distanceSteps } from '../../src/views/access/accessSettings';

const steps = distanceSteps(DEFAULTS);

/** The E2SFCA the Access view computes by default: Gaussian decay, sigma 7.5 km, 15 km catchment, workforce, per region. */
export const BENCH_E2SFCA = { method: 'e2sfca', capacity: 'workforce', catchmentKm: 15, gaussianSigma: 7.5, by: 'region' } as const;

export type QueryKind = 'kpi' | 'districts' | 'e2sfca' | 'e2sfca-plan' | 'distance' | 'noop' | 'noop-prepared';

/** The Access view's recomputations: seconds, not milliseconds, so timed with fewer repetitions. */
export const isHeavy = (kind: QueryKind) => kind === 'e2sfca' || kind === 'e2sfca-plan' || kind === 'distance';

/**
 * The overview's aggregations, a filter change, and E2SFCA. `kpi` is what the overview computes for its cards: the
 * district rows in scope, then their totals (kpiOf, in JavaScript, on every engine). A filter change is that for one province.
 */
export const QUERY_SET: readonly { name: string; kind: QueryKind; province: string | null }[] = [
  { name: 'kpi: district rows + totals (whole country)', kind: 'kpi', province: null },
  { name: 'district densities (whole country)', kind: 'districts', province: null },
  { name: 'filter change: district rows + totals (province P3)', kind: 'kpi', province: 'P3' },
  { name: 'e2sfca by region (gaussian, 15 km)', kind: 'e2sfca', province: null },
  { name: 'e2sfca plan alone: pair estimate that picks exact or grid', kind: 'e2sfca-plan', province: null },
  { name: 'distance to the nearest facility, every point (Access view)', kind: 'distance', province: null },
  // The fixed cost of one query through the engine (the browser adds a worker round trip; with parameters the app
  // prepares, runs and closes a statement: three round trips).
  { name: 'overhead: SELECT 1', kind: 'noop', province: null },
  { name: 'overhead: prepared SELECT ? (as the app runs parameterised SQL)', kind: 'noop-prepared', province: null },
];

/**
 * The SQL the app sends for a query kind, in order. E2SFCA is what the Access view runs: the plan (a pair estimate),
 * then the computation it picks, `cellKm` (null = exact; chooseCatchmentPlan on the plan's rows).
 */
export function queriesFor(kind: QueryKind, province: string | null, cellKm: number | null = null): Query[] {
  switch (kind) {
    case 'kpi':
    case 'districts': return [districtDensityQuery({ province })];
    case 'e2sfca': return [...queriesFor('e2sfca-plan', null), cellKm == null ? catchmentSql(BENCH_E2SFCA) : griddedCatchmentSql({ ...BENCH_E2SFCA, cellKm })];
    case 'e2sfca-plan': return [catchmentPlanSql({ catchmentKm: BENCH_E2SFCA.catchmentKm, demandCells: ACCESS_DEMAND_CELLS })];
    case 'distance': return [distanceSummaryQuery({ province: null, service: DEFAULTS.service, stepKm: steps.stepKm, maxSteps: steps.maxSteps })];
    case 'noop': return [{ sql: 'SELECT 1 AS one', params: [] }];
    case 'noop-prepared': return [{ sql: 'SELECT ?::INTEGER AS one', params: [1] }];
  }
}
