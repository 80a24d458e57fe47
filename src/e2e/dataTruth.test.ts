import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseFiles, itLoggedNoErrorAndStayedLocal, withDashboard, waitForData } from './browser';

// A user's country built from the demo's files with two facilities moved, as a real registry's errors look:
// F000100 (a hospital) at lon 45, about 700 km east of the coast; F000200 (a health centre of D10) onto a remote
// population point of D27 (cell 60287: the point with the most people 5-10 km away and farther than 5 km from any
// facility, so that there it ranks high for outreach). Written with native DuckDB, as a user's tool would.
const MOVED = { sea: 'F000100', wrong: 'F000200', wrongName: 'Tal Tin Health Centre 8', cell: 60287 };
let files: { name: string; buffer: Buffer }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-truth-'));
  try {
    const native = await DuckDBInstance.create(':memory:');
    const c = await native.connect();
    const spot = `(SELECT lat FROM read_parquet('data/population.parquet') WHERE cell_id = ${MOVED.cell})`;
    const spotLon = `(SELECT lon FROM read_parquet('data/population.parquet') WHERE cell_id = ${MOVED.cell})`;
    await c.run(`COPY (SELECT * REPLACE (
        CASE facility_id WHEN '${MOVED.sea}' THEN 45.0 WHEN '${MOVED.wrong}' THEN ${spotLon} ELSE lon END AS lon,
        CASE facility_id WHEN '${MOVED.wrong}' THEN ${spot} ELSE lat END AS lat)
      FROM read_parquet('data/facilities.parquet') ORDER BY facility_id) TO '${dir}/facilities.parquet' (FORMAT parquet)`);
    c.closeSync();
    native.closeSync();
    files = [
      { name: 'regions.parquet', buffer: readFileSync('data/regions.parquet') },
      { name: 'facilities.parquet', buffer: readFileSync(`${dir}/facilities.parquet`) },
      { name: 'population.parquet', buffer: readFileSync('data/population.parquet') },
      { name: 'partnerships.parquet', buffer: readFileSync('data/partnerships.parquet') },
      { name: 'boundaries.geojson', buffer: readFileSync('data/boundaries.geojson') },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

async function upload(page: Page, list: { name: string; buffer: Buffer }[], keepDemo = false) {
  await chooseFiles(page, list, keepDemo ? 'keep-demo' : undefined);
  await page.waitForSelector('[data-testid="load-report"]');
}

const count = (page: Page, selector: string) => page.locator(selector).getAttribute('data-count', { timeout: 60_000 });

describe('telling the truth about loaded data', () => {
  const w = withDashboard();

  it('"Add" over the demo starts the user’s own dataset: never labelled synthetic, the demo tables gone, a fingerprint in the link', async () => {
    expect(await w.page.getByTestId('badge-synthetic').getAttribute('data-tables')).toBe('regions,facilities,population,coverage,socioeconomic,indicator_catalog,partnerships');
    expect(new URL(w.page.url()).searchParams.get('ds')).toBeNull();
    await upload(w.page, files);
    await w.page.waitForFunction(() => document.querySelector('[data-testid="dataset-name"]')?.textContent?.startsWith('Your data ('));
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(0);
    await expect(w.page.getByTestId('load-progress').textContent()).resolves.toContain('coverage: not in this dataset');
    await w.page.waitForFunction(() => /[?&]ds=[0-9a-f]{8}\b/.test(window.location.search));
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="saved"]');
  });

  it('flags the facility in the sea and the one in the wrong district, with counts on the page and in the Data view', async () => {
    await expect(w.page.getByTestId('checks-notice').innerText({ timeout: 60_000 })).resolves.toContain('2 plausibility warnings');
    await w.page.getByTestId('tab-data').click();
    expect(await count(w.page, '[data-testid="data-checks"] li[data-check="outside_boundaries"]')).toBe('1');
    expect(await count(w.page, '[data-testid="data-checks"] li[data-check="outside_district"]')).toBe('1');
    const checks = await w.page.getByTestId('data-checks').innerText();
    expect(checks).toMatch(new RegExp(`${MOVED.sea} \\(Tal Hajar Hospital 6, [\\d.]+ 45\\.0\\): [\\d.]+ km from D46`));
    expect(checks).toMatch(new RegExp(`${MOVED.wrong} \\(${MOVED.wrongName}\\): stated D10, lies in D27, [\\d.]+ km outside D10`));
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="flagged-facilities"] tbody tr').length === 2);
    const flagged = await w.page.getByTestId('flagged-facilities').locator('tbody tr').allInnerTexts();
    expect(flagged.map((r) => r.split('\t')[0]).sort()).toEqual([MOVED.sea, MOVED.wrong].sort());
  });

  it('the Plan leaves the flagged facilities out of its recommendations, says how many, and keeps them when asked', async () => {
    await w.page.getByTestId('tab-plan').click();
    expect(await count(w.page, '[data-testid="plan-flagged"]')).toBe('2');
    await expect(w.page.getByTestId('plan-flagged').innerText()).resolves.toContain('2 facilities with an implausible location');
    const table = w.page.getByTestId('partner-table');
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-table"] tbody tr').length === 15, undefined, { timeout: 120_000 });
    expect(await table.innerText()).not.toContain(MOVED.wrongName);
    await w.page.getByTestId('plan-include-flagged').check();
    // Kept, the facility moved into the remote area ranks among the top 15 for outreach: so leaving it out above mattered.
    await w.page.waitForFunction((name) => document.querySelector('[data-testid="partner-table"]')?.textContent?.includes(name), MOVED.wrongName, { timeout: 120_000 });
    expect(new URL(w.page.url()).searchParams.get('plan.flagged')).toBe('1');
  });

  it('a reload keeps the user’s data; "Forget this data" clears it and the demo opens next time', async () => {
    const name = await w.page.getByTestId('dataset-name').innerText();
    const ds = new URL(w.page.url()).searchParams.get('ds');
    await w.page.reload({ waitUntil: 'load' });
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="restored"]', { timeout: 60_000 });
    await expect(w.page.getByTestId('dataset-name').innerText()).resolves.toBe(name);
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(0);
    await w.page.waitForFunction((fp) => new URLSearchParams(window.location.search).get('ds') === fp, ds);
    expect(await w.page.getByTestId('url-notice').count()).toBe(0); // same dataset as the link: no notice
    await w.page.getByTestId('forget-data').click();
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="forgotten"]');
    await w.page.reload({ waitUntil: 'load' });
    await waitForData(w.page);
    await expect(w.page.getByTestId('dataset-name').innerText()).resolves.toBe('Demo Republic (synthetic)');
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(1);
  });

  it('a link made with another dataset says so instead of silently applying its district', async () => {
    const page = await w.browser.newPage();
    await page.goto(`${inject('baseUrl')}?view=overview&district=Q17&ds=0a1b2c3d`, { waitUntil: 'load' });
    await expect(page.getByTestId('url-notice').innerText({ timeout: 60_000 })).resolves.toContain(
      'This link was made with dataset 0a1b2c3d; you are seeing Demo Republic (synthetic) (dataset demo).');
    const plain = await w.browser.newPage();
    await plain.goto(`${inject('baseUrl')}?view=overview`, { waitUntil: 'load' });
    await waitForData(plain);
    expect(await plain.getByTestId('url-notice').count()).toBe(0); // an old link, with no fingerprint: no notice
    await page.close();
    await plain.close();
  });

  it('keeping the demo tables: the badge names them (not the user’s table), and rows pointing nowhere are left out and counted', async () => {
    const page = await w.browser.newPage();
    await page.goto(inject('baseUrl'), { waitUntil: 'load' });
    await waitForData(page);
    const native = await DuckDBInstance.create(':memory:');
    const c = await native.connect();
    const dir = mkdtempSync(path.join(tmpdir(), 'data-truth-mix-'));
    await c.run(`COPY (SELECT * REPLACE ('U' || facility_id AS facility_id) FROM read_parquet('data/facilities.parquet') LIMIT 2) TO '${dir}/facilities.parquet' (FORMAT parquet)`);
    c.closeSync();
    native.closeSync();
    await upload(page, [{ name: 'my_facilities.parquet', buffer: readFileSync(`${dir}/facilities.parquet`) }], true);
    rmSync(dir, { recursive: true, force: true });
    await page.waitForFunction(() => document.querySelector('[data-testid="badge-synthetic"]')?.getAttribute('data-tables') === 'regions,population,coverage,socioeconomic,indicator_catalog,partnerships');
    await expect(page.getByTestId('badge-synthetic').innerText()).resolves.toBe('Synthetic tables: regions, population, coverage, socioeconomic, indicator_catalog, partnerships');
    await page.getByTestId('tab-data').click();
    // Every demo partnership pointed at a demo facility id: all 450 are left out, and said so.
    expect(await count(page, '[data-testid="data-checks"] li[data-dangling="partnerships.facility_id"]')).toBe('450');
    await page.close();
  });

  it('a storage failure (here: the browser refuses IndexedDB) is said plainly and the loaded session carries on', async () => {
    const context = await w.browser.newContext();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(inject('baseUrl'), { waitUntil: 'load' });
    await waitForData(page);
    await upload(page, files.filter((f) => f.name !== 'population.parquet'));
    await page.waitForSelector('[data-testid="saved-status"][data-state="failed"]', { timeout: 60_000 });
    await expect(page.getByTestId('saved-status').innerText()).resolves.toContain('could not be kept in this browser (the browser has no room left for it (storage quota))');
    await expect(page.getByTestId('dataset-name').innerText()).resolves.toMatch(/^Your data \(/);
    await expect(page.getByTestId('kpi-facilities').innerText()).resolves.toBe('3,401');
    expect(errors).toEqual([]);
    await context.close();
  });

  itLoggedNoErrorAndStayedLocal(w);
});
