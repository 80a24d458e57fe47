/**
 * Build config for `npm run bench` only; the app's vite.config.ts is untouched. It adds:
 *  - a second HTML entry, engine-floor.html: a bare page that only starts DuckDB-WASM with the same bundle (the floor
 *    of cold start); a third, travel-time.html, that times the travel-time worker on the bench's friction surface;
 *  - a replacement for src/data/demoManifest.ts whose table URLs point at ./bench-data/, which the bench's own server
 *    maps to data/ or data/scale-N/ (one build serves every scale; nothing changes in the app's code). The same module
 *    installs `window.__careBench` (benchHook.ts), so the hook exists only in this build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin, type UserConfig } from 'vite';
import appConfig from '../../vite.config';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const MANIFEST = path.join(root, 'src/data/demoManifest.ts');

// Same order and name as the real manifest (keys before their users).
const TABLES = ['regions', 'facilities', 'indicator_catalog', 'population', 'coverage', 'socioeconomic', 'partnerships'];

function benchManifest(): Plugin {
  return {
    name: 'care-bench-manifest',
    enforce: 'pre',
    load(id) {
      if (path.resolve(id.split('?')[0]) !== MANIFEST) return null;
      return `import ${JSON.stringify(path.join(here, 'benchHook.ts'))};
import type { TableName } from './contract';
const at = (file: string) => new URL('bench-data/' + file, document.baseURI).href;
export const DEMO_DATASET = {
  name: 'Demo Republic (synthetic)',
  synthetic: true,
  // Trusted as in the app's own manifest: the generator's output, validated by the test suite.
  tables: ${JSON.stringify(TABLES)}.map((table) => ({ table: table as TableName, url: at(table + '.parquet'), trusted: true })),
  boundariesUrl: at('boundaries.geojson'),
  roadsUrl: at('roads.geojson'),
  barriersUrl: at('barriers.geojson'),
  landcoverUrl: at('landcover.geojson'),
  firstPageUrl: at('first-page.json'),
};`;
    },
  };
}

const { test: _test, ...app } = appConfig as UserConfig & { test?: unknown };
export default mergeConfig(app, {
  root,
  plugins: [benchManifest()],
  build: {
    rollupOptions: {
      input: { main: path.join(root, 'index.html'), engineFloor: path.join(here, 'engine-floor.html'), travelTime: path.join(here, 'travel-time.html') },
    },
  },
} satisfies UserConfig);
