import type { SqlRunner } from '../db/sqlRunner';
import { literal as stringLiteral } from '../db/sqlText';

/** Column types the fixtures use. */
export type FixtureType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]';

// Numbers go in as string literals: VARCHAR -> DOUBLE parses the shortest round-trip form exactly.
function literal(value: unknown, type: FixtureType): string {
  if (value === null || value === undefined) return 'NULL';
  if (type === 'VARCHAR[]') return `[${(value as string[]).map((v) => literal(v, 'VARCHAR')).join(', ')}]::VARCHAR[]`;
  return stringLiteral(String(value));
}

/**
 * For tests: (re)create table `name` with these typed columns and rows, written as SQL literals so that the
 * fixture is exactly the numbers the test computed with.
 */
export async function fixtureTable(db: SqlRunner, name: string, columns: Record<string, FixtureType>, rows: readonly object[]): Promise<void> {
  const names = Object.keys(columns);
  await db.rows(`CREATE OR REPLACE TABLE ${name} (${names.map((c) => `${c} ${columns[c]}`).join(', ')})`);
  if (rows.length) await db.rows(`INSERT INTO ${name} VALUES ${rows.map((r) => `(${names.map((c) => literal((r as Record<string, unknown>)[c], columns[c])).join(', ')})`).join(', ')}`);
}
