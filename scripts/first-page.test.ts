import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { answerKey, FIRST_PAGE_QUERIES } from '../src/queries/firstPageQueries';
import { NO_ANSWERS, parseFirstPage } from '../src/state/firstPage';
import { ensureFirstPage, firstPageAnswers } from './first-page';
import { FIRST_PAGE_FILE, firstPageIsCurrent } from './firstPageCurrent.ts';

describe('first-page.json: the first page answered at build time', () => {
  it('is up to date with the demo files: the engine gives the same answers now (regenerate with `tsx scripts/first-page.ts`)', async () => {
    const saved = JSON.parse(readFileSync(`data/${FIRST_PAGE_FILE}`, 'utf8'));
    expect(saved).toEqual(JSON.parse(JSON.stringify(await firstPageAnswers('data'))));
  });

  it('answers every first-page query, each district once, with finite numbers', () => {
    const answers = parseFirstPage(JSON.parse(readFileSync(`data/${FIRST_PAGE_FILE}`, 'utf8')));
    expect([...answers.keys()]).toEqual(FIRST_PAGE_QUERIES.map(answerKey));
    const districts = answers.get(answerKey(FIRST_PAGE_QUERIES[0])) as { region_id: string; population: number }[];
    expect(districts).toHaveLength(48);
    expect(new Set(districts.map((d) => d.region_id)).size).toBe(48);
    expect(districts.every((d) => Number.isFinite(d.population) && d.population > 0)).toBe(true);
  });

  it('is recomputed when a source file changes (checked by SHA-256), and only then', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'first-page-'));
    for (const f of ['regions.parquet', 'facilities.parquet', FIRST_PAGE_FILE]) copyFileSync(`data/${f}`, path.join(dir, f));
    expect(firstPageIsCurrent(dir)).toBe(true);
    expect(await ensureFirstPage(dir)).toBe(false);
    // Other bytes under the same name (any other file will do): the answers are stale.
    copyFileSync('data/population.parquet', path.join(dir, 'facilities.parquet'));
    expect(firstPageIsCurrent(dir)).toBe(false);
  });

  it('treats a malformed file as no answers, so the engine answers instead', () => {
    expect(parseFirstPage(null)).toBe(NO_ANSWERS);
    expect(parseFirstPage({ answers: 'x' })).toBe(NO_ANSWERS);
    expect([...parseFirstPage({ answers: [{ key: 1, rows: [] }, { key: 'k', rows: {} }, { key: 'ok', rows: [{ a: 1 }] }] })]).toEqual([['ok', [{ a: 1 }]]]);
  });
  it('publishing another country: a data folder with other files gets its own answers (first-page.json recomputed from them)', async () => {
    // A deployer's data/: here the demo's regions with only the facilities of two districts.
    const dir = mkdtempSync(path.join(tmpdir(), 'first-page-country-'));
    try {
      copyFileSync('data/regions.parquet', path.join(dir, 'regions.parquet'));
      const native = await DuckDBInstance.create(':memory:');
      const conn = await native.connect();
      await conn.run(`COPY (SELECT * FROM read_parquet('data/facilities.parquet') WHERE region_id IN ('D01', 'D02')) TO '${dir}/facilities.parquet' (FORMAT parquet)`);
      const kept = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${dir}/facilities.parquet')`)).getRowObjectsJson()[0].n);
      conn.closeSync();
      native.closeSync();
      expect(firstPageIsCurrent(dir)).toBe(false);
      expect(await ensureFirstPage(dir)).toBe(true);
      expect(firstPageIsCurrent(dir)).toBe(true);
      const answers = parseFirstPage(JSON.parse(readFileSync(path.join(dir, FIRST_PAGE_FILE), 'utf8')));
      const districts = answers.get(answerKey(FIRST_PAGE_QUERIES[0])) as { region_id: string; facilities: number }[];
      expect(districts).toHaveLength(48);
      expect(districts.reduce((s, d) => s + d.facilities, 0)).toBe(kept);
      expect(districts.filter((d) => d.facilities > 0).map((d) => d.region_id).sort()).toEqual(['D01', 'D02']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
