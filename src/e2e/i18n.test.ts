import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { LOCALES } from '../i18n/format';
import { fr } from '../i18n/fr';
import { districtFacts, readDemoTable } from './demoFacts';
import { withBrowser, waitForData } from './browser';

const facts = districtFacts();
const population = facts.reduce((s, d) => s + d.population, 0);
const regions = readDemoTable<{ region_id: string; name: string; name_ar: string; level: number }>('regions');
const intl = (locale: string, x: number, digits = 0) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
const html = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const text = (page: Page, id: string) => page.getByTestId(id).innerText();

describe('languages: English, Arabic (right to left) and French, in Chromium', () => {
  const chromium = withBrowser();
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await chromium.browser.newContext({ viewport: { width: 1300, height: 1000 } });
    page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await waitForData(page);
    await page.waitForSelector('[data-testid="district-table"] tbody tr');
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
    const fresh = await chromium.browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${inject('baseUrl')}?lang=ar&view=need`);
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await p.locator('h1').innerText()).toBe(ar['app.title']);
    expect(await p.getByTestId('tab-need').getAttribute('aria-current')).toBe('page');
    await fresh.close();
  });

  it('an unknown language gives a notice and English', async () => {
    const fresh = await chromium.browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${inject('baseUrl')}?lang=xx`);
    await expect(p.getByTestId('url-notice').innerText()).resolves.toContain('Unknown language “xx” was ignored.');
    expect(await html(p)).toEqual({ lang: 'en', dir: 'ltr' });
    await fresh.close();
  });

  // The Equity, Access and Data views in Arabic and French: translated words, numbers in the locale.
  const dtp3 = readDemoTable<{ indicator_id: string; region_id: string; year: number; dimension: string; subgroup_order: number | null; estimate: number | null }>('coverage')
    .filter((r) => r.indicator_id === 'dtp3' && r.region_id === 'XX' && r.dimension === 'Economic status (wealth quintile)');
  const latest = Math.max(...dtp3.map((r) => r.year));
  const byOrder = (o: number) => dtp3.find((r) => r.year === latest && r.subgroup_order === o)!.estimate!;
  const headlineGap = Math.abs(byOrder(5) - byOrder(1));
  const fresh = async (search: string) => {
    const ctx = await chromium.browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const p = await ctx.newPage();
    await p.goto(`${inject('baseUrl')}${search}`);
    await waitForData(p);
    return { p, close: () => ctx.close() };
  };

  for (const [lang, cat] of [['ar', ar], ['fr', fr]] as const) {
    it(`Equity in ${lang}: the headline, its numbers in the locale's digits, measure names and readings from the catalogue`, async () => {
      const { p, close } = await fresh(`?lang=${lang}&view=equity&indicator=dtp3`);
      await p.waitForSelector('[data-testid="headline-gap"]');
      const locale = LOCALES[lang];
      await p.waitForFunction((y) => document.querySelector('[data-testid="headline-year"]')?.textContent === y, new Intl.NumberFormat(locale, { useGrouping: false }).format(latest));
      expect(await text(p, 'headline-gap')).toBe(intl(locale, headlineGap, 1));
      if (lang === 'ar') expect(await text(p, 'headline-gap')).toMatch(/^[٠-٩]+٫[٠-٩]$/);
      else expect(await text(p, 'headline-gap')).toMatch(/^\d+,\d$/);
      const headline = await text(p, 'equity-headline');
      expect(headline).toContain(cat['equity.richest']);
      expect(headline).toContain(cat['equity.percentagePoints']);
      expect(headline).not.toMatch(/richest|points a year/);
      // HEAT measures: names and the "what it means" column in the language; the SII value in its digits.
      await p.waitForSelector('[data-testid="measures-table"] tr[data-measure="SII"]');
      expect(await p.locator('[data-testid="measures-table"] tr[data-measure="SII"] .measure-name').innerText()).toBe(cat['equity.measure.SII.name']);
      const reading = await p.locator('[data-testid="measures-table"] tr[data-measure="SII"] td').last().innerText();
      expect(reading.length).toBeGreaterThan(20);
      expect(reading).not.toContain('Across the whole distribution');
      expect(await p.locator('[data-testid="measures-table"] thead').innerText()).toContain(cat['equity.colMeaning']);
      // The poverty-gradient answer and the equiplot's gap labels are translated too.
      await p.waitForSelector('[data-testid="access-sii"]');
      expect(await text(p, 'access-answer')).not.toMatch(/Moving from the poorest|No clear gradient|Yes\./);
      const gapLabel = cat['chart.gap'].split('{value}')[0].trim();
      await p.waitForFunction((g) => [...document.querySelectorAll('[data-testid="equiplot"] svg text')].some((t) => t.textContent?.startsWith(g)), gapLabel);
      await close();
    });
  }

  it('Access in French: the settings form, the table headers and the method note are translated; in Arabic the coverage bars are mirrored', async () => {
    const { p, close } = await fresh('?lang=fr&view=access');
    const form = p.locator('form.access-controls');
    await expect(form.getAttribute('aria-label')).resolves.toBe(fr['access.settings']);
    const legends = await form.locator('legend').allInnerTexts();
    expect(legends).toEqual([fr['access.reachLegend'], fr['access.catchmentLegend']]);
    const labels = await form.locator('label.picker').allInnerTexts();
    expect(labels.some((l) => l.startsWith(fr['access.care']))).toBe(true);
    expect(labels.some((l) => l.startsWith(fr['access.method']))).toBe(true);
    expect(await p.getByTestId('access-method').locator('option:checked').innerText()).toBe(fr['access.method.e2sfca_gauss']);
    expect(await p.getByTestId('access-lancet').innerText()).toBe(fr['access.lancetButton']);
    expect(await p.locator('[data-testid="access-method-note"] h2').innerText()).toBe(fr['access.note.title']);
    await p.waitForSelector('[data-testid="access-table"] tbody tr');
    const heads = await p.locator('[data-testid="access-table"] thead th').allInnerTexts();
    expect(heads.map((h) => h.replace(/[▲▼]/g, '').trim())).toContain(fr['access.colPriority']);
    // The district name is a select button: Enter selects it everywhere.
    const first = p.locator('[data-testid="access-table"] tbody tr').first();
    const id = await first.getAttribute('data-region');
    await first.locator('button.row-select').focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction((d) => new URL(location.href).searchParams.get('district') === d, id);
    expect(await first.locator('button.row-select').getAttribute('aria-pressed')).toBe('true');
    await close();

    const arabic = await fresh('?lang=ar&view=access');
    await arabic.p.waitForSelector('[data-testid="coverage-bars"] svg g[aria-label="y-axis tick label"] text');
    const side = await arabic.p.evaluate(() => {
      const svg = document.querySelector('[data-testid="coverage-bars"] svg[role="img"]')!.getBoundingClientRect();
      const tick = document.querySelector('[data-testid="coverage-bars"] svg g[aria-label="y-axis tick label"] text')!.getBoundingClientRect();
      return tick.left - svg.left > svg.width / 2 ? 'right' : 'left';
    });
    expect(side).toBe('right');
    expect(await arabic.p.locator('form.access-controls legend').first().innerText()).toBe(ar['access.reachLegend']);
    await arabic.close();
  });

  it('Data in Arabic: row count, pager and totals in Arabic with Arabic-Indic digits', async () => {
    const facilities = readDemoTable('facilities').length;
    const { p, close } = await fresh('?lang=ar&view=data');
    const n = intl(LOCALES.ar, facilities);
    const expectCount = ar['data.match'].replace('{n}', n) + ar['data.showing'].replace('{first}', intl(LOCALES.ar, 1)).replace('{last}', intl(LOCALES.ar, 100));
    await p.waitForFunction((c) => document.querySelector('[data-testid="data-row-count"]')?.textContent === c, expectCount);
    expect(await text(p, 'data-page')).toBe(ar['data.page'].replace('{page}', intl(LOCALES.ar, 1)).replace('{pages}', intl(LOCALES.ar, Math.ceil(facilities / 100))));
    expect(await p.getByTestId('next-page').innerText()).toBe(ar['data.next']);
    expect(await p.locator('[data-testid="data-totals"] td').first().innerText()).toBe(ar['data.total']);
    expect(await p.getByTestId('filter-col-name').getAttribute('placeholder')).toBe(ar['data.contains']);
    await close();
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
