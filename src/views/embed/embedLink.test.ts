import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { inPanelView } from './embedLink';

describe('an embed link is read as a link to its panel\u2019s view', () => {
  it('the panel decides the view, and so which legacy keys migrate', () => {
    const { state, notices } = parseViewState(inPanelView('?embed=overview-map&view=data&ftype=clinic&table=regions', 'overview-map'), SETTINGS_CODECS);
    expect(notices).toEqual([]);
    expect(state.view).toBe('overview');
    // The global filter's old key migrates; the Data view's old `table` is not the overview's to claim.
    expect(state.extra).toEqual({ embed: 'overview-map', 'filter.type': 'clinic', table: 'regions' });
  });
});
