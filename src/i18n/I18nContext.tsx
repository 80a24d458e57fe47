import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { formatNumber, formatPercent, formatYear, LOCALES } from './format';
import { applyLang, dirOf, type Lang } from './lang';
import { translate, translateDynamic, type Params } from './translate';

export interface RegionNameRow { region_id: string; name: string; name_ar?: string | null; name_fr?: string | null }

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  /** A message whose key comes from data (e.g. `indicator.dtp3`), or `fallback` when there is none. */
  tx: (key: string, fallback: string, params?: Params) => string;
  num: (x: number | null | undefined, digits?: number) => string;
  /** `x` already in percent. */
  pct: (x: number | null | undefined, digits?: number) => string;
  year: (y: number | null | undefined) => string;
  /** A region's name in the language, by region_id or by its (English) name; the given name otherwise. */
  region: (idOrName: string | null | undefined, fallback?: string) => string;
}

function make(lang: Lang, regions: readonly RegionNameRow[]): I18n {
  const locale = LOCALES[lang];
  const local = (r: RegionNameRow) => (lang === 'ar' ? r.name_ar : lang === 'fr' ? r.name_fr : null) || r.name;
  const byId = new Map(regions.map((r) => [r.region_id, local(r)]));
  const byName = new Map(regions.map((r) => [r.name, local(r)]));
  return {
    lang, dir: dirOf(lang), locale,
    t: (key, params) => translate(lang, key, params),
    tx: (key, fallback, params) => translateDynamic(lang, key, fallback, params),
    num: (x, digits = 0) => formatNumber(x, digits, locale),
    pct: (x, digits = 0) => formatPercent(x, digits, locale),
    year: (y) => formatYear(y, locale),
    region: (v, fallback) => (v == null ? fallback ?? '' : byId.get(v) ?? byName.get(v) ?? fallback ?? v),
  };
}

const I18nContext = createContext<I18n>(make('en', []));

/** The language of everything below it; also sets `<html lang dir>`. `regions` gives the localised region names. */
export function I18nProvider({ lang, regions = [], children }: { lang: Lang; regions?: readonly RegionNameRow[]; children: ReactNode }) {
  const value = useMemo(() => make(lang, regions), [lang, regions]);
  useEffect(() => {
    applyLang(lang);
    document.title = value.t('app.documentTitle');
  }, [lang, value]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
