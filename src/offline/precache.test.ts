import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precacheManifest } from '../../scripts/offlinePlugin';
import { cacheName, isContentHashed, precacheList, staleCaches, WASM_EXCEPTIONS_PROBE } from './precache';

const build = [
  { path: 'index.html', bytes: '<html>v1</html>' },
  { path: 'favicon.svg', bytes: '<svg/>' },
  { path: 'assets/index-blXAy61Y.js' },
  { path: 'assets/index-blXAy61Y.js.map' },
  { path: 'assets/population-CifxMjhh.parquet' },
  { path: 'assets/parquet_wasm_bg-BHq48xsW.wasm' },
  { path: 'assets/duckdb-eh-9ubY-jlA.wasm' },
  { path: 'assets/duckdb-browser-eh.worker-hQa-dcAV.js' },
  { path: 'assets/duckdb-mvp-BP0pRkMH.wasm' },
  { path: 'assets/duckdb-browser-mvp.worker-C9hF7LGh.js' },
];

describe('offline precache', () => {
  it('lists every built file but source maps, and keeps DuckDB-WASM\'s two bundles apart', () => {
    const m = precacheManifest(build);
    expect(m.files).toEqual(['assets/index-blXAy61Y.js', 'assets/parquet_wasm_bg-BHq48xsW.wasm', 'assets/population-CifxMjhh.parquet', 'favicon.svg', 'index.html']);
    expect(m.engines).toEqual({
      eh: ['assets/duckdb-browser-eh.worker-hQa-dcAV.js', 'assets/duckdb-eh-9ubY-jlA.wasm'],
      mvp: ['assets/duckdb-browser-mvp.worker-C9hF7LGh.js', 'assets/duckdb-mvp-BP0pRkMH.wasm'],
    });
    // A browser with wasm exceptions caches the eh bundle only (34 MB), an older one the mvp bundle (39 MB).
    expect(precacheList(m, true).filter((p) => p.includes('duckdb'))).toEqual(m.engines.eh);
    expect(precacheList(m, false).filter((p) => p.includes('duckdb'))).toEqual(m.engines.mvp);
  });

  it('a new deployment has a new version: a changed index.html or a renamed (changed) asset; the same build the same', () => {
    const v = precacheManifest(build).version;
    expect(precacheManifest([...build].reverse()).version).toBe(v);
    expect(precacheManifest(build.map((f) => (f.path === 'index.html' ? { ...f, bytes: '<html>v2</html>' } : f))).version).not.toBe(v);
    expect(precacheManifest(build.map((f) => (f.path.startsWith('assets/index-') ? { path: f.path.replace('blXAy61Y', 'Zz9Yy8Xx') } : f))).version).not.toBe(v);
    expect(() => precacheManifest(build.filter((f) => f.path !== 'index.html'))).toThrow(/no index.html/);
    expect(() => precacheManifest(build.filter((f) => !f.path.includes('mvp')))).toThrow(/eh and mvp/);
  });

  it('reuses content-hashed files only (index.html and public files are fetched again)', () => {
    expect(isContentHashed('assets/duckdb-eh-9ubY-jlA.wasm')).toBe(true);
    expect(isContentHashed('assets/socioeconomic--wXSdY0c.parquet')).toBe(true);
    expect(isContentHashed('index.html')).toBe(false);
    expect(isContentHashed('favicon.svg')).toBe(false);
  });

  it('on activation deletes older versions but the newest previous one (a tab may still run it)', () => {
    const current = cacheName('c');
    const found = [
      { name: cacheName('a'), installedAt: 1 }, { name: cacheName('b'), installedAt: 2 }, { name: current, installedAt: 3 },
      { name: 'someone-else', installedAt: 0 },
    ];
    expect(staleCaches(found, current)).toEqual([cacheName('a')]);
    expect(staleCaches([{ name: current, installedAt: 1 }], current)).toEqual([]);
  });

  it('probes wasm exceptions with the very bytes DuckDB-WASM\'s selectBundle uses', () => {
    const duckdb = readFileSync('node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs', 'utf8');
    const probes = [...duckdb.matchAll(/WebAssembly\.validate\(new Uint8Array\(\[([\d,]+)\]\)\)/g)].map((m) => m[1]);
    expect(probes).toContain(WASM_EXCEPTIONS_PROBE.join(','));
    // The exceptions probe is the one whose body uses `try` (opcode 6) with a block type 0x40: [.., 6, 64, 25, 11, 11].
    expect(WASM_EXCEPTIONS_PROBE.slice(-5)).toEqual([6, 64, 25, 11, 11]);
    expect(WebAssembly.validate(new Uint8Array(WASM_EXCEPTIONS_PROBE))).toBe(true);
  });
});
