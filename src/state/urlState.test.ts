import { describe, expect, it } from 'vitest';
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
      'Unknown view “admin” was ignored.',
      'Unknown measure “magic” was ignored.',
      'The province “<script>” is not a valid region code and was ignored.',
      'The link parameter “Bad-Key” was ignored.',
    ]);
  });
});
