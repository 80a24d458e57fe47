import { afterAll, beforeAll } from 'vitest';
import { createNodeDb } from './nodeDb';
import type { SqlRunner } from './sqlRunner';

/**
 * For a test file or describe block: an engine opened by `open` before its tests and closed after them. The runner
 * returned can be passed around at once; each call goes to the engine opened (calling it before then throws).
 */
export function withNodeDb(open: () => Promise<SqlRunner> = createNodeDb, timeout = 60_000): SqlRunner {
  let db: SqlRunner | undefined;
  beforeAll(async () => {
    db = await open();
  }, timeout);
  afterAll(async () => {
    await db?.close();
  });
  const opened = () => {
    if (!db) throw new Error('withNodeDb: the engine is not open yet (use it inside a test or a later hook)');
    return db;
  };
  return {
    rows: (query, options) => opened().rows(query, options),
    arrow: (query, options) => opened().arrow(query, options),
    insertArrowIPC: (name, ipc, options) => opened().insertArrowIPC(name, ipc, options),
    close: () => opened().close(),
  };
}
