import type { Query } from '../db/sqlRunner';
import { isAbort } from '../db/sqlRunner';
import { beginBuild, endBuild, type BuiltName } from './datasetStore';
import type { Need } from './useDataset';
import { useEngineRun, type RunOptions, type RunState } from './useEngineRun';

/**
 * Build the table(s) `name` with `steps` (statements run in order on the engine's one connection, so TEMP tables
 * persist; null: not now). Runs again when the steps change or a table they read gets a new version. Queries that
 * read the result list `name` among their needs: they wait while it is built and run again on each new version.
 */
export function useBuild(name: BuiltName, steps: readonly Query[] | null, needs: readonly Need[], options: Pick<RunOptions<void, never>, 'timing' | 'settled'> = {}): RunState<void> {
  return useEngineRun<void>(steps, async (db) => {
    const token = beginBuild(name);
    try {
      for (const q of steps!) await db.rows(q);
      endBuild(name, token, { ok: true });
    } catch (e) {
      const err = e as Error & { sql?: string };
      endBuild(name, token, isAbort(e) ? { ok: false, abandoned: true } : { ok: false, message: err.message, sql: err.sql });
      throw e;
    }
  }, needs, options);
}
