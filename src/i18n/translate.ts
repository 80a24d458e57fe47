import { ar } from './ar';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import type { Lang } from './lang';

export type Params = Readonly<Record<string, string | number>>;
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, ar, fr };

/** `{name}` placeholders filled from params; an unknown placeholder is left visible so it gets noticed. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The message for `key` in `lang` (English when a catalogue lacks it). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(CATALOGUES[lang][key] ?? en[key], params);
}

/** Keys built from data (an indicator id, a facility type): the translation when the catalogue has one, else the fallback. */
export function translateDynamic(lang: Lang, key: string, fallback: string, params?: Params): string {
  const k = key as MessageKey;
  return k in en ? translate(lang, k, params) : fallback;
}
