import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importDataset, type Columns, type InputFile } from './importDataset';
import { SUBNATIONAL } from './importIndicators';
import { parseMapping } from './importMapping';

const REAL = 'src/import/fixtures/real/sierra-leone';
const SHAPED = 'src/import/fixtures/shaped/sierra-leone';
const file = (dir: string, name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) });
const base = () => [file(REAL, 'sle_admbnda_adm1_1m_gov_ocha.zip'), file(REAL, 'sle_admbnda_adm2_1m_gov_ocha.zip'), file(REAL, 'sle_census_2015_population_by_district.csv')];
const mapping = parseMapping(readFileSync(path.join(REAL, 'mapping.json'), 'utf8'));
const rowsOf = (c: Columns) => c[Object.keys(c)[0]].map((_, i) => Object.fromEntries(Object.keys(c).map((k) => [k, c[k][i]])));
/** The CSV read without the import code: plain comma split (these files have no quoted commas). */
const csv = (name: string) => {
  const [head, ...lines] = readFileSync(path.join(SHAPED, name), 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
};

describe('coverage and socio-economic tables by area', () => {
  it('maps an HDX/DHS long table to coverage: districts as subgroups of their province, weighted by the census', async () => {
    const r = await importDataset([...base(), file(SHAPED, 'sle_dhs_subnational_illustrative.csv')], mapping);
    expect(r.unmapped).toEqual([]);
    const regions = rowsOf(r.tables.regions);
    const byName = new Map(regions.map((x) => [`${x.level}:${x.name}`, x]));
    const coverage = rowsOf(r.tables.coverage!);
    const source = csv('sle_dhs_subnational_illustrative.csv').filter((x) => !x.ISO3.startsWith('#'));
    // Every district and province row, none of the two national ones.
    expect(coverage).toHaveLength(source.filter((x) => x.CharacteristicLabel !== 'Total').length);
    for (const s of source.filter((x) => x.CharacteristicLabel.startsWith('..'))) {
      const district = byName.get(`2:${s.CharacteristicLabel.slice(2)}`)!;
      const row = coverage.find((c) => c.subgroup === district.name && c.indicator_id === s.IndicatorId.toLowerCase())!;
      expect(row).toEqual({
        indicator_id: s.IndicatorId.toLowerCase(), region_id: district.parent_id, year: Number(s.SurveyYear), dimension: SUBNATIONAL, subgroup: district.name,
        subgroup_order: null, estimate: Number(s.Value), se: null, ci_low: Number(s.CILow), ci_high: Number(s.CIHigh), population: district.population,
      });
    }
    const province = coverage.find((c) => c.subgroup === 'Eastern')!;
    expect(province.region_id).toBe(byName.get('0:Sierra Leone')!.region_id);
    expect(rowsOf(r.tables.indicator_catalog!)).toEqual([
      { indicator_id: 'rh_dela_c_skp', name: 'Assistance during delivery from a skilled provider', unit: '%', favourable: true, scale: 100, domain: 'coverage', source: 'imported from sle_dhs_subnational_illustrative.csv' },
      { indicator_id: 'ch_vacc_c_dp3', name: 'DPT3 vaccination received', unit: '%', favourable: true, scale: 100, domain: 'coverage', source: 'imported from sle_dhs_subnational_illustrative.csv' },
    ]);
    expect(r.notes.join('\n')).toMatch(/HXL tag row skipped.*2 national rows not used/);
  });

  it('maps a wide table joined by P-code to socioeconomic; poverty becomes poverty_rate; a dash stays absent', async () => {
    const r = await importDataset([...base(), file(SHAPED, 'sle_socioeconomic_adm2_illustrative.csv')], mapping);
    expect(r.unmapped).toEqual([]);
    const rows = rowsOf(r.tables.socioeconomic!);
    const source = csv('sle_socioeconomic_adm2_illustrative.csv');
    expect(rows).toHaveLength(source.length * 2);
    for (const s of source) {
      expect(rows).toContainEqual({ indicator_id: 'poverty_rate', region_id: s.ADM2_PCODE, year: 2018, value: Number(s['Poverty headcount (%)']) });
      expect(rows).toContainEqual({ indicator_id: 'adult_literacy_rate', region_id: s.ADM2_PCODE, year: 2018, value: s['Adult literacy rate (%)'] === '-' ? null : Number(s['Adult literacy rate (%)']) });
    }
    const catalog = rowsOf(r.tables.indicator_catalog!);
    expect(catalog.map((c) => [c.indicator_id, c.favourable, c.unit, c.domain])).toEqual([['poverty_rate', false, '%', 'socioeconomic'], ['adult_literacy_rate', true, '%', 'socioeconomic']]);
    expect(r.mapping.indicators['Poverty headcount (%)']).toMatchObject({ id: 'poverty_rate', favourable: false });
  });

  it('reads XLSX; lists areas it cannot join and indicators without a direction, and the mapping settles both', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['District', 'Households with a latrine', 'Poverty headcount (%)']);
    ws.addRow(['Kailahun', 41.5, 60.1]);
    ws.addRow(['Western Rural', 77, 30.2]);
    ws.addRow(['Kono', 'n/a', 55]);
    const xlsx: InputFile = { name: 'districts.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    const r = await importDataset([...base(), xlsx], parseMapping(JSON.stringify({ ...mapping, regionNames: { 'BO-SOUTH': 'SLE0301' } })));
    expect(r.mapping.files['districts.xlsx'].role).toBe('socioeconomic');
    const what = r.unmapped.map((u) => `${u.what}: ${u.values.join('; ')} (${u.rows})`);
    expect(what).toContain('area names or codes that name no area (rows left out): Western Rural x2 (2)');
    expect(what).toContain('indicators without an id or a direction (left out: is a higher value better or worse?): Households with a latrine x3 (2)');
    expect(rowsOf(r.tables.socioeconomic!).map((x) => [x.indicator_id, x.region_id, x.value])).toEqual([['poverty_rate', 'SLE0101', 60.1], ['poverty_rate', 'SLE0103', 55]]);
    // No year column, none in the mapping: the column is left out, so that the load dates it (and says so).
    expect(r.tables.socioeconomic!.year).toBeUndefined();

    const settled = await importDataset([...base(), xlsx], parseMapping(JSON.stringify({
      ...mapping, files: { 'districts.xlsx': { role: 'socioeconomic', year: 2019 } }, indicators: { 'Households with a latrine': { id: 'latrine', favourable: true } },
    })));
    expect(settled.unmapped).toEqual([]);
    const rows = rowsOf(settled.tables.socioeconomic!);
    expect(rows).toContainEqual({ indicator_id: 'latrine', region_id: 'SLE0401', year: 2019, value: 77 });
    expect(rows).toContainEqual({ indicator_id: 'latrine', region_id: 'SLE0103', year: 2019, value: null });
  });
});
