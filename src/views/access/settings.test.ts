import { describe, expect, it } from 'vitest';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { DEFAULT_STATE, parseViewState, serializeViewState } from '../../state/urlState';
import { SETTINGS_CODECS } from '../viewSettings';
import { DEFAULTS } from './accessSettings';
import { ACCESS_SETTINGS, readAccessSettings } from './settings';

const settingsOf = (search: string) => readAccessSettings(parseViewState(search, SETTINGS_CODECS).state.extra);

describe('the Access view in the link', () => {
  it('reads every setting, and the defaults for an empty link', () => {
    expect(readAccessSettings({})).toEqual(DEFAULTS);
    expect(readAccessSettings({
      'access.service': 'surgery', 'access.unit': 'min', 'access.km': '7.5', 'access.min': '120', 'access.travel': 'motorised', 'access.speed': '30',
      'access.circuity': '1.5', 'access.map': 'access', 'access.method': 'gravity', 'access.capacity': 'beds', 'access.catchment': '20',
      'access.sigma': '4', 'access.beta': '2', 'access.reach': 'time',
    })).toEqual({
      service: 'surgery', unit: 'min', km: 7.5, minutes: 120, travel: 'motorised', speedKmh: 30, circuity: 1.5, colour: 'access', method: 'gravity',
      capacity: 'beds', catchmentKm: 20, sigmaKm: 4, beta: 2, reach: 'time',
    });
  });

  it('falls back on values off the grid or out of range, and names them', () => {
    const { settings, invalid } = ACCESS_SETTINGS.read({ 'access.km': '5.3', 'access.min': '250', 'access.catchment': '2.5', 'access.speed': '0', 'access.map': 'heat' });
    expect(invalid.sort()).toEqual(['access.catchment', 'access.km', 'access.map', 'access.min', 'access.speed']);
    expect(settings).toMatchObject({ km: 5, min: 60, catchment: 15, speed: 5, map: 'distance' });
  });

  it('speed and detour follow the travel mode, sigma half the catchment, and those defaults stay out of the link', () => {
    // Motorised: 40 km/h, detour 1.3 (accessThresholds.ts); sigma = 20 / 2.
    expect(readAccessSettings({ 'access.travel': 'motorised', 'access.catchment': '20' })).toMatchObject({ speedKmh: 40, circuity: 1.3, sigmaKm: 10 });
    expect(ACCESS_SETTINGS.write({ 'access.travel': 'motorised' }, { speed: 40 })).toEqual({ 'access.travel': 'motorised' });
    expect(ACCESS_SETTINGS.write({ 'access.catchment': '20' }, { sigma: 10 })).toEqual({ 'access.catchment': '20' });
    // Changing the catchment with sigma cleared: sigma follows it.
    const extra = ACCESS_SETTINGS.write({ 'access.catchment': '20', 'access.sigma': '3' }, { catchment: 30, sigma: undefined });
    expect(extra).toEqual({ 'access.catchment': '30' });
    expect(readAccessSettings(extra).sigmaKm).toBe(15);
  });

  it('an old link opens on the same settings as its namespaced twin, and is written back namespaced', () => {
    const old = '?view=access&service=surgery&unit=min&min=120&travel=motorised&speed=30&map=access&method=gravity&capacity=beds&catchment=20&beta=2&reach=time';
    const now = '?view=access&access.service=surgery&access.unit=min&access.min=120&access.travel=motorised&access.speed=30&access.map=access'
      + '&access.method=gravity&access.capacity=beds&access.catchment=20&access.beta=2&access.reach=time';
    expect(settingsOf(old)).toEqual(settingsOf(now));
    expect(settingsOf(old)).toMatchObject({ service: 'surgery', minutes: 120, speedKmh: 30, colour: 'access', reach: 'time' });
    const { state } = parseViewState(old, SETTINGS_CODECS);
    expect(serializeViewState(state)).toBe(`?view=access&${[...new URLSearchParams(now)].filter(([k]) => k !== 'view').sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&')}`);
  });

  it('the legacy `service` key is the Access service picker on the Access view, the global filter elsewhere', () => {
    const access = parseViewState('?view=access&service=maternity', SETTINGS_CODECS).state;
    expect(readAccessSettings(access.extra).service).toBe('maternity');
    expect(facilityFiltersOf(access).service).toBeNull();
    const overview = parseViewState('?view=overview&service=maternity', SETTINGS_CODECS).state;
    expect(facilityFiltersOf(overview).service).toBe('maternity');
    expect(readAccessSettings(overview.extra).service).toBe('any');
    // Both at once, namespaced: each keeps its own.
    const both = { ...DEFAULT_STATE, view: 'access' as const, extra: { 'access.service': 'surgery', 'filter.service': 'maternity' } };
    expect([readAccessSettings(both.extra).service, facilityFiltersOf(both).service]).toEqual(['surgery', 'maternity']);
  });
});
