import { DataType, tableToIPC, type Table } from 'apache-arrow';
import { strToU8, zipSync } from 'fflate';

export const EXPORT_FORMATS = ['csv', 'parquet', 'arrow', 'json', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv' },
  parquet: { label: 'Parquet', extension: 'parquet', mime: 'application/vnd.apache.parquet' },
  arrow: { label: 'Arrow IPC', extension: 'arrow', mime: 'application/vnd.apache.arrow.file' },
  json: { label: 'JSON', extension: 'json', mime: 'application/json' },
  zip: { label: 'ZIP bundle (data + metadata + README)', extension: 'zip', mime: 'application/zip' },
};

/** What makes an export citable and reproducible (written as metadata.json in the bundle). */
export interface ExportMetadata {
  title: string;
  dataset: string;
  synthetic: boolean;
  source: string;
  filters: Record<string, unknown>;
  rows: number;
  createdAt: string;
  sql: string;
  params: readonly unknown[];
  /** Tables the app computed from the loaded ones and the query reads: run these first, in order, to reproduce it. */
  derivedTables: readonly { name: string; sql: string }[];
  tool: string;
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe (OWASP "CSV injection" advice). Only text cells: numbers such as -5 stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function cellText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (DataType.isDecimal(type)) return String(value);
  if (DataType.isList(type) && value && typeof (value as { toArray?: () => unknown }).toArray === 'function') {
    return neutraliseFormula(JSON.stringify(Array.from((value as { toArray: () => ArrayLike<unknown> }).toArray(), plain)));
  }
  return neutraliseFormula(String(value));
}

/** RFC 4180 CSV with a header row; text cells are neutralised against formula injection. */
export function toCsv(table: Table): string {
  const fields = table.schema.fields;
  const cols = fields.map((f) => table.getChild(f.name)!);
  const lines = [fields.map((f) => csvQuote(neutraliseFormula(f.name))).join(',')];
  for (let i = 0; i < table.numRows; i++) {
    lines.push(cols.map((c, j) => csvQuote(cellText(c.get(i), fields[j].type))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') return Array.from((v as { toArray: () => ArrayLike<unknown> }).toArray(), plain);
  if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return plain((v as { toJSON: () => unknown }).toJSON());
  return v;
}

/** An array of row objects (JSON has no NaN/Infinity: they become null). */
export function toJson(table: Table): string {
  const fields = table.schema.fields.map((f) => f.name);
  const cols = fields.map((name) => table.getChild(name)!);
  const rows = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    fields.forEach((name, j) => (row[name] = plain(cols[j].get(i))));
    rows[i] = row;
  }
  return JSON.stringify(rows);
}

/** Arrow IPC *file* format (readable by pyarrow.ipc.open_file, arrow::read_feather, DuckDB). */
export const toArrowFile = (table: Table): Uint8Array => tableToIPC(table, 'file');

export function readmeText(meta: ExportMetadata, withChart = false): string {
  return [
    `${meta.title}`,
    '',
    `Dataset: ${meta.dataset}${meta.synthetic ? ' — SYNTHETIC demonstration data, not a real country' : ''}`,
    `Source: ${meta.source}`,
    `Rows: ${meta.rows}`,
    `Exported: ${meta.createdAt} by ${meta.tool}`,
    `Filters: ${JSON.stringify(meta.filters)}`,
    '',
    'Files: data.csv and data.parquet hold the same rows; metadata.json holds the filters and the SQL',
    '(with its parameters) that produced them, so the export can be cited and reproduced; when the SQL reads',
    'tables the dashboard derives from the data (pre-aggregations), metadata.json gives their SQL too (derivedTables).',
    ...(withChart ? ['chart.svg is the chart of these rows as the dashboard drew it, with its title, legend and source.'] : []),
    '',
  ].join('\n');
}

/** The bundle: the rows as CSV and Parquet, metadata.json, a README, and the panel's chart as SVG when it has one. */
export function toZip(table: Table, parquet: Uint8Array, meta: ExportMetadata, chartSvg?: string): Uint8Array {
  return zipSync({
    'data.csv': strToU8(toCsv(table)),
    'data.parquet': parquet,
    'metadata.json': strToU8(JSON.stringify(meta, null, 2)),
    'README.txt': strToU8(readmeText(meta, chartSvg !== undefined)),
    ...(chartSvg !== undefined ? { 'chart.svg': strToU8(chartSvg) } : {}),
  });
}
