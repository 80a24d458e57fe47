import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FINGERPRINT, datasetFingerprint } from './fingerprint';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

describe('dataset fingerprint', () => {
  it('is the first 8 hex of SHA-256 over "<table>:<file SHA-256>" lines in table order (checked with node:crypto)', async () => {
    const a = new TextEncoder().encode('facilities bytes');
    const b = new TextEncoder().encode('regions bytes');
    const want = sha(`facilities:${sha(a)}\nregions:${sha(b)}`).slice(0, 8);
    expect(await datasetFingerprint({ regions: b, facilities: a })).toBe(want);
    expect(await datasetFingerprint({ facilities: a, regions: b })).toBe(want);
    expect(await datasetFingerprint({ facilities: a, regions: 'demo' })).toBe(sha(`facilities:${sha(a)}\nregions:demo`).slice(0, 8));
  });

  it('is fixed for the built-in dataset, and differs when one byte differs', async () => {
    expect(await datasetFingerprint({ regions: 'demo', facilities: 'demo' })).toBe(BUILT_IN_FINGERPRINT);
    const x = await datasetFingerprint({ facilities: new Uint8Array([1, 2, 3]) });
    expect(x).toMatch(/^[0-9a-f]{8}$/);
    expect(await datasetFingerprint({ facilities: new Uint8Array([1, 2, 4]) })).not.toBe(x);
  });
});
