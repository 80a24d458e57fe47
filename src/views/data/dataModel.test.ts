import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../data/contract';
import { DATA_SETTINGS } from './settings';
import { cellText, dataTableFilters, pageSpan, tablesRead } from './dataModel';

const settings = (extra: Record<string, string>) => DATA_SETTINGS.read(extra).settings;
const column = (table: keyof typeof CONTRACT, name: string) => CONTRACT[table].columns.find((c) => c.name === name)!;

describe('Data view model', () => {
  it('keeps the sort and filters that name a column of the table, drops the others', () => {
    const f = dataTableFilters(settings({ 'data.table': 'facilities', 'data.sort': '-beds', 'data.f_type': 'hosp', 'data.f_partner_type': 'ngo', 'data.page': '2' }), 'P3');
    expect(f).toEqual({ table: 'facilities', province: 'P3', sort: [{ column: 'beds', desc: true }], page: 2, pageSize: 100, columnFilters: { type: 'hosp' } });
    // `partner_type` is a partnerships column: a sort on it means nothing for regions.
    expect(dataTableFilters(settings({ 'data.table': 'regions', 'data.sort': 'partner_type' }), null).sort).toEqual([]);
    expect(dataTableFilters(settings({ 'data.table': 'regions', 'data.sort': 'population' }), null).sort).toEqual([{ column: 'population', desc: false }]);
  });

  it('reads the tables a province filter goes through', () => {
    expect(tablesRead({ table: 'facilities', province: null })).toEqual(['facilities']);
    expect(tablesRead({ table: 'facilities', province: 'P1' })).toEqual(['facilities', 'regions']);
    expect(tablesRead({ table: 'partnerships', province: 'P1' })).toEqual(['partnerships', 'regions', 'facilities']);
    expect(tablesRead({ table: 'indicator_catalog', province: 'P1' })).toEqual(['indicator_catalog']);
  });

  it('counts pages and the rows shown: 250 rows in pages of 100 are 3 pages, the third showing 201 to 250', () => {
    expect(pageSpan(250, 2, 100)).toEqual({ first: 201, last: 250, pages: 3 });
    expect(pageSpan(250, 0, 100)).toEqual({ first: 1, last: 100, pages: 3 });
    expect(pageSpan(0, 0, 100)).toEqual({ first: 0, last: 0, pages: 1 });
    expect(pageSpan(100, 0, 100)).toEqual({ first: 1, last: 100, pages: 1 });
  });

  it('writes cells: coordinates to 4 decimals, years and ids as they are, counts grouped, lists joined, nulls empty', () => {
    expect(cellText(8.123456, column('facilities', 'lat'), 'en')).toBe('8.1235');
    expect(cellText(2015, column('facilities', 'open_year'), 'en')).toBe('2015');
    expect(cellText(12000, column('facilities', 'beds'), 'en')).toBe('12,000');
    expect(cellText(['surgery', 'maternity'], column('facilities', 'services'), 'en')).toBe('surgery, maternity');
    expect(cellText(1234.5, column('regions', 'population'), 'en')).toBe('1,234.50');
    expect(cellText(null, column('facilities', 'beds'), 'en')).toBe('');
  });
});
