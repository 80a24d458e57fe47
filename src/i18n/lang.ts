/** The interface languages: English is the default; Arabic is written right to left. */
export const LANGS = ['en', 'ar', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', fr: 'Français' };
export const STORAGE_KEY = 'care-dashboard:lang';

export const isLang = (v: string | null | undefined): v is Lang => !!v && (LANGS as readonly string[]).includes(v);
export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

/**
 * The language to start with: `?lang=` when valid, else the one remembered in this browser, else English.
 * `invalid` holds a bad `?lang=` value, for a notice.
 */
export function initialLang(search: string, stored: string | null): { lang: Lang; invalid: string | null } {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return { lang: asked, invalid: null };
  return { lang: isLang(stored) ? stored : 'en', invalid: asked !== null && asked !== '' ? asked.slice(0, 20) : null };
}

export function storedLang(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be refused (private mode, sandboxed iframe): the URL still carries the language.
  }
}

/** `<html lang dir>` follow the language, so the whole layout (and screen readers) switch with it. */
export function applyLang(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = dirOf(lang);
}
