import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { NEED_SETTINGS } from './settings';

describe('Need settings in the link', () => {
  it('an old link (need, need_year) reads to the same settings as the new keys', () => {
    const old = parseViewState('?view=need&need=literacy&need_year=2020', SETTINGS_CODECS).state.extra;
    expect(old).toEqual({ 'need.indicator': 'literacy', 'need.year': '2020' });
    expect(NEED_SETTINGS.read(old).settings).toEqual({ indicator: 'literacy', year: 2020 });
  });

  it('the latest year is no year in the link', () => {
    expect(NEED_SETTINGS.write({ 'need.year': '2020' }, { year: null })).toEqual({});
    expect(NEED_SETTINGS.read({ 'need.year': '0' }).settings.year).toBeNull();
  });
});
