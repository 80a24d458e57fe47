import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
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
