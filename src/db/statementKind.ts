/** Statements that cannot change a table (anything else clears the prepared statements). */
const READ_ONLY = /^\s*(SELECT|WITH|FROM|DESCRIBE|SUMMARIZE|EXPLAIN|SHOW|VALUES)\b/i;

/** Whether `sql` only reads: a read may be kept as a prepared statement; anything else forgets the kept ones. */
export function isReadOnly(sql: string): boolean {
  return READ_ONLY.test(sql);
}
