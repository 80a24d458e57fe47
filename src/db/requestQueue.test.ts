import { describe, expect, it } from 'vitest';
import { createRequestQueue } from './requestQueue';

/** A job that records when it starts and ends, and ends when `release` is called. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => { release = r; });
  const job = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { job, release };
}

describe('createRequestQueue', () => {
  it('runs one job at a time, each to its end', async () => {
    const exclusive = createRequestQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const pa = exclusive(a.job);
    const pb = exclusive(b.job);
    await Promise.resolve();
    expect(log).toEqual(['start a']);
    b.release();
    a.release();
    expect(await Promise.all([pa, pb])).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('takes queued interactive jobs before queued background ones, in arrival order within each', async () => {
    const exclusive = createRequestQueue();
    const log: string[] = [];
    const first = gate(log, 'first');
    const all = [exclusive(first.job, 'background')];
    for (const [name, priority] of [['bg1', 'background'], ['ui1', 'interactive'], ['bg2', 'background'], ['ui2', 'interactive']] as const) {
      all.push(exclusive(async () => { log.push(name); return name; }, priority));
    }
    first.release();
    await Promise.all(all);
    expect(log).toEqual(['start first', 'end first', 'ui1', 'ui2', 'bg1', 'bg2']);
  });

  it('rejects only the failing job, also one that throws before returning a promise, and goes on', async () => {
    const exclusive = createRequestQueue();
    const failing = exclusive(async () => { throw new Error('async failure'); });
    const throwing = exclusive((() => { throw new Error('sync failure'); }) as () => Promise<never>);
    const after = exclusive(async () => 42);
    await expect(failing).rejects.toThrow('async failure');
    await expect(throwing).rejects.toThrow('sync failure');
    expect(await after).toBe(42);
  });
});
