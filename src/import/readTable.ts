import Papa from 'papaparse';

/** A table as read from a file: header names and rows of raw cell values (text, numbers, booleans or null). */
export interface RawTable {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Which sheet an XLSX table came from. */
  sheet?: string;
}

/**
 * CSV or TSV text: the delimiter is detected (comma, semicolon, tab, pipe), a BOM is dropped, and CR-only
 * line ends (old Mac exports) are read like LF. Cells stay text: numbers are parsed later with
 * parseNumber, which knows thousands separators and decimal commas that a CSV reader would get wrong.
 */
export function readDelimited(text: string, file: string): RawTable {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`${file}: row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const [header, ...body] = result.data;
  if (!header || header.every((h) => h.trim() === '')) throw new Error(`${file}: no header row`);
  const columns = uniqueNames(header);
  const rows = body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] === undefined || cells[i] === '' ? null : cells[i]])));
  return { columns, rows };
}

/** Blank or repeated header cells get a name (column_3, Total_2) so that no column is lost. */
export function uniqueNames(header: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const base = String(h ?? '').trim() || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/**
 * The first sheet (or the named one) of an XLSX workbook. exceljs is loaded only when a spreadsheet is
 * imported: it is large and most imports have none.
 */
export async function readXlsx(bytes: Uint8Array, file: string, sheetName?: string): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new Error(`${file}: no sheet ${sheetName ? `named ${sheetName}` : ''} (sheets: ${wb.worksheets.map((w) => w.name).join(', ')})`);
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1).map(cellValue);
    if (values.some((v) => v !== null && v !== '')) grid.push(values);
  });
  const [header, ...body] = grid;
  if (!header) throw new Error(`${file}: sheet ${ws.name} is empty`);
  const columns = uniqueNames(header);
  const rows = body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null])));
  return { columns, rows, sheet: ws.name };
}

/** exceljs cells: formulas carry their cached result, rich text its runs, hyperlinks their text. */
function cellValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellValue(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return null;
  }
  return v;
}
