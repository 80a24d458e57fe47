/** Need against access across districts: fit, medians, and the "high need, low access" quadrant. */

export interface NeedAccessPoint { id: string; need: number; access: number; population: number }

/** Ordinary least squares of access on need: access = intercept + slope * need; r is Pearson's correlation. */
export function linearFit(points: readonly { need: number; access: number }[]): { slope: number; intercept: number; r: number } | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.need, 0) / n;
  const my = points.reduce((s, p) => s + p.access, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const p of points) {
    sxy += (p.need - mx) * (p.access - my);
    sxx += (p.need - mx) ** 2;
    syy += (p.access - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r: sxy / Math.sqrt(sxx * syy) };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Districts above the median need and below the median access: where help should go first. `needIsHigh`
 * says which end of the indicator means need (high poverty; low GDP per capita).
 */
export function highNeedLowAccess(points: readonly NeedAccessPoint[], needIsHigh: boolean): { needCut: number; accessCut: number; ids: string[] } {
  const needCut = median(points.map((p) => p.need));
  const accessCut = median(points.map((p) => p.access));
  const ids = points
    .filter((p) => (needIsHigh ? p.need > needCut : p.need < needCut) && p.access < accessCut)
    .sort((a, b) => a.access - b.access || a.id.localeCompare(b.id))
    .map((p) => p.id);
  return { needCut, accessCut, ids };
}
