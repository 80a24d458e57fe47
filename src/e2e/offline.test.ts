import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../i18n/en';
import { withBrowser, waitForData } from './browser';
import { serveFolder, type Served } from './staticServer';

/** Each view and what shows it works: its main chart drawn, or its table filled. */
const VIEWS = [
  ['overview', '[data-testid="choropleth"] svg'],
  ['equity', '[data-testid="equiplot"] svg'],
  ['need', '[data-testid="need-scatter"] svg'],
  ['partnerships', '[data-testid="partner-map"] svg'],
  ['trends', '[data-testid="trend-chart"] svg'],
  ['data', '[data-testid="data-table"] tbody tr'],
  ['access', '[data-testid="access-map"] svg'],
  ['plan', '[data-testid="plan-map"] svg'],
] as const;

/** The only console error expected: the browser reporting our own probe for a file the worker did not cache, offline. */
const OFFLINE_NOISE = /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED) @ .*\/not-cached\.txt$/;

const watch = (page: Page, errors: string[]) => {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} @ ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(String(e)));
};
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

describe('offline after the first visit (service worker), from a sub-folder', () => {
  const chromium = withBrowser();
  let context: BrowserContext;
  let page: Page;
  let served: Served;
  const errors: string[] = [];
  /** 1 = the build as made; 2 = a "new deployment": sw.js with another version (what a rebuild with changes gives). */
  let deployment = 1;

  beforeAll(async () => {
    const dist = inject('distDir');
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    served = await serveFolder(dist, '/field/care/', (file) =>
      (file === 'sw.js' && deployment > 1 ? Buffer.from(sw.replace('"version":"', `"version":"d${deployment}-`)) : undefined));
    context = await chromium.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    watch(page, errors);
    await page.goto(served.url, { waitUntil: 'load' });
    await waitForData(page);
    // The worker controls the page once it has cached everything (install waits for the whole precache).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('cached the app, the engine bundle this browser selects (not both), parquet-wasm and the demo data', async () => {
    const names = await cacheNames(page);
    expect(names).toHaveLength(1);
    const urls = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), names[0]);
    const files = urls.map((u) => u.slice(served.url.length));
    expect(files).toContain('index.html');
    expect(files.some((f) => /^assets\/duckdb-eh-.*\.wasm$/.test(f))).toBe(true);
    expect(files.some((f) => /^assets\/duckdb-mvp-/.test(f))).toBe(false);
    expect(files.some((f) => /^assets\/parquet_wasm_bg-.*\.wasm$/.test(f))).toBe(true);
    for (const table of ['facilities', 'population', 'coverage', 'partnerships']) expect(files.some((f) => f.startsWith(`assets/${table}-`) && f.endsWith('.parquet'))).toBe(true);
    // Scoped to the sub-folder: relative paths, as the rest of the site.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(served.url);
  });

  it('offline, a reload starts the app and every view works', async () => {
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    // Really offline: a file the worker did not cache cannot be fetched.
    expect(await page.evaluate(() => fetch('./not-cached.txt').then(() => 'reached', () => 'no network'))).toBe('no network');
    await waitForData(page);
    const states = await page.$$eval('[data-testid="load-progress"] li[data-table]', (lis) => lis.map((li) => li.getAttribute('data-state')));
    expect(states.every((s) => s === 'ready')).toBe(true);
    for (const [view, selector] of VIEWS) {
      await page.getByTestId(`tab-${view}`).click();
      await page.waitForSelector(selector, { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelectorAll('.panel-error').length === 0 || null);
    }
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([]);
  });

  it('a new deployment: a quiet notice, and "Reload" switches the whole page to it', async () => {
    await context.setOffline(false);
    await page.goto(served.url, { waitUntil: 'load' });
    await waitForData(page);
    deployment = 2;
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.innerText()).toContain(en['offline.updateReady']);
    // Until the reload the page keeps running the version it started with.
    expect((await cacheNames(page)).sort()).toHaveLength(2);
    await Promise.all([page.waitForEvent('load'), notice.getByTestId('update-reload').click()]);
    await waitForData(page);
    await page.waitForSelector('[data-testid="choropleth"] svg');
    expect(await page.getByTestId('update-notice').count()).toBe(0);
    const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
    expect(active).toBe(`${served.url}sw.js`);
    expect((await cacheNames(page)).some((n) => n.includes('-d2-'))).toBe(true);
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([]);
  });
});

describe('where the service worker cannot register', () => {
  const chromium = withBrowser();
  it('the app works as before, says so once with console.info, and logs no error', async () => {
    // A host that mangles sw.js: registration rejects (as on file:// or in some private modes).
    const served = await serveFolder(inject('distDir'), '/broken/', (file) => (file === 'sw.js' ? Buffer.from('this is not JavaScript(') : undefined));
    try {
      const page = await chromium.browser.newPage();
      const errors: string[] = [];
      const infos: string[] = [];
      watch(page, errors);
      page.on('console', (m) => m.type() === 'info' && infos.push(m.text()));
      await page.goto(served.url, { waitUntil: 'load' });
      await waitForData(page);
      await page.waitForSelector('[data-testid="choropleth"] svg');
      await page.waitForFunction(() => document.readyState === 'complete');
      await expect.poll(() => infos.filter((i) => i.startsWith('Offline use is not available here')).length, { timeout: 30_000 }).toBe(1);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await served.close();
    }
  });
});
