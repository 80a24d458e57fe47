import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { EQUITY_SETTINGS, readEquityLink } from './settings';

describe('Equity settings in the link', () => {
  it('an old link (indicator, dimension, year, measure_code, lines) reads to the same settings as the new keys', () => {
    const old = parseViewState('?view=equity&indicator=dtp3&dimension=Place+of+residence&year=2020&measure_code=TI&lines=region', SETTINGS_CODECS);
    const now = parseViewState('?view=equity&equity.indicator=dtp3&equity.dimension=Place+of+residence&equity.year=2020&equity.measure=TI&equity.lines=region', SETTINGS_CODECS);
    expect(old.notices).toEqual([]);
    expect(old.state.extra).toEqual(now.state.extra);
    expect(readEquityLink(old.state.extra).link).toEqual({ indicator: 'dtp3', dimension: 'Place of residence', year: 2020, measure: 'TI', lines: 'region' });
    expect(serializeViewState(old.state)).toBe('?view=equity&equity.dimension=Place+of+residence&equity.indicator=dtp3&equity.lines=region&equity.measure=TI&equity.year=2020');
  });

  it('writes a change beside the other settings; defaults leave the link', () => {
    const extra = EQUITY_SETTINGS.write({ 'filter.type': 'clinic', 'equity.indicator': 'dtp3' }, { year: 2020, lines: 'year' });
    expect(extra).toEqual({ 'filter.type': 'clinic', 'equity.indicator': 'dtp3', 'equity.year': '2020' });
    expect(EQUITY_SETTINGS.read({ 'equity.measure': 'XYZ', 'equity.lines': 'grid' })).toEqual({
      settings: { indicator: null, dimension: null, year: null, measure: null, lines: 'year' }, invalid: ['equity.measure', 'equity.lines'],
    });
  });
});
