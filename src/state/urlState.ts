import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';

/** Everything a link must reproduce. Values are validated on the way in; unknown ones are dropped with a notice. */
export interface ViewState {
  province: string | null;
  measure: DensityMeasure;
  district: string | null;
}

export const DEFAULT_STATE: ViewState = { province: null, measure: 'workforce', district: null };
const REGION_ID = /^[A-Za-z0-9_.-]{1,40}$/;

export function parseViewState(search: string): { state: ViewState; notices: string[] } {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_STATE };
  const notices: string[] = [];
  const measure = params.get('measure');
  if (measure !== null) {
    if ((DENSITY_MEASURES as readonly string[]).includes(measure)) state.measure = measure as DensityMeasure;
    else notices.push(`Unknown measure “${measure}” was ignored.`);
  }
  for (const key of ['province', 'district'] as const) {
    const v = params.get(key);
    if (v === null || v === '') continue;
    if (REGION_ID.test(v)) state[key] = v;
    else notices.push(`The ${key} “${v.slice(0, 40)}” is not a valid region code and was ignored.`);
  }
  return { state, notices };
}

export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.measure !== DEFAULT_STATE.measure) params.set('measure', state.measure);
  if (state.province) params.set('province', state.province);
  if (state.district) params.set('district', state.district);
  const s = params.toString();
  return s ? `?${s}` : '';
}
