import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { OVERVIEW_SETTINGS, sortingOf, sortOf } from './settings';

describe('Overview settings in the link', () => {
  it('the district table opens worst-served first; another sort travels in the link as overview.sort', () => {
    expect(OVERVIEW_SETTINGS.read({}).settings).toEqual({ sort: 'workforce_per_10k' });
    expect(sortingOf('workforce_per_10k')).toEqual([{ id: 'workforce_per_10k', desc: false }]);
    const extra = OVERVIEW_SETTINGS.write({ 'filter.type': 'clinic' }, { sort: sortOf([{ id: 'population', desc: true }]) });
    expect(extra).toEqual({ 'filter.type': 'clinic', 'overview.sort': '-population' });
    expect(sortingOf(OVERVIEW_SETTINGS.read(extra).settings.sort)).toEqual([{ id: 'population', desc: true }]);
    // Sorting cleared (a third click) is a setting too; back to the default leaves the link.
    expect(sortOf([])).toBe('none');
    expect(sortingOf('none')).toEqual([]);
    expect(OVERVIEW_SETTINGS.write(extra, { sort: 'workforce_per_10k' })).toEqual({ 'filter.type': 'clinic' });
  });

  it('an unknown column is dropped; old links with the global filter keys migrate', () => {
    expect(OVERVIEW_SETTINGS.read({ 'overview.sort': '-name; DROP' })).toEqual({ settings: { sort: 'workforce_per_10k' }, invalid: ['overview.sort'] });
    const { state, notices } = parseViewState('?ftype=hospital&owner=public&service=surgery', SETTINGS_CODECS);
    expect(notices).toEqual([]);
    expect(serializeViewState(state)).toBe('?filter.owner=public&filter.service=surgery&filter.type=hospital');
  });
});
