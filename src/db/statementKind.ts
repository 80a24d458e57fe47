/**
 * Whether a statement only reads, for browserDb's prepared-statement cache: a read may be kept and re-run; anything
 * else (a write, a setting, a second statement) closes the kept statements first, so that no kept plan holds on to a
 * replaced table. When unsure it answers "not a read", which costs a re-prepare, never a stale plan.
 */

/** Statements that only read, by their first keyword. */
const READS = new Set(['SELECT', 'FROM', 'VALUES', 'DESCRIBE', 'SUMMARIZE', 'SHOW']);
/** Keywords that may start the statement after a WITH's CTE list. */
const MAIN = new Set([...READS, 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);

export function isReadOnly(sql: string): boolean {
  const words = topLevelWords(sql);
  if (!words) return false;
  const first = words[0];
  if (first === 'EXPLAIN') {
    // EXPLAIN ANALYZE runs what it explains; plain EXPLAIN only plans it.
    return words[1] !== 'ANALYZE' || isMainRead(words.slice(2));
  }
  return isMainRead(words);
}

function isMainRead(words: string[]): boolean {
  if (words[0] !== 'WITH') return READS.has(words[0]);
  // Past the CTE list (its bodies are inside parentheses, so not top-level words): the first statement keyword.
  const main = words.slice(1).find((w) => MAIN.has(w));
  return main !== undefined && READS.has(main);
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

/**
 * The upper-cased words of `sql` outside comments, string literals, quoted identifiers and parentheses, or null when
 * there is none, when a comment or quote is not closed, or when a second statement follows a `;`.
 */
function topLevelWords(sql: string): string[] | null {
  const words: string[] = [];
  let depth = 0;
  let ended = false;
  for (let i = 0; i < sql.length;) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (/\s/.test(c)) {
      i++;
    } else if (ended) {
      return null;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: skipping to each closing quote in turn covers it.
      const end = sql.indexOf(c, i + 1);
      if (end < 0) return null;
      i = end + 1;
    } else if (c === '(') {
      depth++;
      i++;
    } else if (c === ')') {
      depth--;
      i++;
    } else if (c === ';' && depth === 0) {
      ended = true;
      i++;
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(sql);
      if (m) {
        if (depth === 0) words.push(m[0].toUpperCase());
        i += m[0].length;
      } else {
        i++;
      }
    }
  }
  return words.length ? words : null;
}
