// Whether a folder's first-page.json was computed from the Parquet files now beside it (their SHA-256). Node built-ins
// only: vite.config.ts imports it to check data/ at every build and dev start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIRST_PAGE_FILE = 'first-page.json';

/** SHA-256 of a file's bytes, in hex. */
export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * True when `dir/first-page.json` exists and every source file it lists has the hash it recorded; with `files`, it must
 * also list exactly those (the tables the first page reads).
 */
export function firstPageIsCurrent(dir: string, files?: readonly string[]): boolean {
  try {
    const { sources } = JSON.parse(readFileSync(path.join(dir, FIRST_PAGE_FILE), 'utf8')) as { sources: { file: string; sha256: string }[] };
    if (files && sources.map((s) => s.file).join() !== files.join()) return false;
    return sources.length > 0 && sources.every((s) => sha256Of(readFileSync(path.join(dir, s.file))) === s.sha256);
  } catch {
    return false;
  }
}
