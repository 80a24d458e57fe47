import type { RunOptions } from './sqlRunner';

export type Priority = NonNullable<RunOptions['priority']>;

/**
 * One job at a time, each to its end (prepare, run, read, close), so a quick query never waits behind the interleaved
 * steps of others. Interactive jobs go before queued background work (the demo tables still loading), so the first
 * chart does not wait for the population table's validation. A job that fails (or throws before its promise) rejects its own
 * promise only.
 */
export function createRequestQueue(): <T>(job: () => Promise<T>, priority?: Priority) => Promise<T> {
  const waiting: Record<Priority, (() => Promise<void>)[]> = { interactive: [], background: [] };
  let running = false;
  const next = () => waiting.interactive.shift() ?? waiting.background.shift();
  async function pump() {
    if (running) return;
    running = true;
    for (let job = next(); job; job = next()) await job();
    running = false;
  }
  return <T>(job: () => Promise<T>, priority: Priority = 'interactive') =>
    new Promise<T>((resolve, reject) => {
      waiting[priority].push(async () => {
        try {
          resolve(await job());
        } catch (e) {
          reject(e);
        }
      });
      void pump();
    });
}
