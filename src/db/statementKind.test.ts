import { describe, expect, it } from 'vitest';
import { isReadOnly } from './statementKind';

describe('isReadOnly', () => {
  it.each([
    'SELECT 1',
    '  select * from t',
    'FROM regions',
    'VALUES (1), (2)',
    'DESCRIBE regions',
    'SHOW TABLES',
    'SUMMARIZE regions',
    'SUMMARIZE SELECT * FROM regions',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT 1',
    'WITH a AS (SELECT 1 AS x) SELECT x FROM a',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r',
    'WITH a AS MATERIALIZED (SELECT 1) FROM a',
    // The Plan's re-runs over TEMP tables start with a version comment (planRuns.ts, planSql.ts).
    '/* base v3 */ SELECT * FROM plan_near_0',
    '/* a */ /* b */\nSELECT 1',
    '-- nearest facility\nSELECT 1',
    '-- one\n  -- two\r\n WITH a AS (SELECT 1) SELECT * FROM a',
    '/* multi\n line */ FROM t',
    'SELECT 1;',
    'SELECT 1; -- trailing comment',
    "SELECT 'a; DROP TABLE t' AS s",
    'SELECT "create" FROM t',
    "SELECT 'it''s -- not a comment' AS s; /* done */",
    'SELECT "a;""b" FROM t',
  ])('reads: %s', (sql) => {
    expect(isReadOnly(sql)).toBe(true);
  });

  it.each([
    'CREATE TEMP TABLE t AS SELECT 1',
    'CREATE OR REPLACE TEMP TABLE plan_near_0 AS SELECT * FROM population',
    '/* base v3 */ CREATE OR REPLACE TEMP TABLE t AS SELECT 1',
    '-- SELECT\nDROP TABLE t',
    'INSERT INTO t VALUES (1)',
    'UPDATE t SET x = 1',
    'DELETE FROM t',
    'DROP TABLE IF EXISTS t',
    'ALTER TABLE t ADD COLUMN y INT',
    'COPY t TO \'t.csv\'',
    'ATTACH \':memory:\' AS store',
    'USE store',
    // Settings may change how a kept plan runs, so they count as writes.
    'SET threads = 1',
    'PRAGMA threads = 1',
    "PRAGMA table_info('regions')",
    'CALL pragma_version()',
    // EXPLAIN ANALYZE runs the statement it explains.
    'EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1',
    'EXPLAIN ANALYZE /* c */ INSERT INTO t VALUES (1)',
    // A CTE in front of a write.
    'WITH a AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM a',
    'WITH a AS (SELECT 1 AS x) DELETE FROM t WHERE x IN (SELECT x FROM a)',
    // More than one statement: the later ones may write.
    'SELECT 1; DROP TABLE t',
    'SELECT 1; /* c */ CREATE TABLE t (x INT)',
    '',
    '/* only a comment */',
    '/* unterminated comment SELECT 1',
    "SELECT 'unterminated",
  ])('writes (or is not a plain read): %s', (sql) => {
    expect(isReadOnly(sql)).toBe(false);
  });
});
