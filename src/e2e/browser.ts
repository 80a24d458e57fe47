import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEBIAN_CHROMIUM, type FoundChromium } from './findChromium';

/** Where the tests look for a browser first (globalSetup falls back to apt, then to the npm package: see findChromium). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

/** Headless Chromium (the one globalSetup found), with the flags that keep it from calling home (this machine has no network). */
export function launchBrowser(found: FoundChromium = inject('chromium')): Promise<Browser> {
  return chromium.launch({
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env } as Record<string, string>,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/** A page that records console errors, page errors and every request to another origin. */
export async function openWatched(browser: Browser, url: string, viewport = { width: 1400, height: 1000 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const origin = new URL(url).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(data|blob):/.test(u) && !u.startsWith(origin)) foreignRequests.push(u);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, foreignRequests };
}

/** Wait until every table is loaded (or failed) according to the progress panel. */
export async function waitForData(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid="load-progress"] li[data-table]')];
    return items.length > 0 && items.every((li) => ['ready', 'failed'].includes(li.getAttribute('data-state') ?? ''));
  }, undefined, { timeout });
}

/** After a tab click: wait until that view is current, its panels are drawn and none is busy (every query answered). */
export async function waitForView(page: Page, view: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`[data-testid="tab-${view}"][aria-current="page"]`, { timeout });
  await page.waitForFunction(() => document.querySelector('section.panel') !== null && document.querySelector('[aria-busy="true"]') === null, undefined, { timeout });
}

/** One browser for the tests of a describe block: launched before the first, closed after the last. */
export function withBrowser(): { browser: Browser } {
  const held = {} as { browser: Browser };
  beforeAll(async () => {
    held.browser = await launchBrowser();
  });
  afterAll(async () => {
    await held.browser?.close();
  });
  return held;
}

export interface DashboardOptions {
  /** Selectors that must be on the page (after every table has loaded) before the first test. */
  ready?: readonly string[];
  /** Wait until the progress list says every table loaded (the default); an embedded panel has no such list. */
  allTables?: boolean;
  timeout?: number;
  viewport?: { width: number; height: number };
}

/** A watched page and the browser it runs in. */
export type Dashboard = Watched & { browser: Browser };

/**
 * The set-up most browser tests share: a browser, the dashboard opened at `search` (e.g. '?view=access') in a
 * watched page, every table loaded and the `ready` selectors drawn. Its fields are filled in before the first test.
 */
export function withDashboard(search = '', { ready = [], allTables = true, timeout = 90_000, viewport }: DashboardOptions = {}): Dashboard {
  const d = withBrowser() as Dashboard;
  beforeAll(async () => {
    Object.assign(d, await openWatched(d.browser, `${inject('baseUrl')}${search}`, viewport));
    if (allTables) await waitForData(d.page, timeout);
    for (const selector of ready) await d.page.waitForSelector(selector, { timeout });
  });
  return d;
}

/** The test most files end with: the page logged no error and asked no other origin for anything. */
export function itLoggedNoErrorAndStayedLocal(w: Watched): void {
  it('logged no error and sent nothing to another origin', () => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
}

/** Open a <details> menu (a click on an open one would close it). */
export async function openDetails(details: Locator): Promise<void> {
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

/** Click `button` in the <details> menu and return the file the page saves. */
export async function download(menu: Locator, button: string): Promise<{ name: string; bytes: Buffer }> {
  await openDetails(menu);
  const [dl] = await Promise.all([menu.page().waitForEvent('download'), menu.locator(button).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** Give files to "Load your data" (opened if closed); the caller waits for what the load should show. */
export async function chooseFiles(page: Page, files: readonly { name: string; buffer: Buffer }[], mode?: 'replace' | 'keep-demo'): Promise<void> {
  await openDetails(page.getByTestId('dataset-loader'));
  if (mode === 'replace') await page.getByTestId('mode-replace').check();
  if (mode === 'keep-demo') await page.getByTestId('keep-demo').check();
  await page.getByTestId('file-input').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
}
