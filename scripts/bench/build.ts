import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Production build of the app plus the engine-floor page into a fresh temp folder (never dist/, so parallel runs and a
 * developer's build do not collide). A child process, so NODE_ENV is 'production' whatever the caller's is.
 */
export function buildBenchSite(root: string): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'care-bench-'));
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'scripts/bench/vite.bench.config.ts'),
    '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return outDir;
}
