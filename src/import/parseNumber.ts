/**
 * Numbers as people type them in census tables and spreadsheets: `7 092 113`, `7,092,113`, `7.092.113`,
 * `1 234,5` (decimal comma), `12.5`, `-`, `n/a`. Returns null for a blank or a dash ("absent is not zero").
 * Returns NaN for text that is not a number, so that callers can count and report it.
 */
export function parseNumber(raw: unknown, decimalComma = false): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'bigint') return Number(raw);
  let s = String(raw).trim().replace(/[\u00a0\u202f\u2009']/g, ' ');
  if (s === '' || /^[-–—.]+$/.test(s) || /^(n\/?a|na|null|none|\.\.|\?)$/i.test(s)) return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  s = s.replace(/%$/, '').trim();
  if (s.startsWith('-') || s.startsWith('−')) {
    sign *= -1;
    s = s.slice(1).trim();
  }
  // Groups of three digits separated by spaces: thousands separators.
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // The last separator is the decimal one: 1,234.5 or 1.234,5.
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (commas > 1 || (!decimalComma && commas === 1 && /^\d{1,3}(,\d{3})+$/.test(s) && !/^0,/.test(s))) {
    // 7,092,113 or 1,234: thousands. A single comma with other than three digits after it is a decimal comma.
    s = s.replace(/,/g, '');
  } else if (commas === 1) {
    s = s.replace(',', '.');
  } else if (dots > 1 && /^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^\d*\.?\d+(e[-+]?\d+)?$/i.test(s)) return NaN;
  return sign * Number(s);
}

/**
 * `8,721` alone could be 8721 or 8.721. A column decides: when any of its values has a comma followed by
 * other than three digits (`8,72155`, `12,5`), every single comma in it is a decimal comma.
 */
export function numberReader(values: Iterable<unknown>): (raw: unknown) => number | null {
  let decimalComma = false;
  for (const v of values) {
    if (typeof v === 'string' && /^\s*[-−]?\d+,(\d{1,2}|\d{4,})\s*$/.test(v)) {
      decimalComma = true;
      break;
    }
  }
  return (raw) => parseNumber(raw, decimalComma);
}
