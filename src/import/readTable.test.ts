import { describe, expect, it } from 'vitest';
import { readDelimited, readXlsx } from './readTable';
import { parseNumber } from './parseNumber';

describe('readDelimited', () => {
  it('reads semicolons, a BOM, CR-only line ends and decimal commas', () => {
    const t = readDelimited('\uFEFFdistrict;population;share\r"Bo";575 478;12,5\rKenema;609 891;8,1\r', 'x.csv');
    expect(t.columns).toEqual(['district', 'population', 'share']);
    expect(t.rows.map((r) => parseNumber(r.population))).toEqual([575478, 609891]);
    expect(t.rows.map((r) => parseNumber(r.share))).toEqual([12.5, 8.1]);
  });

  it('reads tabs and names blank or repeated headers', () => {
    const t = readDelimited('name\tTotal\t\tTotal\nA\t1\t2\t3\n', 'x.tsv');
    expect(t.columns).toEqual(['name', 'Total', 'column_3', 'Total_2']);
    expect(t.rows[0]).toEqual({ name: 'A', Total: '1', column_3: '2', Total_2: '3' });
  });

  it('quoted thousands with commas stay one cell', () => {
    const t = readDelimited('district,population\n"Port Loko","615,376"\n', 'x.csv');
    expect(parseNumber(t.rows[0].population)).toBe(615376);
  });
});

describe('readXlsx', () => {
  it('reads the first sheet, or the named one, of a workbook written by exceljs', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['read me']);
    const ws = wb.addWorksheet('Facilities');
    ws.addRow(['Facility name', 'Latitude', 'Longitude', 'Beds']);
    ws.addRow(['Connaught Hospital', 8.4881, -13.2343, 300]);
    ws.addRow(['Blama PHU', 7.87, { formula: '-11.3-0.04', result: -11.34 }, null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const first = await readXlsx(bytes, 'x.xlsx');
    expect(first.sheet).toBe('Notes');
    const t = await readXlsx(bytes, 'x.xlsx', 'Facilities');
    expect(t.columns).toEqual(['Facility name', 'Latitude', 'Longitude', 'Beds']);
    expect(t.rows[1]).toEqual({ 'Facility name': 'Blama PHU', Latitude: 7.87, Longitude: -11.34, Beds: null });
    await expect(readXlsx(bytes, 'x.xlsx', 'Nope')).rejects.toThrow(/no sheet named Nope \(sheets: Notes, Facilities\)/);
  });
});
