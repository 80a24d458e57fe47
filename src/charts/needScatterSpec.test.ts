import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import type { NeedAccessRow } from '../queries/needAccessSql';
import { MEASURE_META } from './measureMeta';
import { NARROW_CHART_PX } from './narrowChart';
import { needScatterSpec } from './needScatterSpec';

// Ten districts, all in the high-need, low-access corner, so that the label budget decides how many are named.
const rows = Array.from({ length: 10 }, (_, k) => ({
  region_id: `D${k}`, name: `District ${k}`, name_ar: null, province_id: 'P1', province: 'P1', population: 1000 * (k + 1),
  facilities: 1, beds: 1, doctors: 1, nurses: 1, midwives: 1, workforce: 3,
  facilities_per_10k: 1, beds_per_10k: 1, workforce_per_10k: k, need: 50 + k, need_year: 2024,
})) as unknown as NeedAccessRow[];

const spec = (width: number) => needScatterSpec({
  rows, meta: MEASURE_META.workforce, needLabel: 'Poverty (%)', needIsHigh: true, needCut: 40, accessCut: 20,
  flagged: new Set(rows.map((r) => r.region_id)), selected: null, width, caption: '',
});
/** The district names drawn: the last text mark's data. */
const named = (s: Plot.PlotOptions) => ((s.marks!.at(-1) as unknown as { data: readonly NeedAccessRow[] }).data).map((r) => r.name);

describe('needScatterSpec on a phone', () => {
  it('keeps the wide frame and six names on a desktop-width chart', () => {
    const s = spec(900);
    expect(s.height).toBe(558);
    expect(named(s)).toEqual(['District 0', 'District 1', 'District 2', 'District 3', 'District 4', 'District 5']);
  });

  it(`below ${NARROW_CHART_PX} px draws taller than wide frames and names no district (they are listed in words under it)`, () => {
    const s = spec(352);
    expect(s.height).toBe(317);
    expect(named(s)).toEqual([]);
  });
});
