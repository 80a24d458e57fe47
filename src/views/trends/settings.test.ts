import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { TRENDS_SETTINGS } from './settings';

describe('Trends settings in the link', () => {
  it('an old link (indicator) reads to the same settings as the new key', () => {
    const old = parseViewState('?view=trends&province=P7&indicator=dtp3', SETTINGS_CODECS).state;
    expect(old.extra).toEqual({ 'trends.indicator': 'dtp3' });
    expect(TRENDS_SETTINGS.read(old.extra).settings).toEqual({ indicator: 'dtp3' });
    // The same legacy key in an Equity link is the Equity view's own.
    expect(parseViewState('?view=equity&indicator=dtp3', SETTINGS_CODECS).state.extra).toEqual({ 'equity.indicator': 'dtp3' });
  });
});
