// Build step for offline use: compiles src/offline/serviceWorker.ts to sw.js beside index.html, with the list of
// every file of this build to precache. Only at build (`vite dev` registers no worker).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import type { PrecacheManifest } from '../src/offline/precache.ts';

export const SERVICE_WORKER_FILE = 'sw.js';
const ENGINE = { eh: /^assets\/duckdb-(eh-|browser-eh\.worker-)/, mvp: /^assets\/duckdb-(mvp-|browser-mvp\.worker-)/ };

/**
 * The precache manifest of a build: every emitted file (source maps and the worker itself aside), DuckDB's two bundles
 * apart, and a version that changes when any file does (Vite's names carry content hashes; the rest are hashed here).
 */
export function precacheManifest(files: readonly { path: string; bytes?: Uint8Array | string }[]): PrecacheManifest {
  const kept = files.filter((f) => !f.path.endsWith('.map') && f.path !== SERVICE_WORKER_FILE).sort((a, b) => a.path.localeCompare(b.path));
  const hash = createHash('sha256');
  for (const f of kept) {
    hash.update(f.path).update('\0');
    if (!/^assets\//.test(f.path) && f.bytes !== undefined) hash.update(f.bytes).update('\0');
  }
  const paths = kept.map((f) => f.path);
  if (!paths.includes('index.html')) throw new Error('offline precache: the build has no index.html');
  const engines = { eh: paths.filter((p) => ENGINE.eh.test(p)), mvp: paths.filter((p) => ENGINE.mvp.test(p)) };
  if (engines.eh.length !== 2 || engines.mvp.length !== 2) throw new Error(`offline precache: expected DuckDB-WASM's eh and mvp wasm + worker, found ${JSON.stringify(engines)}`);
  return {
    version: hash.digest('hex').slice(0, 16),
    files: paths.filter((p) => !engines.eh.includes(p) && !engines.mvp.includes(p)),
    engines,
  };
}

function publicFiles(dir: string, base = ''): { path: string; bytes: Uint8Array }[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path.join(dir, base), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? publicFiles(dir, rel) : [{ path: rel, bytes: readFileSync(path.join(dir, rel)) }];
  });
}

/** Vite plugin: emit sw.js with the precache manifest of this build. */
export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'care-offline',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      // Only the app's own build (not its workers' nested builds, which have no index.html).
      if (!bundle['index.html']) return;
      const emitted = Object.values(bundle).map((b) => ({ path: b.fileName, bytes: b.type === 'asset' ? b.source : b.code }));
      const manifest = precacheManifest([...emitted, ...(config.publicDir ? publicFiles(config.publicDir) : [])]);
      const compiled = await build({
        configFile: false, root: config.root, logLevel: 'silent', publicDir: false,
        build: {
          write: false, target: 'es2022', minify: true, emptyOutDir: false, copyPublicDir: false,
          lib: { entry: path.join(config.root, 'src/offline/serviceWorker.ts'), formats: ['iife'], name: 'careOfflineWorker', fileName: () => SERVICE_WORKER_FILE },
        },
      });
      const output = (Array.isArray(compiled) ? compiled[0] : compiled) as { output: { type: string; code?: string }[] };
      const code = output.output.find((o) => o.type === 'chunk')?.code;
      if (!code) throw new Error('offline precache: the service worker did not compile');
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: `self.__CARE_PRECACHE=${JSON.stringify(manifest)};\n${code}` });
    },
  };
}
