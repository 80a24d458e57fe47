import type { BrushExtent } from '../../charts/PlotFigure';
import { highNeedLowAccess, linearFit } from '../../metrics/needAccess';
import type { NeedAccessRow } from '../../queries/needAccessSql';
import type { DistrictDensityRow } from '../../queries/overviewSql';

export interface NeedIndicator { indicator_id: string; name: string; unit: string; favourable: boolean; first_year: number; last_year: number }

type AccessColumn = keyof DistrictDensityRow & `${string}_per_10k`;

/** The need indicator shown: the link's when the data have it, else the poverty rate, else the first. */
export const pickNeedIndicator = (list: readonly NeedIndicator[], wanted: string | null): NeedIndicator | undefined =>
  list.find((i) => i.indicator_id === wanted) ?? list.find((i) => i.indicator_id === 'poverty_rate') ?? list[0];

/**
 * Are the districts that need care most the ones that have least of it? The least-squares line of access on need,
 * and the "high need, low access" corner beyond both medians. Districts whose access value is unknown (too few
 * facilities report it) are left out of the fit and the corner: absent is not zero. Pure.
 */
export function needModel(all: readonly NeedAccessRow[], column: AccessColumn, needIsHigh: boolean) {
  const access = (r: NeedAccessRow) => r[column] as number;
  const rows = all.filter((r) => r[column] != null);
  const points = rows.map((r) => ({ id: r.region_id, need: r.need, access: access(r), population: r.population }));
  const quadrant = points.length ? highNeedLowAccess(points, needIsHigh) : null;
  const fit = linearFit(points);
  const flagged = new Set(quadrant?.ids ?? []);
  const flaggedRows = rows.filter((r) => flagged.has(r.region_id)).sort((a, b) => access(a) - access(b));
  return {
    rows, quadrant, fit, flagged, flaggedRows,
    flaggedPopulation: flaggedRows.reduce((s, r) => s + r.population, 0),
    /** Change of access for 10 more units of need, along the fitted line. */
    perTen: fit ? fit.slope * 10 : 0,
    /** Catalogue key of the headline's verdict: |r| < 0.2 is too weak a relation to call. */
    verdict: fit ? (Math.abs(fit.r) < 0.2 ? 'need.barely' : (fit.slope < 0) === needIsHigh ? 'need.worse' : 'need.better') as 'need.barely' | 'need.worse' | 'need.better' : null,
  };
}
export type NeedModel = ReturnType<typeof needModel>;

/** The table's districts: those inside the brushed rectangle (all without one), worst served first. */
export function rowsInBrush(rows: readonly NeedAccessRow[], column: AccessColumn, brush: BrushExtent | null): NeedAccessRow[] {
  const access = (r: NeedAccessRow) => r[column] as number;
  const inside = (r: NeedAccessRow) => !brush || (r.need >= brush.x[0] && r.need <= brush.x[1] && access(r) >= brush.y[0] && access(r) <= brush.y[1]);
  return rows.filter(inside).sort((a, b) => access(a) - access(b));
}
