import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { DEFAULT_STATE, parseViewState, serializeViewState, type ViewState } from './urlState';

describe('view state in the URL', () => {
  it('round-trips a state, including view-specific settings', () => {
    const state: ViewState = { view: 'overview', province: 'P3', measure: 'beds', district: 'D28', extra: { indicator: 'dtp3', year: '2024' } };
    expect(parseViewState(serializeViewState(state))).toEqual({ state, notices: [] });
    expect(serializeViewState(DEFAULT_STATE)).toBe('');
  });
  it('ignores unknown or hostile values with a notice, keeping the rest', () => {
    const { state, notices } = parseViewState('?view=admin&measure=magic&province=%3Cscript%3E&district=D01&Bad-Key=1');
    expect(state).toEqual({ ...DEFAULT_STATE, district: 'D01' });
    expect(notices).toEqual([
      { code: 'unknownView', value: 'admin' },
      { code: 'unknownMeasure', value: 'magic' },
      { code: 'badProvince', value: '<script>' },
      { code: 'badParam', value: 'Bad-Key' },
    ]);
    // Shown in the interface language: one catalogue message per code, the value in its placeholder.
    expect(notices.map((n) => translate('en', `notice.${n.code}`, { value: n.value }))).toEqual([
      'Unknown view “admin” was ignored.',
      'Unknown measure “magic” was ignored.',
      'The province “<script>” is not a valid region code and was ignored.',
      'The link parameter “Bad-Key” was ignored.',
    ]);
    expect(translate('fr', 'notice.badDistrict', { value: 'D<1>' })).toContain('« D<1> »');
  });
  it('cuts a long value short and names the district when the district is bad', () => {
    const { notices } = parseViewState(`?district=${'x'.repeat(30)}%20y&view=${'v'.repeat(60)}`);
    expect(notices).toEqual([{ code: 'unknownView', value: 'v'.repeat(40) }, { code: 'badDistrict', value: `${'x'.repeat(30)} y` }]);
  });
  it('carries a dataset fingerprint (ds): 8 hex digits round-trip; anything else is dropped with a notice; none is fine', () => {
    const { state, notices } = parseViewState('?view=plan&ds=0a1b2c3d');
    expect(state.dataset).toBe('0a1b2c3d');
    expect(notices).toEqual([]);
    expect(serializeViewState(state)).toBe('?view=plan&ds=0a1b2c3d');
    expect(parseViewState('?ds=demo').notices).toEqual([{ code: 'badParam', value: 'ds' }]);
    expect(parseViewState('?view=plan').state.dataset).toBeUndefined();
    expect(serializeViewState({ ...parseViewState('?view=plan').state, dataset: undefined })).toBe('?view=plan');
  });
});
