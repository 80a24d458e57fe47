import { describe, expect, it } from 'vitest';
import { forgetDataset, readSavedDataset, saveDataset } from './savedDataset';

// Node has no IndexedDB: the same path as a browser that refuses storage. Nothing throws; each call says why.
describe('the saved dataset without browser storage', () => {
  it('reports a failure as a value, never throws', async () => {
    const none = { ok: false, message: 'this browser offers no storage (IndexedDB) here' };
    await expect(saveDataset({ version: 1, name: 'x', loadedAt: '2026-01-01T00:00:00Z', files: [], boundaries: null, keepDemo: false })).resolves.toEqual(none);
    await expect(readSavedDataset()).resolves.toEqual(none);
    await expect(forgetDataset()).resolves.toEqual(none);
  });
});
