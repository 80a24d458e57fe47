import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { strFromU8, unzipSync } from 'fflate';
import { neutraliseFormula, toArrowFile, toCsv, toJson, toZip, type ExportMetadata } from './exportFormats';

const table = tableFromArrays({
  name: ['Plain', '=HYPERLINK("http://x","y")', 'Comma, "quoted"', '+1 trick', '@SUM(A1)'],
  value: Float64Array.from([1.5, -5, Number.NaN, 0, 2]),
});

describe('export formats', () => {
  it('writes RFC 4180 CSV and neutralises formula injection in text, not in numbers', () => {
    expect(toCsv(table)).toBe(
      'name,value\r\nPlain,1.5\r\n"\'=HYPERLINK(""http://x"",""y"")",-5\r\n"Comma, ""quoted""",\r\n\'+1 trick,0\r\n\'@SUM(A1),2\r\n',
    );
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('Wadi Noor')).toBe('Wadi Noor');
  });

  it('writes JSON rows with NaN as null, and Arrow IPC files that read back equal', () => {
    expect(JSON.parse(toJson(table))[2]).toEqual({ name: 'Comma, "quoted"', value: null });
    const back = tableFromIPC(toArrowFile(table));
    expect(back.numRows).toBe(5);
    expect(back.getChild('name')!.get(1)).toBe('=HYPERLINK("http://x","y")');
  });

  it('bundles data, metadata and a README that says the data are synthetic', () => {
    const meta: ExportMetadata = {
      title: 'Districts', dataset: 'Demo Republic (synthetic)', synthetic: true, source: 'test', filters: { province: 'P3' },
      rows: 5, createdAt: '2026-11-25T00:00:00.000Z', sql: 'SELECT 1', params: [], derivedTables: [], tool: 'test',
    };
    const files = unzipSync(toZip(table, new Uint8Array([1, 2, 3]), meta));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.csv', 'data.parquet', 'metadata.json']);
    expect(JSON.parse(strFromU8(files['metadata.json']))).toEqual(meta);
    expect(strFromU8(files['README.txt'])).toContain('SYNTHETIC demonstration data');
    expect(Array.from(files['data.parquet'])).toEqual([1, 2, 3]);
    expect(strFromU8(files['README.txt'])).not.toContain('chart.svg');
    // A panel with a chart: its SVG beside the data, named in the README.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Districts</title></svg>';
    const withChart = unzipSync(toZip(table, new Uint8Array([1, 2, 3]), meta, svg));
    expect(Object.keys(withChart).sort()).toEqual(['README.txt', 'chart.svg', 'data.csv', 'data.parquet', 'metadata.json']);
    expect(strFromU8(withChart['chart.svg'])).toBe(svg);
    expect(strFromU8(withChart['README.txt'])).toContain('chart.svg is the chart');
  });
});
