/** Markdown output for the bench: pure, unit-tested in markdown.test.ts. */

/** A number with thousands separators and `digits` decimals; '–' when missing or not finite. */
export function fmt(x: number | null | undefined, digits = 0): string {
  if (x == null || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as "1.23x"; '–' when missing. */
export const times = (x: number | null | undefined, digits = 2): string => (x == null || !Number.isFinite(x) ? '–' : `${fmt(x, digits)}x`);

/** A GitHub-flavoured Markdown table; cells are escaped for `|`; numeric-looking columns are right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  rows.forEach((r, i) => {
    if (r.length !== headers.length) throw new Error(`row ${i} has ${r.length} cells, expected ${headers.length}`);
  });
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => /^[-–+]?[\d,.]*\d[\d,.]*\s*(x|%|ms|s|MB|MB\/s)?$|^–$/.test(r[c].trim())));
  const line = (cells: readonly string[]) => `| ${cells.map(esc).join(' | ')} |`;
  return [line(headers), `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)].join('\n');
}
