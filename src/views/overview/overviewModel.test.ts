import { describe, expect, it } from 'vitest';
import { MEASURE_META } from '../../charts/measureMeta';
import { formatNumber, formatPercent } from '../../i18n/format';
import { translate } from '../../i18n/translate';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import { altTable, hasMappedDistrict, overviewModel, overviewSentences, type Words } from './overviewModel';

const district = (region_id: string, name: string, population: number, workforce: number | null, facilities = 2): DistrictDensityRow => ({
  region_id, name, name_ar: null, province_id: 'P1', province: 'North', population, facilities, beds: 10, doctors: null, nurses: null, midwives: null,
  workforce, facilities_per_10k: (facilities * 1e4) / population, beds_per_10k: null, doctors_per_10k: null,
  workforce_per_10k: workforce == null ? null : (workforce * 1e4) / population,
} as DistrictDensityRow);

const en: Words = {
  t: (k, p) => translate('en', k, p), num: (x, d = 0) => formatNumber(x, d, 'en'), pct: (x, d = 0) => formatPercent(x, d, 'en'),
  region: (id, fallback) => fallback ?? id ?? '', comma: ', ',
};

// Workforce per 10,000: A 50, B 20, C 80, D unknown (too few facilities report staff), E 30.
const rows = [
  district('A', 'Alpha', 10_000, 50), district('B', 'Beta', 10_000, 20), district('C', 'Gamma', 5_000, 40),
  district('D', 'Delta', 10_000, null), district('E', 'Epsilon', 20_000, 60),
];

describe('Overview model', () => {
  it('ranks the districts with a value worst-served first and counts those below the WHO threshold (44.5)', () => {
    const m = overviewModel(rows, MEASURE_META.workforce);
    expect(m.ranked.map((r) => r.region_id)).toEqual(['B', 'E', 'A', 'C']);
    expect(m.unvalued).toBe(1);
    expect(m.belowRef).toBe(2);
    // Headline numbers are sums over every district shown: 55,000 people, 10 facilities.
    expect(m.kpi).toMatchObject({ districts: 5, population: 55_000, facilities: 10 });
    expect(overviewModel(null, MEASURE_META.workforce)).toEqual({ rows: [], ranked: [], unvalued: 0, belowRef: 0, kpi: null });
  });

  it('names the three worst-served and says what each chart shows', () => {
    const meta = { ...MEASURE_META.workforce, short: 'Health workers / 10k' };
    const s = overviewSentences(overviewModel(rows, meta), meta, en);
    expect(s.summary).toContain('Beta (20.0), Epsilon (30.0), Alpha (50.0)');
    expect(s.mapSummary).toContain('Beta');
    expect(s.mapSummary).toContain('80.0');
    expect(s.mapSummary).toContain(translate('en', 'overview.belowRef', { n: '2', total: '4', ref: meta.reference!.label }));
    expect(s.omitted).toBe(translate('en', 'known.districtsOmitted', { n: '1', total: '5', min: formatPercent(50, 0, 'en') }).trim());
    expect(s.barsSummary.endsWith(s.omitted)).toBe(true);
    expect(overviewSentences(overviewModel([], meta), meta, en)).toEqual({ summary: '', omitted: '', mapSummary: '', barsSummary: '' });
  });

  it('the table alternative lists the ranked districts with their values', () => {
    const alt = altTable(overviewModel(rows, MEASURE_META.workforce), MEASURE_META.workforce, en, { district: 'District', province: 'Province' });
    expect(alt.head).toEqual(['District', 'Province', MEASURE_META.workforce.short]);
    expect(alt.rows).toEqual([['Beta', 'North', '20.0'], ['Epsilon', 'North', '30.0'], ['Alpha', 'North', '50.0'], ['Gamma', 'North', '80.0']]);
  });

  it('maps only when a district in scope has a boundary', () => {
    const f = (region_id: string, level: number) => ({ type: 'Feature', properties: { region_id, level, parent_id: null, name: region_id }, geometry: null }) as never;
    expect(hasMappedDistrict(rows, [f('P1', 1), f('A', 2)])).toBe(true);
    expect(hasMappedDistrict(rows, [f('A', 1), f('Z', 2)])).toBe(false);
    expect(hasMappedDistrict(rows, null)).toBe(false);
  });
});
