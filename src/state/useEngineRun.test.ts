import { describe, expect, it } from 'vitest';
import type { Need } from './useDataset';
import { runStateOf, type Finished } from './useEngineRun';

const ready = { state: 'ready' as const, db: {} as never };
const base = {
  engine: ready, blocked: null, key: 'q2', last: null as Finished<number[], string> | null, versions: '1,1', missing: [] as Need[],
  kept: null as { value: number[]; tag?: string } | null, early: undefined as number[] | undefined, go: true, held: 'queued' as const,
};
const done = (key: unknown, versions = '1,1'): Finished<number[], string> => ({ key, versions, state: { status: 'ready', value: [1], tag: 'a', ms: 3 } });

describe('runStateOf: one state for all engine work', () => {
  it('a null key is "not now", whatever was answered before', () => {
    expect(runStateOf({ ...base, key: null, last: done(null), kept: { value: [1] } })).toEqual({ status: 'waiting', reason: { code: 'nothingYet' } });
  });
  it('the answer counts only for the key and table versions it was computed for', () => {
    const last = done('q2');
    expect(runStateOf({ ...base, last })).toBe(last.state);
    // The render on which the key changes: the old answer is kept, but as loading, never as the new answer.
    expect(runStateOf({ ...base, key: 'q3', last, kept: { value: [1], tag: 'a' } })).toEqual({ status: 'loading', value: [1], tag: 'a' });
    // A table it reads was replaced: the same key runs again.
    expect(runStateOf({ ...base, last, versions: '1,2', kept: { value: [1], tag: 'a' } })).toEqual({ status: 'loading', value: [1], tag: 'a' });
    // A built table it reads is being rebuilt.
    expect(runStateOf({ ...base, last, missing: ['plan_today'], go: false, kept: { value: [1] } }).status).toBe('loading');
  });
  it('says why it waits, as codes', () => {
    expect(runStateOf({ ...base, go: false, engine: { state: 'loading' } })).toEqual({ status: 'waiting', reason: { code: 'startingDb' } });
    expect(runStateOf({ ...base, go: false, missing: ['population'] })).toEqual({ status: 'waiting', reason: { code: 'loadingTables', tables: ['population'] } });
    expect(runStateOf({ ...base, go: false, held: 'waitingTables' })).toEqual({ status: 'waiting', reason: { code: 'waitingTables' } });
    expect(runStateOf({ ...base, go: false })).toEqual({ status: 'waiting', reason: { code: 'queued' } });
    expect(runStateOf({ ...base })).toEqual({ status: 'loading' });
  });
  it('errors are codes too, and win over any answer', () => {
    expect(runStateOf({ ...base, engine: { state: 'failed', message: 'no wasm' }, last: done('q2') })).toEqual({ status: 'error', error: { code: 'engineFailed', message: 'no wasm' } });
    expect(runStateOf({ ...base, blocked: { code: 'tableAbsent', table: 'socioeconomic' }, last: done('q2') })).toEqual({ status: 'error', error: { code: 'tableAbsent', table: 'socioeconomic' } });
  });
  it('a build-time answer shows until the engine can answer, then while it runs', () => {
    expect(runStateOf({ ...base, go: false, engine: { state: 'loading' }, early: [9] })).toEqual({ status: 'ready', value: [9], ms: 0, prefetched: true });
    expect(runStateOf({ ...base, early: [9] })).toEqual({ status: 'loading', value: [9] });
  });
});
