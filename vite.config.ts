/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { firstPageIsCurrent } from './scripts/firstPageCurrent.ts';
import { offlinePlugin } from './scripts/offlinePlugin.ts';

/**
 * data/first-page.json (the first page's answers, shown before the engine is up) must come from the Parquet files
 * beside it: their SHA-256 are checked at every build and dev start, and the answers recomputed (~4 s) if they changed.
 */
function firstPageAnswers(): Plugin {
  return {
    name: 'care-first-page',
    buildStart() {
      if (firstPageIsCurrent('data')) return;
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/first-page.ts', 'data'], { stdio: 'inherit' });
      this.warn('data/first-page.json did not match data/*.parquet: recomputed');
    },
  };
}

// Relative base: the built site works from any host and any sub-path (file server, ministry intranet).
export default defineConfig({
  base: './',
  plugins: [react(), firstPageAnswers(), offlinePlugin()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['src/e2e/**'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['src/e2e/**/*.test.ts'],
          globalSetup: ['src/e2e/globalSetup.ts'],
          setupFiles: ['src/e2e/everyTestAsserts.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
