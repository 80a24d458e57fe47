import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';
import { formatNumber, formatPercent, LOCALES } from './format';
import { fr } from './fr';
import { initialLang } from './lang';
import { fill, translate, translateDynamic } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CATALOGUES = { en, ar, fr } as const;

describe('message catalogues', () => {
  const keys = Object.keys(en).sort();
  for (const [lang, cat] of Object.entries(CATALOGUES)) {
    it(`${lang}: the same keys as English, none empty, the same placeholders`, () => {
      expect(Object.keys(cat).sort()).toEqual(keys);
      for (const k of keys) {
        const text = (cat as Record<string, string>)[k];
        expect(text.trim(), `${lang} ${k}`).not.toBe('');
        expect(placeholders(text), `${lang} ${k}`).toEqual(placeholders((en as Record<string, string>)[k]));
      }
    });
  }
  it('Arabic and French are translations, not copies of English', () => {
    const same = (cat: Record<string, string>) => keys.filter((k) => cat[k] === (en as Record<string, string>)[k] && /[a-z]{4}/.test(cat[k]));
    // Identical strings are allowed only for names and codes that do not change (a few, listed by the test on failure).
    expect(same(ar).length, same(ar).join(', ')).toBeLessThan(5);
    // French shares many words with English (District, Population, Image (SVG), National...): 26 such keys today.
    expect(same(fr).length, same(fr).join(', ')).toBeLessThan(30);
  });
  it('fills placeholders and falls back for unknown dynamic keys', () => {
    expect(fill('{a} of {b}', { a: 1, b: 'x' })).toBe('1 of x');
    expect(fill('{a} {missing}', { a: 1 })).toBe('1 {missing}');
    expect(translate('fr', 'copy.done')).toBe(fr['copy.done']);
    expect(translateDynamic('ar', 'indicator.dtp3', 'DTP3')).toBe(ar['indicator.dtp3']);
    expect(translateDynamic('ar', 'indicator.unknown', 'Unknown one')).toBe('Unknown one');
  });
});

describe('locale formatting (Intl)', () => {
  it('French groups thousands with a narrow no-break space and uses a decimal comma', () => {
    expect(formatNumber(1234567.891, 1, LOCALES.fr)).toBe('1\u202f234\u202f567,9');
  });
  it('Arabic uses Arabic-Indic digits and separators', () => {
    expect(formatNumber(1234.5, 1, LOCALES.ar)).toBe('١٬٢٣٤٫٥');
    expect(formatPercent(42, 0, LOCALES.ar)).toMatch(/^٤٢/);
  });
  it('English is unchanged, and a missing value is a dash', () => {
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    expect(formatNumber(null)).toBe('–');
  });
});

describe('initial language', () => {
  it('the link wins, then the remembered choice, then English; a bad value is reported', () => {
    expect(initialLang('?lang=ar', 'fr')).toEqual({ lang: 'ar', invalid: null });
    expect(initialLang('', 'fr')).toEqual({ lang: 'fr', invalid: null });
    expect(initialLang('?lang=xx', null)).toEqual({ lang: 'en', invalid: 'xx' });
    expect(initialLang('', 'klingon')).toEqual({ lang: 'en', invalid: null });
  });
});
