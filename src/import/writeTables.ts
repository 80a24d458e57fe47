import { tableToIPC } from 'apache-arrow';
import { arrowTableFromColumns } from '../data/arrowTable';
import { CONTRACT, type TableName } from '../data/contract';
import type { Columns } from './importDataset';

/** The part of parquet-wasm used here (Node's build or the browser's, passed in as the validator does). */
export interface ParquetWriter {
  writeParquet(table: unknown, props?: unknown): Uint8Array;
  Table: { fromIPCStream(ipc: Uint8Array): unknown };
}

/** Contract tables as Parquet bytes, typed by the contract (so that `npm run validate` reads them back as written). */
export function writeTables(pq: ParquetWriter, tables: Partial<Record<TableName, Columns>>): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const [name, columns] of Object.entries(tables) as [TableName, Columns | undefined][]) {
    if (!columns || Object.keys(columns).length === 0) continue;
    const arrow = arrowTableFromColumns(CONTRACT[name], columns);
    out.push({ name: `${name}.parquet`, bytes: pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(arrow, 'stream'))) });
  }
  return out;
}
