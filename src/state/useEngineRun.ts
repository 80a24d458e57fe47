import { useEffect, useMemo, useRef, useState } from 'react';
import { isAbort, withAbort, type SqlRunner } from '../db/sqlRunner';
import type { TableName } from '../data/contract';
import { useAllTablesSettled, useDataset, useNeedStates, type EngineStatus, type Need, type NeedState } from './useDataset';
import { useStable } from './useStable';

/** Why engine work is not running yet, as a code (Panel shows its text from the message catalogues). */
export type WaitReason =
  | { code: 'startingDb' }
  | { code: 'loadingTables'; tables: readonly Need[] }
  /** Held until an earlier run has answered (`after`): the engine answers in the order it is asked. */
  | { code: 'queued' }
  /** Held until every table of the dataset has loaded (`settled`). */
  | { code: 'waitingTables' }
  /** Nothing asked yet (the work's key is null). */
  | { code: 'nothingYet' }
  /** The Plan's partnership reach waits for today's distances. */
  | { code: 'baselineFirst' };

/** Why engine work failed, as a code; the text comes from the message catalogues (the engine's own message is kept). */
export type RunError =
  | { code: 'engineFailed'; message: string }
  | { code: 'tableAbsent'; table: Need }
  | { code: 'tableFailed'; table: Need }
  | { code: 'query'; message: string; sql?: string };

/**
 * One state for all engine work. `value` while loading is the previous run's answer, kept on screen; `tag` is what
 * the caller said that answer was computed for (e.g. the settings behind it).
 */
export type RunState<V, K = unknown> =
  | { status: 'waiting'; reason: WaitReason }
  | { status: 'loading'; value?: V; tag?: K }
  /** `ms`: how long the run took; `prefetched`: the build-time answer, shown until the engine answers. */
  | { status: 'ready'; value: V; tag?: K; ms?: number; prefetched?: boolean }
  | { status: 'error'; error: RunError };

export interface RunOptions<V, K> {
  /** Held until every table of the dataset has loaded: for runs of seconds that each arriving table would restart. */
  settled?: boolean;
  /** Held until this other run has finished (answered or failed): the engine answers in order, the quick work first. */
  after?: { status: string };
  /** Name of the performance measure recorded for each finished run (read by the benchmark and browser tests). */
  timing?: string;
  /** Handed back with the answer: what it was computed for. */
  tag?: K;
  /** A build-time answer to show until the engine can answer; an equal engine answer keeps its identity. */
  early?: V;
  same?: (a: V, b: V) => boolean;
}

export const STARTING_DB: WaitReason = { code: 'startingDb' };

export type Finished<V, K> = { key: unknown; versions: string; state: RunState<V, K> };

/**
 * Run `run` on the engine once the tables it needs (loaded or built) are ready, and again whenever `key` changes or one
 * of those tables gets a new version. `key` identifies the work (a query, a list of statements, a request); null means
 * "not now". A newer run aborts the older one (skipped if queued, cancelled if running): `run` receives an engine whose
 * every call carries that signal. The answer of the last run stays in the state while a newer one is pending.
 */
export function useEngineRun<V, K = unknown>(key: unknown, run: (db: SqlRunner) => Promise<V>, needs: readonly Need[], options: RunOptions<V, K> = {}): RunState<V, K> {
  const { engine } = useDataset('engine');
  const states = useNeedStates(needs);
  const settled = useAllTablesSettled();
  const stableKey = useStable(key);
  const versions = states.map((s) => s.version).join();
  const blocked = blocker(needs, states);
  const missing = useStable(needs.filter((_, i) => states[i].state === 'waiting'));
  const { settled: wantsSettled, after, timing, tag, early, same } = options;
  const afterDone = after === undefined || after.status === 'ready' || after.status === 'error';
  const go = stableKey !== null && engine.state === 'ready' && !blocked && missing.length === 0 && (!wantsSettled || settled) && afterDone;
  const latest = useRef({ run, tag, early, same, timing });
  latest.current = { run, tag, early, same, timing };
  const [last, setLast] = useState<Finished<V, K> | null>(null);
  const [kept, setKept] = useState<{ value: V; tag?: K } | null>(null);

  useEffect(() => {
    if (!go || engine.state !== 'ready') return;
    const controller = new AbortController();
    const start = performance.now();
    const { run: work, tag: runTag, early: given, same: equal, timing: name } = latest.current;
    work(withAbort(engine.db, controller.signal)).then(
      (value) => {
        if (controller.signal.aborted) return;
        const end = performance.now();
        if (name) performance.measure(name, { start, end });
        // The engine agreeing with the build-time answer keeps the same value, so the charts are not drawn again.
        const answer = given !== undefined && equal?.(given, value) ? given : value;
        setKept({ value: answer, tag: runTag });
        setLast({ key: stableKey, versions, state: { status: 'ready', value: answer, tag: runTag, ms: end - start } });
      },
      (e: Error & { sql?: string }) => {
        if (controller.signal.aborted || isAbort(e)) return;
        setKept(null);
        setLast({ key: stableKey, versions, state: { status: 'error', error: { code: 'query', message: e.message, sql: e.sql } } });
      },
    );
    return () => controller.abort();
  }, [go, stableKey, versions, engine]);

  // Worked out while rendering, so the render on which the key changes never passes the old answer off as the new one.
  const state = runStateOf<V, K>({
    engine, blocked, key: stableKey, last, versions, missing, kept, early, go, held: wantsSettled && !settled ? 'waitingTables' : 'queued',
  });
  // The same state object while nothing in it changed: charts and memos that depend on it are not redone.
  const s = state as Partial<Record<'value' | 'tag' | 'ms' | 'prefetched' | 'reason' | 'error', unknown>>;
  const detail = JSON.stringify(s.reason ?? s.error ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the fields, not on the object made anew each render
  return useMemo(() => state, [state.status, s.value, s.tag, s.ms, s.prefetched, detail]);
}

/** What a run's state is now: pure, so every case is tested in Node (useEngineRun.test.ts). */
export function runStateOf<V, K>(x: {
  engine: EngineStatus; blocked: RunError | null; key: unknown; last: Finished<V, K> | null; versions: string; missing: readonly Need[];
  kept: { value: V; tag?: K } | null; early: V | undefined; go: boolean; held: 'waitingTables' | 'queued';
}): RunState<V, K> {
  if (x.engine.state === 'failed') return { status: 'error', error: { code: 'engineFailed', message: x.engine.message } };
  if (x.blocked) return { status: 'error', error: x.blocked };
  if (x.key === null) return { status: 'waiting', reason: { code: 'nothingYet' } };
  if (x.last && x.last.key === x.key && x.last.versions === x.versions && x.missing.length === 0) return x.last.state;
  if (x.kept) return { status: 'loading', value: x.kept.value, tag: x.kept.tag };
  if (x.early !== undefined) return x.go ? { status: 'loading', value: x.early } : { status: 'ready', value: x.early, ms: 0, prefetched: true };
  if (x.go) return { status: 'loading' };
  if (x.engine.state !== 'ready') return { status: 'waiting', reason: STARTING_DB };
  if (x.missing.length) return { status: 'waiting', reason: { code: 'loadingTables', tables: x.missing } };
  return { status: 'waiting', reason: { code: x.held } };
}

/** The first need that makes the work impossible: a table not in this dataset, or one that failed to load or build. */
function blocker(needs: readonly Need[], states: readonly NeedState[]): RunError | null {
  const i = states.findIndex((s) => s.state === 'absent' || s.state === 'failed');
  if (i < 0) return null;
  const s = states[i];
  if (s.state === 'absent') return { code: 'tableAbsent', table: needs[i] };
  return s.message ? { code: 'query', message: s.message, sql: s.sql } : { code: 'tableFailed', table: needs[i] as TableName };
}
