import type { Lang } from './lang';

/**
 * The Intl locale of each interface language. Arabic uses Arabic-Indic digits (٠١٢…, `ar-u-nu-arab`), as
 * Mashriq ministries print them; plain `ar` now defaults to Latin digits in ICU, which a deployer in the
 * Maghreb may prefer: change it here.
 */
export const LOCALES: Record<Lang, string> = { en: 'en', fr: 'fr', ar: 'ar-u-nu-arab' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/** A number with `digits` decimals in the locale's digits and separators; '–' when missing. */
export function formatNumber(x: number | null | undefined, digits = 0, locale = 'en'): string {
  return x == null || !Number.isFinite(x) ? '–' : numberFormat(locale, digits).format(x);
}

/** A value already in percent (e.g. 42.5) as "42.5%" / "42,5 %" / "٤٢٫٥٪". */
export function formatPercent(x: number | null | undefined, digits = 0, locale = 'en'): string {
  if (x == null || !Number.isFinite(x)) return '–';
  // The locale's percent pattern (sign, spacing, side) around the number rounded as formatNumber rounds it
  // (x / 100 through Intl's percent style could round a float differently).
  const parts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  return parts.map((p) => (p.type === 'integer' ? formatNumber(x, digits, locale) : p.value)).join('');
}

/** A year as the locale writes it (no grouping separator). */
export function formatYear(y: number | null | undefined, locale = 'en'): string {
  return y == null || !Number.isFinite(y) ? '–' : new Intl.NumberFormat(locale, { useGrouping: false }).format(y);
}

/** A date (e.g. an export's timestamp) in the locale's long form. */
export function formatDate(d: Date, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d);
}

/** An axis tick: as many decimals as it has (up to 3), in the locale's digits. */
export function formatTick(x: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(x);
}
