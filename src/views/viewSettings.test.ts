import { describe, expect, it } from 'vitest';
import { parseViewState } from '../state/urlState';
import { SETTINGS_CODECS } from './viewSettings';

describe('settings in the link', () => {
  it('no two views or filters share a namespace, a key or a legacy key for the same view', () => {
    const namespaces = SETTINGS_CODECS.map((c) => c.namespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
    const keys = SETTINGS_CODECS.flatMap((c) => Object.keys(c.fields).map((n) => c.key(n)));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of SETTINGS_CODECS) for (const k of Object.keys(c.fields)) expect(c.key(k).startsWith(`${c.namespace}.`)).toBe(true);
    // Within one view's links, a legacy key is claimed by the view first, then by the global codecs: unique per owner.
    for (const c of SETTINGS_CODECS) {
      const legacy = Object.values(c.fields).map((f) => f.legacy).filter(Boolean);
      expect(new Set(legacy).size).toBe(legacy.length);
    }
  });
  it('the link parser accepts every key a codec writes', () => {
    for (const c of SETTINGS_CODECS) {
      for (const k of Object.keys(c.fields)) {
        const { state, notices } = parseViewState(`?${c.key(k)}=1`, SETTINGS_CODECS);
        expect(notices, c.key(k)).toEqual([]);
        expect(Object.keys(state.extra)).toEqual([c.key(k)]);
      }
    }
  });
});
