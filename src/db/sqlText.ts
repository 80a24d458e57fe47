/**
 * SQL text, in one place: the query type every builder returns and the runners take, and the only ways a name or a
 * constant is written into SQL. User values never are: they go in as parameters (or as codes, see codeOrParam).
 */

/** A parameterised query: values go in as prepared-statement parameters, never pasted into SQL text. */
export interface Query {
  sql: string;
  params?: readonly unknown[];
  /**
   * Reads only small (pre-aggregated) tables: run in one round trip to the engine's worker, not as a pending query
   * polled in steps (cheaper: README, *Design notes and measurements*). Such a query cannot be cancelled once
   * started (it is still skipped while queued, and its result is dropped when superseded).
   */
  quick?: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table name as SQL: plain identifiers only (letters, digits, underscore), anything else is refused. */
export function quoteTable(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`invalid table name: ${name}`);
  return `"${name}"`;
}

/** Quote an identifier. Identifiers come from the contract (an allow-list), never from user text. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A SQL string literal, for constants from the contract only (user values go in as parameters). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A code: letters, digits and `_ . : -` only, so it cannot close a quote, start a comment or carry SQL. */
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * A user value as SQL: a code (a region, type or service id, as the filters send) is written as a literal, anything
 * else is pushed onto `params` as a parameter. DuckDB re-plans a prepared statement on every execution when it has
 * parameters (duckdb/duckdb#17237; the cost: README, *Design notes and measurements*), while the same SQL text
 * without parameters is planned once and kept (browserDb's statement cache): codes make the common filters cheap,
 * and no other text ever reaches the SQL.
 */
export function codeOrParam(value: string, params: unknown[]): string {
  if (CODE.test(value)) return `'${value}'`;
  params.push(value);
  return '?';
}
