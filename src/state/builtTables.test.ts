import { describe, expect, it } from 'vitest';
import { beginBuild, endBuild, getSnapshot } from './datasetStore';

describe('built tables: versioned by the dataset store, not by comments in SQL', () => {
  it('a finished build is a new version; a failed one keeps its error; an abandoned one is not built', () => {
    const a = beginBuild('plan_underserved');
    expect(getSnapshot().built.plan_underserved).toEqual({ state: 'building', version: 0 });
    endBuild('plan_underserved', a, { ok: true });
    expect(getSnapshot().built.plan_underserved).toEqual({ state: 'ready', version: 1 });
    const b = beginBuild('plan_underserved');
    endBuild('plan_underserved', b, { ok: false, message: 'Binder Error', sql: 'CREATE ...' });
    expect(getSnapshot().built.plan_underserved).toEqual({ state: 'failed', version: 1, message: 'Binder Error', sql: 'CREATE ...' });
    endBuild('plan_underserved', beginBuild('plan_underserved'), { ok: false, abandoned: true });
    expect(getSnapshot().built.plan_underserved).toBeUndefined();
  });
  it('an older build that ends late changes nothing', () => {
    const old = beginBuild('plan_scenario_0');
    const newer = beginBuild('plan_scenario_0');
    endBuild('plan_scenario_0', old, { ok: true });
    expect(getSnapshot().built.plan_scenario_0).toEqual({ state: 'building', version: 0 });
    endBuild('plan_scenario_0', newer, { ok: true });
    expect(getSnapshot().built.plan_scenario_0).toEqual({ state: 'ready', version: 1 });
  });
});
