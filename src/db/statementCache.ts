import { isReadOnly } from './statementKind';

/** What the cache needs of a prepared statement. */
export interface Closable {
  close(): Promise<unknown>;
}

/** The statement one run uses: `kept` when it stays in the cache after the run, else the run closes it. */
export interface RunStatement<S> {
  stmt: S | null;
  kept: boolean;
}

/**
 * Prepared statements kept by SQL text, least recently used dropped past `max`: a filter change re-runs the same SQL
 * with new values, and preparing (parse, bind, plan) is a third of a small query's time in the engine. Only reads are
 * kept; any other statement closes every kept one first, so a kept plan never holds on to a replaced table's storage.
 */
export class StatementCache<S extends Closable> {
  private readonly kept = new Map<string, S>();

  constructor(private readonly max = 64) {}

  get size(): number {
    return this.kept.size;
  }

  /**
   * The statement for one run of `sql`: a read's kept statement (prepared on first use); for anything else, after
   * closing the kept ones, a statement prepared for this run only when it has parameters, or null (run as plain text).
   */
  async forRun(sql: string, hasParams: boolean, prepare: () => Promise<S>): Promise<RunStatement<S>> {
    if (isReadOnly(sql)) return { stmt: await this.get(sql, prepare), kept: true };
    await this.clear();
    return { stmt: hasParams ? await prepare() : null, kept: false };
  }

  /** After the run: a statement used once is closed; a kept one that failed is closed and forgotten. */
  async release(sql: string, run: RunStatement<S>, failed: boolean): Promise<void> {
    if (!run.kept) await run.stmt?.close();
    else if (failed && this.kept.get(sql) === run.stmt) {
      this.kept.delete(sql);
      await run.stmt?.close().catch(() => undefined);
    }
  }

  /** Close every kept statement (a table is about to change). */
  async clear(): Promise<void> {
    const all = [...this.kept.values()];
    this.kept.clear();
    for (const s of all) await s.close();
  }

  private async get(sql: string, prepare: () => Promise<S>): Promise<S> {
    let stmt = this.kept.get(sql);
    if (stmt) this.kept.delete(sql);
    else stmt = await prepare();
    // Re-inserted last: a Map iterates in insertion order, so the first entries are the least recently used.
    this.kept.set(sql, stmt);
    for (const [old, s] of this.kept) {
      if (this.kept.size <= this.max) break;
      this.kept.delete(old);
      await s.close();
    }
    return stmt;
  }
}
