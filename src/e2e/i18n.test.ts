import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { LOCALES } from '../i18n/format';
import { fr } from '../i18n/fr';
import { districtFacts, readDemoTable } from './demoFacts';
import { launchBrowser, waitForData } from './browser';

const facts = districtFacts();
const population = facts.reduce((s, d) => s + d.population, 0);
const regions = readDemoTable<{ region_id: string; name: string; name_ar: string; level: number }>('regions');
const intl = (locale: string, x: number, digits = 0) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
const html = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const text = (page: Page, id: string) => page.getByTestId(id).innerText();

describe('languages: English, Arabic (right to left) and French, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await waitForData(page);
    await page.waitForSelector('[data-testid="district-table"] tbody tr');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts in English, left to right', async () => {
    expect(await html(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await page.locator('h1').innerText()).toBe(en['app.title']);
    expect(await text(page, 'kpi-population')).toBe(intl('en', population));
  });

  it('switching to Arabic in the interface: RTL layout, translated text, Arabic-Indic numbers, Arabic region names, kept in the URL and remembered', async () => {
    await page.getByTestId('language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.locator('h1').innerText()).toBe(ar['app.title']);
    expect(await text(page, 'tab-overview')).toBe(ar['view.overview']);
    expect(await page.evaluate(() => document.title)).toBe(ar['app.documentTitle']);
    const pop = intl(LOCALES.ar, population);
    expect(pop).toMatch(/^[٠-٩٬]+$/);
    await page.waitForFunction((p) => document.querySelector('[data-testid="kpi-population"]')?.textContent === p, pop);
    // Region names from regions.name_ar: the province filter and the district table.
    const provinces = await page.locator('[data-testid="filter-province"] option').allInnerTexts();
    const arProvinces = regions.filter((r) => r.level === 1).map((r) => r.name_ar);
    expect(provinces.slice(1).sort()).toEqual([...arProvinces].sort());
    const firstId = await page.locator('[data-testid="district-table"] tbody tr').first().getAttribute('data-region');
    const firstName = await page.locator('[data-testid="district-table"] tbody tr').first().locator('td').first().innerText();
    expect(firstName).toBe(regions.find((r) => r.region_id === firstId)!.name_ar);
    // The ranking's axis labels are Arabic too, and the bars grow from the right (categories on the right side).
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text')].some((t) => t.textContent === n), firstName);
    const axisSide = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="ranked-bars"] svg[role="img"]')!.getBoundingClientRect();
      const tick = document.querySelector('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text')!.getBoundingClientRect();
      return tick.left - svg.left > svg.width / 2 ? 'right' : 'left';
    });
    expect(axisSide).toBe('right');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    expect(await page.evaluate(() => localStorage.getItem('care-dashboard:lang'))).toBe('ar');
  });

  it('French: translated text and a narrow no-break space between thousands', async () => {
    await page.getByTestId('language').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await html(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(await page.locator('h1').innerText()).toBe(fr['app.title']);
    const pop = intl('fr', population);
    expect(pop).toContain('\u202f');
    await page.waitForFunction((p) => document.querySelector('[data-testid="kpi-population"]')?.textContent === p, pop);
    await expect(page.locator('[data-kpi="workforce"]').innerText()).resolves.toContain('Seuil de l’OMS : 44,5');
  });

  it('the choice is remembered for the next visit, and a link without lang uses it', async () => {
    const again = await context.newPage();
    await again.goto(inject('baseUrl'));
    await again.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await again.locator('h1').innerText()).toBe(fr['app.title']);
    await again.close();
  });

  it('?lang=ar on load, in a fresh browser: Arabic from the first paint', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${inject('baseUrl')}?lang=ar&view=need`);
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await p.locator('h1').innerText()).toBe(ar['app.title']);
    expect(await p.getByTestId('tab-need').getAttribute('aria-current')).toBe('page');
    await fresh.close();
  });

  it('an unknown language gives a notice and English', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${inject('baseUrl')}?lang=xx`);
    await expect(p.getByTestId('url-notice').innerText()).resolves.toContain('Unknown language “xx” was ignored.');
    expect(await html(p)).toEqual({ lang: 'en', dir: 'ltr' });
    await fresh.close();
  });

  it('embeds accept lang: ?embed=overview-bars&lang=ar is Arabic and right to left', async () => {
    const p = await context.newPage();
    await p.goto(`${inject('baseUrl')}?embed=overview-bars&lang=ar`);
    await p.waitForSelector('[data-testid="ranked-bars"] svg');
    expect(await html(p)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await p.getByTestId('embed-full-link').innerText()).toBe(ar['embed.openFull']);
    await p.close();
  });
});
