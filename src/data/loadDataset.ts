import type { SqlRunner } from '../db/sqlRunner';
import type { TableName } from './contract';
import type { ParquetDecoder } from './parquetDecoder';
import { stageAndCommit } from './validateTable';
import type { Issue } from './validationRules';

export type TableLoadState =
  | { state: 'waiting' }
  | { state: 'loading'; step: 'fetching' | 'decoding' | 'validating' }
  | { state: 'ready'; rows: number; bytes: number; issues: Issue[] }
  | { state: 'failed'; message: string; issues: Issue[] };

export interface DatasetSource { table: TableName; url: string }

/**
 * Fetch, decode (in the worker) and validate each table; report every step. Downloads start together,
 * decoding and inserting run in manifest order, so the first tables (regions, facilities) are ready first.
 */
export async function loadDataset(
  db: SqlRunner,
  decode: ParquetDecoder,
  sources: readonly DatasetSource[],
  onProgress: (table: TableName, state: TableLoadState) => void,
): Promise<Set<TableName>> {
  const loaded = new Set<TableName>();
  const downloads = sources.map((s) => {
    onProgress(s.table, { state: 'loading', step: 'fetching' });
    return fetchBytes(s.url).then((bytes) => ({ bytes }), (error: Error) => ({ error }));
  });
  for (let i = 0; i < sources.length; i++) {
    const { table, url } = sources[i];
    const file = url.split('/').pop()!.split('?')[0];
    const got = await downloads[i];
    if ('error' in got) {
      onProgress(table, { state: 'failed', message: `${file}: could not be read (${got.error.message})`, issues: [] });
      continue;
    }
    try {
      const size = got.bytes.byteLength;
      onProgress(table, { state: 'loading', step: 'decoding' });
      const ipc = await decode(got.bytes);
      onProgress(table, { state: 'loading', step: 'validating' });
      const result = await stageAndCommit(db, { table, file, ipc, loaded });
      if (result.committed) {
        loaded.add(table);
        onProgress(table, { state: 'ready', rows: result.rows, bytes: size, issues: result.issues });
      } else {
        onProgress(table, { state: 'failed', message: `${file}: ${result.issues.filter((x) => x.severity === 'error').length} problem(s); table not loaded`, issues: result.issues });
      }
    } catch (e) {
      onProgress(table, { state: 'failed', message: `${file}: not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`, issues: [] });
    }
  }
  return loaded;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
