import type { SqlRunner } from '../db/sqlRunner';
import type { TableName } from './contract';
import { DecodeError } from './decodeParquet';
import type { ParquetDecoder } from './parquetDecoder';
import { commitTrusted, stageAndCommit } from './validateTable';
import type { Issue } from './validationRules';

export type TableLoadState =
  | { state: 'waiting' }
  | { state: 'loading'; step: 'fetching' | 'decoding' | 'validating' }
  | { state: 'ready'; rows: number; bytes: number; issues: Issue[] }
  | { state: 'failed'; message: string; issues: Issue[] }
  /** Not part of the current dataset (the user replaced the data without this table). */
  | { state: 'absent' };

export interface DatasetSource {
  table: TableName;
  url: string;
  /** Already validated (the embedded demo, checked by the test suite): loaded without re-checking. */
  trusted?: boolean;
}

/** How many tables (in manifest order) decode while the engine starts. */
const EARLY_TABLES = 2;

/**
 * Fetch, decode (in the worker) and validate each table; report every step. Downloads and decoding start at
 * once, while the engine is still starting (its instantiation is the cold-start floor); inserting runs
 * in manifest order, so the first tables (regions, facilities) are ready first. A table goes in batch by batch
 * (decoded one ahead of the insert), so neither the decoder nor the engine ever holds a whole large file decoded.
 */
export async function loadDataset(
  engine: Promise<SqlRunner>,
  decode: ParquetDecoder,
  sources: readonly DatasetSource[],
  onProgress: (table: TableName, state: TableLoadState) => void,
): Promise<Set<TableName>> {
  const loaded = new Set<TableName>();
  // Each download goes to the decoder as soon as it arrives; the worker decodes the first batch of each at once.
  const fetched = sources.map((s, i) => {
    onProgress(s.table, { state: 'loading', step: 'fetching' });
    // The first tables decode at once; the others wait for the engine, so as not to compete with its start.
    const turn = i < EARLY_TABLES ? Promise.resolve() : engine.then(() => undefined, () => undefined);
    return Promise.all([fetchBytes(s.url), turn]).then(
      ([bytes]) => {
        onProgress(s.table, { state: 'loading', step: 'decoding' });
        return { size: bytes.byteLength, batches: decode.batches(bytes) };
      },
      (error: Error) => ({ error: `could not be read (${error.message})` }),
    );
  });
  const db = await engine;
  for (let i = 0; i < sources.length; i++) {
    const { table, url } = sources[i];
    const file = url.split('/').pop()!.split('?')[0];
    const got = await fetched[i];
    if ('error' in got) {
      onProgress(table, { state: 'failed', message: `${file}: ${got.error}`, issues: [] });
      continue;
    }
    try {
      const { batches, size } = got;
      onProgress(table, { state: 'loading', step: 'validating' });
      if (sources[i].trusted) {
        const rows = await commitTrusted(db, table, batches);
        loaded.add(table);
        onProgress(table, { state: 'ready', rows, bytes: size, issues: [] });
        continue;
      }
      const result = await stageAndCommit(db, { table, file, batches, loaded });
      if (result.committed) {
        loaded.add(table);
        onProgress(table, { state: 'ready', rows: result.rows, bytes: size, issues: result.issues });
      } else {
        onProgress(table, { state: 'failed', message: `${file}: ${result.issues.filter((x) => x.severity === 'error').length} problem(s); table not loaded`, issues: result.issues });
      }
    } catch (e) {
      const message = e instanceof DecodeError ? `not a readable Parquet file (${e.message})` : `could not be loaded (${e instanceof Error ? e.message : String(e)})`;
      onProgress(table, { state: 'failed', message: `${file}: ${message}`, issues: [] });
    }
  }
  return loaded;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
