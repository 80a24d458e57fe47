import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withBrowser, waitForData } from './browser';
import { VIEW_IDS } from '../state/urlState';

/** A common phone (390×844), and the narrowest and widest phones the layout is promised for. */
const PHONE = { width: 390, height: 844 };
const OTHER_WIDTHS = [360, 414] as const;
const LANGS = ['en', 'ar'] as const;
/** Apple's and WCAG 2.5.5's touch target. */
const TOUCH_PX = 44;
/** Set to a folder to keep a full-page screenshot of every view at 390 px, for a person to look at. */
const SHOTS = process.env.PHONE_SCREENSHOTS;

/** Wait until no panel is busy: the view is drawn from its queries' answers. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 90_000 });
}

/**
 * Wait (charts redraw at the new width) until the page is no wider than the screen; on timeout, name the outermost
 * elements that stick out, not counting those inside a scrolling box (a wide table scrolling inside its panel is fine).
 * The screen width is passed in: on a phone (isMobile) the browser widens the layout viewport to content that sticks
 * out, so `innerWidth` grows with `scrollWidth` and the two can be equal on a page that does scroll sideways.
 */
async function noSidewaysScroll(page: Page, screen: number): Promise<{ scrollWidth: number; innerWidth: number; sticking: string[] }> {
  const fits = (W: number) => document.documentElement.scrollWidth <= W && window.innerWidth <= W;
  const ok = await page.waitForFunction(fits, screen, { timeout: 10_000 }).then(() => true, () => false);
  return page.evaluate(({ ok, W }) => {
    const out = (el: Element) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > W + 0.5 || r.left < -0.5); };
    const insideScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (/auto|scroll|hidden/.test(getComputedStyle(a).overflowX)) return true;
      return false;
    };
    const sticking = ok ? [] : [...document.querySelectorAll('body *')]
      .filter((el) => out(el) && !insideScroller(el) && !(el.parentElement && out(el.parentElement)))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}.${String((el as HTMLElement).className?.toString() ?? '').split(' ')[0]} ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, sticking };
  }, { ok, W: screen });
}

/** Visible buttons, selects and text inputs under `root` shorter than a fingertip. */
function shortControls(page: Page, root: string): Promise<string[]> {
  return page.evaluate(({ root, min }) => [...document.querySelectorAll(`${root} :is(button, select, input:not([type="checkbox"], [type="radio"], [type="hidden"]))`)]
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < min - 0.5)
    .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} ${Math.round(r.height)}px`), { root, min: TOUCH_PX });
}

describe('phones: every view at 390×844 (and 360, 414 px), English and Arabic, in Chromium', () => {
  const chromium = withBrowser();
  beforeAll(() => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      let page: Page;
      beforeAll(async () => {
        // A phone: the page's viewport meta tag applies, touch events exist.
        const context = await chromium.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
        page = await context.newPage();
        await page.goto(`${inject('baseUrl')}?lang=${lang}`);
        await waitForData(page);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      });
      afterAll(async () => {
        await page?.context().close();
      });

      it('the filter bar, view tabs and header controls are at least 44 px tall', async () => {
        expect(await shortControls(page, '.filters')).toEqual([]);
        expect(await shortControls(page, '.tabs')).toEqual([]);
        expect(await shortControls(page, '.app-header')).toEqual([]);
        expect(await page.locator('.filters select').count()).toBe(4);
        expect(await page.locator('.tabs button').count()).toBe(VIEW_IDS.length);
      });

      for (const view of VIEW_IDS) {
        it(`${view}: no sideways scroll at 390, 360 and 414 px; panel headers stacked; controls 44 px`, async () => {
          await page.setViewportSize(PHONE);
          await page.getByTestId(`tab-${view}`).tap();
          await page.waitForFunction((v) => new URL(location.href).searchParams.get('view') === v || (v === 'overview' && !new URL(location.href).searchParams.get('view')), view);
          await settled(page);
          expect(await noSidewaysScroll(page, PHONE.width)).toEqual({ scrollWidth: PHONE.width, innerWidth: PHONE.width, sticking: [] });
          // Title above its controls: a panel's actions start below its title block.
          const overlapping = await page.$$eval('.panel-header', (hs) => hs.filter((h) => {
            const title = h.firstElementChild!.getBoundingClientRect();
            const actions = h.querySelector('.panel-actions')?.getBoundingClientRect();
            return actions && actions.height > 0 && actions.top < title.bottom - 0.5;
          }).map((h) => h.querySelector('h2')?.textContent));
          expect(overlapping).toEqual([]);
          expect(await shortControls(page, 'main')).toEqual([]);
          if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${lang}-${view}.png`), fullPage: true });
          for (const width of OTHER_WIDTHS) {
            await page.setViewportSize({ width, height: PHONE.height });
            expect(await noSidewaysScroll(page, width)).toEqual({ scrollWidth: width, innerWidth: width, sticking: [] });
          }
        });
      }

      it('every Download and Embed menu of the Overview opens inside the screen', async () => {
        await page.setViewportSize(PHONE);
        await page.getByTestId('tab-overview').tap();
        await settled(page);
        const menus = page.locator('.panel-actions > details');
        expect(await menus.count()).toBeGreaterThanOrEqual(3);
        for (const details of await menus.all()) {
          await details.locator('summary').tap();
          const box = await details.locator(':scope > :not(summary)').first().boundingBox();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
          expect(await noSidewaysScroll(page, PHONE.width)).toEqual({ scrollWidth: PHONE.width, innerWidth: PHONE.width, sticking: [] });
          await details.locator('summary').tap();
        }
      });
    });
  }
});
