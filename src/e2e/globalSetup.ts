import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH } from './browser';
import { findChromium, systemSteps, type FoundChromium } from './findChromium';

let server: PreviewServer | undefined;

/** Build the site once, serve the static folder on a free loopback port, and hand its URL to the tests. */
export default async function setup(project: TestProject) {
  // On a fresh machine this installs or unpacks a browser, so that `npm ci && npm test` is all it takes.
  project.provide('chromium', await findChromium(CHROMIUM_PATH, systemSteps(), { apt: process.env.CHROMIUM_APT !== '0' }));
  // A real production build in its own process (inside Vitest NODE_ENV is 'test', which would bundle React's dev build).
  // Its own output folder, so that test runs (and a developer's dist/) never overwrite each other.
  const outDir = mkdtempSync(path.join(tmpdir(), 'care-e2e-'));
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report its URL');
  project.provide('baseUrl', url);
  project.provide('distDir', outDir);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built static folder, for tests that serve it themselves (e.g. under a sub-path). */
    distDir: string;
    /** The browser to launch (see findChromium). */
    chromium: FoundChromium;
  }
}
