// Answers the first page's queries over the demo files in a folder, with the app's own engine (DuckDB-WASM, the
// tables committed as the app commits them), and writes them beside the files as first-page.json.
// `npm run data` runs it after generating; alone: `tsx scripts/first-page.ts [DIR ...]` (default: data).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoDb } from '../src/queries/demoDb';
import { answerKey, FIRST_PAGE_QUERIES, FIRST_PAGE_TABLES } from '../src/queries/firstPageQueries';
import type { FirstPageFile } from '../src/state/firstPage';
import { FIRST_PAGE_FILE, firstPageIsCurrent, sha256Of } from './firstPageCurrent.ts';

const sourceFiles = FIRST_PAGE_TABLES.map((t) => `${t}.parquet`);

/** The answers for the files in `dir`, as the app's engine computes them. */
export async function firstPageAnswers(dir: string): Promise<FirstPageFile> {
  const db = await demoDb(FIRST_PAGE_TABLES, dir);
  try {
    const answers: FirstPageFile['answers'] = [];
    for (const q of FIRST_PAGE_QUERIES) {
      const rows = await db.rows<Record<string, unknown>>(q);
      // JSON has no NaN or Infinity: such an answer would come back as null, so it is left to the engine.
      if (rows.some((r) => Object.values(r).some((v) => typeof v === 'number' && !Number.isFinite(v)))) continue;
      answers.push({ key: answerKey(q), rows });
    }
    return { generator: 'scripts/first-page.ts', sources: sourcesOf(dir), answers };
  } finally {
    await db.close();
  }
}

/** The files the answers come from, with their SHA-256: what makes the answers current (firstPageCurrent.ts). */
function sourcesOf(dir: string): FirstPageFile['sources'] {
  return sourceFiles.map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    return { file, bytes: bytes.byteLength, sha256: sha256Of(bytes) };
  });
}

/** Write first-page.json unless it is current; returns whether it was (re)written. */
export async function ensureFirstPage(dir: string): Promise<boolean> {
  if (firstPageIsCurrent(dir, sourceFiles)) return false;
  await writeFirstPage(dir);
  return true;
}

export async function writeFirstPage(dir: string): Promise<string> {
  const file = path.join(dir, FIRST_PAGE_FILE);
  writeFileSync(file, `${JSON.stringify(await firstPageAnswers(dir))}\n`);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const dir of process.argv.slice(2).length ? process.argv.slice(2) : ['data']) console.log(`wrote ${await writeFirstPage(dir)}`);
}
