/** A failed query, carrying the SQL and parameters that failed so the UI and tests can show them. */
export class QueryError extends Error {
  readonly sql: string;
  readonly params: readonly unknown[];
  constructor(message: string, sql: string, params: readonly unknown[] = []) {
    super(message);
    this.name = 'QueryError';
    this.sql = sql;
    this.params = params;
  }
}
