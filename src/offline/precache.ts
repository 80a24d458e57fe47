/**
 * What the service worker keeps for offline use, as data and pure functions (tested in Node; bundled into sw.js).
 * Written by the build (scripts/offlinePlugin.ts) into sw.js, so a new deployment changes sw.js's bytes and the
 * browser installs the new worker.
 */
export interface PrecacheManifest {
  /** Hash of the deployment: names of every file (content-hashed by Vite) and the bytes of the unhashed ones. */
  version: string;
  /** Paths relative to the worker's scope: the page, its scripts, styles, workers, parquet-wasm, the demo data. */
  files: string[];
  /** DuckDB-WASM's two bundles (wasm + worker script): only the one the browser will select is fetched (34-39 MB each). */
  engines: { eh: string[]; mvp: string[] };
}

export const CACHE_PREFIX = 'care-offline-';
export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/**
 * DuckDB-WASM's own test for WebAssembly exceptions (the `eh` bundle needs them; duckdb-browser.mjs, getPlatformFeatures):
 * the same bytes, so the worker caches the bundle that `selectBundle` picks. Without SharedArrayBuffer isolation
 * the `coi` bundle is never chosen here (the site sends no COOP/COEP headers).
 */
export const WASM_EXCEPTIONS_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11];

/** Every path to cache: the app's files, then the engine bundle this browser runs. */
export function precacheList(manifest: PrecacheManifest, wasmExceptions: boolean): string[] {
  return [...manifest.files, ...(wasmExceptions ? manifest.engines.eh : manifest.engines.mvp)];
}

/** Vite names built assets `name-<hash>.ext`: same name, same bytes, so a previous cache's copy can be reused. */
export const isContentHashed = (path: string) => /^assets\/.+-[\w-]{8}\.\w+$/.test(path);

/**
 * Caches to delete when a version activates: older versions except the newest previous one, which a tab still
 * running that version may need for a file it loads late (a worker, an export); it goes at the next update.
 */
export function staleCaches(caches: readonly { name: string; installedAt: number }[], current: string): string[] {
  const others = caches.filter((c) => c.name.startsWith(CACHE_PREFIX) && c.name !== current).sort((a, b) => b.installedAt - a.installedAt);
  return others.slice(1).map((c) => c.name);
}
