import { isLang, type Lang } from '../i18n/lang';
import { migrateLegacyKeys } from './linkMigration';
import { LONG_VALUE_BUDGET, type LinkKeys } from './settingsCodec';
import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';

export const VIEW_IDS = ['overview', 'equity', 'data', 'access', 'need', 'partnerships', 'trends', 'plan'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/**
 * Everything a link must reproduce. Global filters are validated here; view-specific settings travel in
 * `extra` (well-formed keys and values only) and each view validates its own. Unknown values are dropped
 * with a notice, never an error page.
 */
export interface ViewState {
  view: ViewId;
  province: string | null;
  measure: DensityMeasure;
  district: string | null;
  extra: Readonly<Record<string, string>>;
  /** Interface language (`?lang=ar`); absent from the link when English. */
  lang?: Lang;
  /**
   * Fingerprint of the dataset the link was made with (`?ds=`, fingerprint.ts); absent for the built-in dataset, so
   * old links and links to the built-in data carry none (and give no notice).
   */
  dataset?: string;
}

/**
 * Something in the link that was dropped: a code and the offending value (cut short), translated where it
 * is shown (`notice.<code>` in the message catalogues), so the notice reads in the interface language.
 */
export interface UrlNotice {
  code: 'unknownView' | 'unknownMeasure' | 'badProvince' | 'badDistrict' | 'badParam';
  value: string;
}

export const DEFAULT_STATE: ViewState = { view: 'overview', province: null, measure: 'workforce', district: null, extra: {} };
const REGION_ID = /^[A-Za-z0-9_.-]{1,40}$/;
/** A setting's key: `namespace.name` (settingsCodec.ts), or a bare name in links made before namespaces (linkMigration.ts). */
const EXTRA_KEY = /^[a-z][a-z0-9_]{0,23}(\.[a-z][a-z0-9_]{0,23})?$/;
const GLOBAL_KEYS = new Set(['view', 'province', 'measure', 'district', 'lang', 'ds']);
const FINGERPRINT = /^[0-9a-f]{8}$/;

/** The link's state; `codecs` (every view's settings and the global filter) turn a pre-namespace link's keys into today's. */
export function parseViewState(search: string, codecs: readonly LinkKeys[] = []): { state: ViewState; notices: UrlNotice[] } {
  const params = migrateLegacyKeys(new URLSearchParams(search), codecs);
  const state: ViewState = { ...DEFAULT_STATE, extra: {} };
  const notices: UrlNotice[] = [];
  const view = params.get('view');
  if (view !== null) {
    if ((VIEW_IDS as readonly string[]).includes(view)) state.view = view as ViewId;
    else notices.push({ code: 'unknownView', value: view.slice(0, 40) });
  }
  const measure = params.get('measure');
  if (measure !== null) {
    if ((DENSITY_MEASURES as readonly string[]).includes(measure)) state.measure = measure as DensityMeasure;
    else notices.push({ code: 'unknownMeasure', value: measure.slice(0, 40) });
  }
  for (const key of ['province', 'district'] as const) {
    const v = params.get(key);
    if (v === null || v === '') continue;
    if (REGION_ID.test(v)) state[key] = v;
    else notices.push({ code: key === 'province' ? 'badProvince' : 'badDistrict', value: v.slice(0, 40) });
  }
  // An unknown `lang` is reported by the language picker (initialLang), in the language it falls back to.
  const lang = params.get('lang');
  if (isLang(lang) && lang !== 'en') state.lang = lang;
  const ds = params.get('ds');
  if (ds !== null && ds !== '') {
    if (FINGERPRINT.test(ds)) state.dataset = ds;
    else notices.push({ code: 'badParam', value: 'ds' });
  }
  const extra: Record<string, string> = {};
  for (const [key, value] of params) {
    if (GLOBAL_KEYS.has(key)) continue;
    // Each setting checks its own value and length (settingsCodec.ts); here only the longest any may be.
    if (EXTRA_KEY.test(key) && value.length <= LONG_VALUE_BUDGET) extra[key] = value;
    else notices.push({ code: 'badParam', value: key.slice(0, 24) });
  }
  state.extra = extra;
  return { state, notices };
}

export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.measure !== DEFAULT_STATE.measure) params.set('measure', state.measure);
  if (state.province) params.set('province', state.province);
  if (state.district) params.set('district', state.district);
  if (state.lang && state.lang !== 'en') params.set('lang', state.lang);
  if (state.dataset && FINGERPRINT.test(state.dataset)) params.set('ds', state.dataset);
  for (const [k, v] of Object.entries(state.extra).sort(([a], [b]) => a.localeCompare(b))) if (v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
