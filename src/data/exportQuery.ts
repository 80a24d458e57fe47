import { tableToIPC } from 'apache-arrow';
import type { Query, SqlRunner } from '../db/sqlRunner';
import { FORMAT_INFO, type ExportFormat, type ExportMetadata } from './exportFormats';
import type { ExportRequest, ExportResponse } from './exportWorker';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function exportWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<ExportResponse>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    if (event.data.ok) p.resolve(event.data.bytes);
    else p.reject(new Error(event.data.error));
  };
  return worker;
}

export interface ExportedFile { name: string; blob: Blob; rows: number }

/**
 * Run the query behind a view (the same SQL and parameters the view shows) and format its rows in a worker.
 * The file holds exactly the rows of the view; the bundle adds the SQL and filters that produced them, and the
 * panel's chart as SVG when it has one.
 */
export async function exportQuery(
  db: SqlRunner, query: Query, format: ExportFormat, meta: Omit<ExportMetadata, 'rows' | 'createdAt' | 'sql' | 'params'>, fileBase: string,
  chartSvg?: string,
): Promise<ExportedFile> {
  const table = await db.arrow(query);
  const full: ExportMetadata = { ...meta, rows: table.numRows, createdAt: new Date().toISOString(), sql: query.sql, params: query.params ?? [] };
  const ipc = tableToIPC(table, 'stream');
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    exportWorker().postMessage({ id, ipc, format, meta: full, chartSvg } satisfies ExportRequest, [ipc.buffer]);
  });
  const info = FORMAT_INFO[format];
  return { name: `${fileBase}.${info.extension}`, blob: new Blob([bytes as BlobPart], { type: info.mime }), rows: table.numRows };
}

/** Hand a file to the browser's download manager (a blob: URL, nothing leaves the machine). */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
