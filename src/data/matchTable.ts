import { CONTRACT, TABLE_NAMES, type TableName } from './contract';

/** Which contract table a file holds, and why; or why none could be chosen. */
export type TableMatch =
  | { table: TableName; by: 'name' | 'columns'; reason: string }
  | { table: null; reason: string };

/**
 * A file with fewer of a table's required columns than this share is not taken for that table when matching
 * by columns: below it, "missing 4 required columns" is less useful to the user than "no matching table".
 */
const MIN_REQUIRED_SHARE = 0.5;

/** Names a file may use for a table: `facilities`, `facility`, `indicator_catalog`, `IndicatorCatalog`... */
const NAME_FORMS: Record<TableName, string[]> = Object.fromEntries(
  TABLE_NAMES.map((t) => {
    const joined = t.replace(/_/g, '');
    const singular = joined.endsWith('ies') ? `${joined.slice(0, -3)}y` : joined.endsWith('s') ? joined.slice(0, -1) : joined;
    return [t, [...new Set([joined, singular])]];
  }),
) as Record<TableName, string[]>;

/** Tables whose name appears as a word in the file name (case-insensitive; digits and separators ignored). */
export function tablesNamedIn(fileName: string): TableName[] {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const words = base.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return TABLE_NAMES.filter((table) => {
    for (let i = 0; i < words.length; i++) {
      // Up to three words joined: `socio_economic`, `indicator-catalog`.
      for (let j = i + 1; j <= Math.min(words.length, i + 3); j++) {
        if (NAME_FORMS[table].includes(words.slice(i, j).join(''))) return true;
      }
    }
    return false;
  });
}

interface Fit {
  table: TableName;
  required: number;
  requiredPresent: string[];
  requiredMissing: string[];
  /** Contract columns (required or optional) present in the file. */
  known: number;
}

function fit(table: TableName, columns: ReadonlySet<string>): Fit {
  const spec = CONTRACT[table];
  const required = spec.columns.filter((c) => c.required).map((c) => c.name);
  return {
    table,
    required: required.length,
    requiredPresent: required.filter((c) => columns.has(c)),
    requiredMissing: required.filter((c) => !columns.has(c)),
    known: spec.columns.filter((c) => columns.has(c.name)).length,
  };
}

/**
 * Match a file to a contract table: by its name when the name names exactly one table; otherwise by its
 * columns (the table whose required columns it has; ties broken by the most contract columns present).
 */
export function matchTable(fileName: string, columns: readonly string[]): TableMatch {
  const named = tablesNamedIn(fileName);
  if (named.length === 1) return { table: named[0], by: 'name', reason: `file name names table ${named[0]}` };

  const present = new Set(columns);
  const candidates = named.length > 1 ? named : [...TABLE_NAMES];
  const fits = candidates.map((t) => fit(t, present));
  const complete = fits.filter((f) => f.requiredMissing.length === 0);
  const nameNote = named.length > 1 ? `the name mentions ${list(named)}, and ` : '';

  if (complete.length > 0) {
    const most = Math.max(...complete.map((f) => f.known));
    const best = complete.filter((f) => f.known === most);
    if (best.length === 1) {
      return { table: best[0].table, by: 'columns', reason: `${nameNote}its columns include every required column of ${best[0].table}` };
    }
    return {
      table: null,
      reason: `ambiguous: ${nameNote}its columns fit ${list(best.map((f) => f.table))} equally; rename the file after its table (e.g. ${best[0].table}.parquet)`,
    };
  }

  const share = (f: Fit) => f.requiredPresent.length / f.required;
  const top = Math.max(...fits.map(share));
  const best = fits.filter((f) => share(f) === top);
  if (top >= MIN_REQUIRED_SHARE && best.length === 1) {
    const f = best[0];
    return { table: f.table, by: 'columns', reason: `${nameNote}its columns are closest to ${f.table} (${f.requiredPresent.length} of ${f.required} required columns)` };
  }
  if (top === 0) {
    return { table: null, reason: `no matching table: ${nameNote}neither its name nor its columns match a table of the data contract; name the file after its table (e.g. facilities.parquet)` };
  }
  const closest = best.map((f) => `${f.table} (${f.requiredPresent.length} of ${f.required} required columns)`).join(', ');
  return {
    table: null,
    reason: `no matching table: ${nameNote}its columns are too far from every table (closest: ${closest}); name the file after its table (e.g. ${best[0].table}.parquet)`,
  };
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
