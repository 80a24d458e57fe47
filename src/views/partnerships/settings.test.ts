import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { PARTNERSHIPS_SETTINGS } from './settings';

describe('Partnerships settings in the link', () => {
  it('an old link reads to the same settings as its namespaced twin', () => {
    const old = parseViewState('?view=partnerships&active=2020&partner=ngo&programme=training', SETTINGS_CODECS);
    const now = parseViewState('?view=partnerships&partnerships.year=2020&partnerships.partner=ngo&partnerships.programme=training', SETTINGS_CODECS);
    expect(old.notices).toEqual([]);
    expect(PARTNERSHIPS_SETTINGS.read(old.state.extra).settings).toEqual({ year: 2020, partner: 'ngo', programme: 'training' });
    expect(PARTNERSHIPS_SETTINGS.read(now.state.extra).settings).toEqual({ year: 2020, partner: 'ngo', programme: 'training' });
    expect(serializeViewState(old.state)).toBe('?view=partnerships&partnerships.partner=ngo&partnerships.programme=training&partnerships.year=2020');
  });

  it('bad values are dropped; clearing a picker takes its key out of the link', () => {
    expect(PARTNERSHIPS_SETTINGS.read({ 'partnerships.year': '20x', 'partnerships.partner': "ngo'", 'partnerships.programme': '<i>' }))
      .toEqual({ settings: { year: null, partner: null, programme: null }, invalid: ['partnerships.year', 'partnerships.partner', 'partnerships.programme'] });
    expect(PARTNERSHIPS_SETTINGS.write({ 'partnerships.year': '2020', 'filter.type': 'clinic' }, { year: null })).toEqual({ 'filter.type': 'clinic' });
  });
});
