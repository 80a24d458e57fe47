import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
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

describe('needScatterSpec in the interface language', () => {
  it('takes its words from the catalogue and its numbers from the locale', () => {
    const s = needScatterSpec({
      rows, meta: MEASURE_META.workforce, needLabel: 'Pauvreté (%)', needIsHigh: true, needCut: 40, accessCut: 20,
      flagged: new Set(), selected: null, width: 900, caption: '', loc: { locale: 'fr', rtl: false }, t: (k, p) => translate('fr', k, p),
    });
    expect(s.ariaLabel).toBe(translate('fr', 'chart.needAria', { measure: MEASURE_META.workforce.label, need: 'Pauvreté (%)' }));
    const corner = s.marks![1] as unknown as { channels: { text: { value: () => string } } };
    expect(corner.channels.text.value()).toBe('Besoins élevés, accès faible');
  });
});
