import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { withBrowser, waitForData } from './browser';
import { VIEW_IDS } from '../state/urlState';
import { axeSerious, settle, type AxeFinding } from './axe';

const VIEWS = VIEW_IDS;
const LANGS = ['en', 'ar', 'fr'] as const;
const EMBEDS = ['overview-map', 'overview-bars', 'equity-equiplot', 'access-curve'] as const;

describe('accessibility (axe-core, WCAG 2.1 AA) and keyboard use, in Chromium', () => {
  const chromium = withBrowser();
  let context: BrowserContext;
  const results: Record<string, AxeFinding[]> = {};
  beforeAll(async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for the test only.
    context = await chromium.browser.newContext({ bypassCSP: true, viewport: { width: 1300, height: 1000 } });
  });
  afterAll(async () => {
    const lines = Object.entries(results).map(([k, v]) => `${k}: ${v.length ? v.map((f) => `${f.id} (${f.impact}) ${f.nodes.join(', ')}`).join('; ') : '0 serious/critical'}`);
    console.log(`axe results\n${lines.join('\n')}`);
  });

  for (const lang of LANGS) {
    it(`every view in ${lang}: no serious or critical axe violation`, async () => {
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}?lang=${lang}`);
      await waitForData(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const view of VIEWS) {
        await page.getByTestId(`tab-${view}`).click();
        await settle(page);
        results[`${view} ${lang}`] = await axeSerious(page);
      }
      await page.close();
      const bad = VIEWS.filter((v) => results[`${v} ${lang}`].length > 0);
      expect(bad.map((v) => `${v}: ${JSON.stringify(results[`${v} ${lang}`])}`)).toEqual([]);
    });
  }

  it('embedded panels in every language: no serious or critical axe violation', async () => {
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const panel of EMBEDS) {
        await page.goto(`${inject('baseUrl')}?embed=${panel}&lang=${lang}`);
        await page.waitForSelector('[data-testid="embed-page"] .plot-figure svg', { timeout: 60_000 });
        await settle(page);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
        results[`embed ${panel} ${lang}`] = await axeSerious(page);
      }
    }
    await page.close();
    const bad = Object.entries(results).filter(([k, v]) => k.startsWith('embed') && v.length > 0);
    expect(bad.map(([k, v]) => `${k}: ${JSON.stringify(v)}`)).toEqual([]);
  });

  it('keyboard only: Tab to the province filter, change it, Tab into the district table, Enter selects a district', async () => {
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await waitForData(page);
    await page.waitForSelector('[data-testid="district-table"] tbody tr');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { testId: el?.getAttribute('data-testid') ?? null, cls: el?.className ?? '', text: el?.textContent ?? '', outline: el ? getComputedStyle(el).outlineStyle : '' };
    });
    const tabUntil = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 120) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (match(f)) return f;
      }
      throw new Error('never reached by Tab');
    };
    await page.locator('body').focus();
    const province = await tabUntil((f) => f.testId === 'filter-province');
    expect(province.outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('province') !== null);
    const provinceId = await page.getByTestId('filter-province').inputValue();
    expect(provinceId).not.toBe('');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="district-table"] tbody tr')].length > 0
      && [...document.querySelectorAll('[data-testid="district-table"] tbody tr')].length < 48);
    const row = await tabUntil((f) => f.cls.includes('row-select'));
    expect(row.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('selection-bar').waitFor();
    await expect(page.getByTestId('selection-bar').innerText()).resolves.toContain(row.text);
    expect(new URL(page.url()).searchParams.get('district')).toMatch(/^D/);
    // Space toggles it off again; the clear button is reachable too.
    await page.keyboard.press('Space');
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    await page.close();
  });

  it('keyboard only: views switch from the tab bar, and export and embed menus open with Enter', async () => {
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await waitForData(page);
    await page.getByTestId('tab-equity').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="tab-equity"]')?.getAttribute('aria-current') === 'page');
    await page.getByTestId('tab-overview').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="export-districts"] summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="export-districts"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.locator('[data-testid="embed-overview-map"] summary').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('embed-snippet').waitFor();
    await page.locator('[data-testid="dataset-loader"] summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="dataset-loader"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });
});
