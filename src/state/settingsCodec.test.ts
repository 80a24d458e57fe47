import { describe, expect, it } from 'vitest';
import { migrateLegacyKeys } from './linkMigration';
import { flag, intIn, numberIn, oneOf, settingsCodec, VALUE_BUDGET } from './settingsCodec';
import { parseViewState, serializeViewState } from './urlState';

interface Demo { mode: 'walk' | 'drive'; km: number; sigma: number; keep: boolean }
const DEMO = settingsCodec<Demo>('demo', {
  mode: oneOf(['walk', 'drive'] as const, 'mode'),
  km: numberIn({ min: 0.5, max: 50, step: 0.5 }, 'km'),
  sigma: numberIn({ min: 0.5, max: 40 }),
  keep: flag('keep'),
}, (g) => ({ mode: 'walk', km: 5, keep: false, ...g, sigma: g.sigma ?? (g.km ?? 5) / 2 }), 'demoview');

describe('settingsCodec: typed settings in the link', () => {
  it('reads valid values, falls back to defaults (dependent ones too) and names what it dropped', () => {
    expect(DEMO.read({ 'demo.mode': 'drive', 'demo.km': '8' })).toEqual({ settings: { mode: 'drive', km: 8, sigma: 4, keep: false }, invalid: [] });
    expect(DEMO.read({ 'demo.km': '8.2', 'demo.mode': 'fly', 'other.km': '3' })).toEqual({ settings: { mode: 'walk', km: 5, sigma: 2.5, keep: false }, invalid: ['demo.mode', 'demo.km'] });
    expect(DEMO.read({ 'demo.mode': 'x'.repeat(VALUE_BUDGET + 1) }).invalid).toEqual(['demo.mode']);
  });
  it('writes a patch, leaving defaults (and dependent defaults) out of the link and other keys alone', () => {
    expect(DEMO.write({ 'filter.type': 'clinic' }, { km: 20 })).toEqual({ 'filter.type': 'clinic', 'demo.km': '20' });
    // sigma = km / 2 is the default: not written; a sigma of its own is.
    expect(DEMO.write({ 'demo.km': '20' }, { sigma: 10 })).toEqual({ 'demo.km': '20' });
    expect(DEMO.write({ 'demo.km': '20' }, { sigma: 3 })).toEqual({ 'demo.km': '20', 'demo.sigma': '3' });
    expect(DEMO.write({ 'demo.km': '20', 'demo.keep': '1' }, { km: undefined, keep: false })).toEqual({});
    const extra = DEMO.write({}, { mode: 'drive', km: 7.5, keep: true });
    expect(DEMO.read(extra).settings).toEqual({ mode: 'drive', km: 7.5, sigma: 3.75, keep: true });
  });
  it('camel-case names travel as lower-case keys the link parser accepts', () => {
    const c = settingsCodec<{ facilityType: string }>('filter', { facilityType: oneOf(['clinic'] as const, 'ftype') }, (g) => ({ facilityType: 'clinic', ...g }));
    expect(c.key('facilityType')).toBe('filter.facility_type');
    const { state, notices } = parseViewState('?ftype=clinic&filter.facility_type=clinic', [c]);
    expect(notices).toEqual([]);
    expect(state.extra).toEqual({ 'filter.facility_type': 'clinic' });
  });
  it('whole numbers are whole', () => {
    expect(intIn(1, 10).read('3')).toBe(3);
    expect(intIn(1, 10).read('3.5')).toBeUndefined();
    expect(intIn(1, 10).read('11')).toBeUndefined();
  });
});

describe('old links keep working', () => {
  const FILTER = settingsCodec<{ service: string | null }>('filter', { service: { ...oneOf(['surgery', 'maternal'] as const, 'service') } }, (g) => ({ service: null, ...g }));
  it('legacy keys move to their namespace; the open view claims a shared legacy key first', () => {
    const on = migrateLegacyKeys(new URLSearchParams('view=demoview&km=8&service=surgery&keep=1'), [FILTER, DEMO]);
    expect(Object.fromEntries(on)).toEqual({ view: 'demoview', 'demo.km': '8', 'filter.service': 'surgery', 'demo.keep': '1' });
    // Another view open: the demo view's legacy keys are not its to take.
    const off = migrateLegacyKeys(new URLSearchParams('view=other&km=8&service=surgery'), [FILTER, DEMO]);
    expect(Object.fromEntries(off)).toEqual({ view: 'other', km: '8', 'filter.service': 'surgery' });
  });
  it('a key already namespaced wins over its legacy twin', () => {
    expect(Object.fromEntries(migrateLegacyKeys(new URLSearchParams('view=demoview&km=8&demo.km=9'), [DEMO]))).toEqual({ view: 'demoview', 'demo.km': '9' });
  });
  it('through the link parser: an old link opens on the same settings and is written back namespaced', () => {
    const { state, notices } = parseViewState('?view=access&km=8', [{ ...DEMO, view: 'access' } as never]);
    expect(notices).toEqual([]);
    expect(state.extra).toEqual({ 'demo.km': '8' });
    expect(serializeViewState(state)).toBe('?view=access&demo.km=8');
  });
});
