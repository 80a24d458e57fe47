import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseViewState, serializeViewState } from './urlState';

describe('view state in the URL', () => {
  it('round-trips a state', () => {
    const state = { province: 'P3', measure: 'beds' as const, district: 'D28' };
    expect(parseViewState(serializeViewState(state))).toEqual({ state, notices: [] });
    expect(serializeViewState(DEFAULT_STATE)).toBe('');
  });
  it('ignores unknown or hostile values with a notice, keeping the rest', () => {
    const { state, notices } = parseViewState('?measure=magic&province=%3Cscript%3E&district=D01');
    expect(state).toEqual({ ...DEFAULT_STATE, district: 'D01' });
    expect(notices).toEqual(['Unknown measure “magic” was ignored.', 'The province “<script>” is not a valid region code and was ignored.']);
  });
});
