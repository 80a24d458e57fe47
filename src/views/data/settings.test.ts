import { describe, expect, it } from 'vitest';
import { FILTER_SETTINGS } from '../../state/facilityFilters';
import { parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { DATA_SETTINGS, withTable } from './settings';

describe('Data view settings in the link', () => {
  it('an old link reads to the same settings as its namespaced twin, and is written back namespaced', () => {
    const old = parseViewState('?view=data&table=regions&sort=-population&page=2&size=500&f_name=ab&ftype=clinic', SETTINGS_CODECS);
    const now = parseViewState('?view=data&data.table=regions&data.sort=-population&data.page=2&data.size=500&data.f_name=ab&filter.type=clinic', SETTINGS_CODECS);
    expect(old.notices).toEqual([]);
    expect(DATA_SETTINGS.read(old.state.extra).settings).toEqual(DATA_SETTINGS.read(now.state.extra).settings);
    expect(DATA_SETTINGS.read(old.state.extra).settings).toMatchObject({ table: 'regions', sort: '-population', page: 2, size: 500, f_name: 'ab' });
    expect(FILTER_SETTINGS.read(old.state.extra).settings.facilityType).toBe('clinic');
    expect(serializeViewState(old.state)).toBe('?view=data&data.f_name=ab&data.page=2&data.size=500&data.sort=-population&data.table=regions&filter.type=clinic');
  });

  it('bad values fall back to the defaults: facilities, key order, first page of 100, no filter', () => {
    const { settings, invalid } = DATA_SETTINGS.read({ 'data.table': 'regions; DROP TABLE regions', 'data.sort': '-name; DROP', 'data.page': '-5', 'data.size': '1e9' });
    expect(settings).toMatchObject({ table: 'facilities', sort: '', page: 0, size: 100 });
    expect(invalid).toEqual(['data.table', 'data.sort', 'data.page', 'data.size']);
  });

  it('another table starts afresh but keeps the global filters and other views\u2019 settings', () => {
    const extra = { 'data.table': 'regions', 'data.sort': 'name', 'data.page': '3', 'data.f_name': 'x', 'filter.type': 'clinic', 'partnerships.year': '2020' };
    expect(withTable(extra, 'coverage')).toEqual({ 'data.table': 'coverage', 'filter.type': 'clinic', 'partnerships.year': '2020' });
    expect(withTable(extra, 'facilities')).toEqual({ 'filter.type': 'clinic', 'partnerships.year': '2020' });
  });

  it('defaults stay out of the link', () => {
    expect(DATA_SETTINGS.write({ 'data.page': '4' }, { page: 0, size: 100, sort: '' })).toEqual({});
    expect(DATA_SETTINGS.write({}, { f_type: 'hosp' })).toEqual({ 'data.f_type': 'hosp' });
  });
});
