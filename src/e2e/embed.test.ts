import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { districtFacts, fmt } from './demoFacts';
import { withBrowser, waitForData } from './browser';
import { serveFolder, servePage, type Served } from './staticServer';

const facts = districtFacts();
const inP3 = facts.filter((d) => d.province_id === 'P3');
const per10k = (n: number, pop: number) => (1e4 * n) / pop;
const ranking = (ds: typeof facts, k: 'workforce' | 'beds') =>
  [...ds].sort((a, b) => per10k(a[k], a.population) - per10k(b[k], b.population) || a.name.localeCompare(b.name)).map((d) => d.name);
const TICKS = '[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text';
const SUB_PATH = '/ngo/care-dashboard/';

const ticks = (p: Page | Frame) => p.$$eval(TICKS, (ts) => ts.map((t) => t.textContent));
const waitForTicks = (p: Page | Frame, expected: string[]) =>
  p.waitForFunction(([sel, want]) => [...document.querySelectorAll(sel)].map((t) => t.textContent).join('|') === want, [TICKS, expected.join('|')] as const, { timeout: 60_000 });
const kpis = (p: Page) => p.$$eval('[data-testid="kpis"] [data-testid^="kpi-"]', (ks) => Object.fromEntries(ks.map((k) => [k.getAttribute('data-testid'), (k as HTMLElement).innerText])));
const isParquet = (url: string) => new URL(url).pathname.endsWith('.parquet');

/** Everything a page asks for, and its console errors (iframes included). */
function watch(page: Page) {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { requests, consoleErrors };
}

async function firstChartMs(p: Page | Frame): Promise<number> {
  await p.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 60_000 });
  return p.evaluate(() => Math.round(performance.getEntriesByName('first-chart')[0].startTime));
}

describe('share a link and embed a panel, in Chromium', () => {
  const chromium = withBrowser();
  let dash: Served;
  const contexts: BrowserContext[] = [];
  const servers: Served[] = [];
  const context = async (options?: Parameters<Browser['newContext']>[0]) => {
    const c = await chromium.browser.newContext({ viewport: { width: 1300, height: 1000 }, ...options });
    contexts.push(c);
    return c;
  };
  beforeAll(async () => {
    // The build served by plain node:http under a sub-path, with no special headers: what any static host does.
    dash = await serveFolder(inject('distDir'), SUB_PATH);
    servers.push(dash);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    for (const s of servers) await s.close();
  });

  it('a copied link from a filtered view reproduces the same chart and figures; back and forward restore the filters', async () => {
    const ctx = await context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
    const page = await ctx.newPage();
    const w = watch(page);
    await page.goto(inject('baseUrl'));
    await waitForData(page);
    await waitForTicks(page, ranking(facts, 'workforce'));
    await page.getByTestId('filter-province').selectOption('P3');
    await waitForTicks(page, ranking(inP3, 'workforce'));
    await page.getByTestId('filter-measure').selectOption('beds');
    await waitForTicks(page, ranking(inP3, 'beds'));
    const before = { ticks: await ticks(page), kpis: await kpis(page) };
    expect(before.kpis['kpi-population']).toBe(fmt(inP3.reduce((a, d) => a + d.population, 0)));

    await page.getByTestId('copy-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]')?.textContent === 'Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(new URL(link).search).toBe('?measure=beds&province=P3');

    const opened = await ctx.newPage();
    await opened.goto(link);
    await waitForData(opened);
    await waitForTicks(opened, ranking(inP3, 'beds'));
    await opened.waitForFunction((pop) => document.querySelector('[data-testid="kpi-population"]')?.textContent === pop, before.kpis['kpi-population']);
    expect(await ticks(opened)).toEqual(before.ticks);
    expect(await kpis(opened)).toEqual(before.kpis);
    expect(await opened.getByTestId('filter-province').inputValue()).toBe('P3');
    await opened.close();

    await page.goBack();
    await waitForTicks(page, ranking(inP3, 'workforce'));
    expect(await page.getByTestId('filter-measure').inputValue()).toBe('workforce');
    expect(await page.getByTestId('filter-province').inputValue()).toBe('P3');
    await page.goBack();
    await waitForTicks(page, ranking(facts, 'workforce'));
    expect(await page.getByTestId('filter-province').inputValue()).toBe('');
    await page.goForward();
    await page.goForward();
    await waitForTicks(page, ranking(inP3, 'beds'));
    expect(await kpis(page)).toEqual(before.kpis);
    expect(w.consoleErrors).toEqual([]);
  });

  it('Copy link falls back to a selected text box when the clipboard is refused', async () => {
    const ctx = await context();
    await ctx.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    const page = await ctx.newPage();
    await page.goto(`${inject('baseUrl')}?view=equity&province=P2`);
    await page.getByTestId('copy-link').click();
    const box = page.getByTestId('copy-link-text');
    await expect(box.inputValue()).resolves.toBe(page.url());
    const selected = await box.evaluate((el: HTMLInputElement) => document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length);
    expect(selected).toBe(true);
    await expect(page.getByTestId('copy-link-status').innerText()).resolves.toMatch(/^(Link copied|Press Ctrl\+C)/);
  });

  it('invalid or unknown link parameters give a visible notice, never an error page', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const w = watch(page);
    await page.goto(`${inject('baseUrl')}?view=nowhere&measure=magic&province=%3Cscript%3E&Bad-Key=1`);
    const notice = await page.getByTestId('url-notice').innerText();
    expect(notice).toContain('Unknown view “nowhere” was ignored.');
    expect(notice).toContain('Unknown measure “magic” was ignored.');
    expect(notice).toContain('The province “<script>” is not a valid region code and was ignored.');
    expect(notice).toContain('The link parameter “Bad-Key” was ignored.');
    await waitForTicks(page, ranking(facts, 'workforce'));

    await page.goto(`${dash.url}?embed=no-such-panel`);
    await expect(page.getByTestId('url-notice').innerText()).resolves.toBe('There is no embeddable panel “no-such-panel”.');
    await expect(page.getByRole('link', { name: 'Open the full dashboard' }).getAttribute('href')).resolves.toBe('./');

    await page.goto(`${dash.url}?embed=overview-bars&measure=magic&theme=neon&lang=xx&province=P3`);
    const embedNotice = await page.getByTestId('url-notice').innerText();
    expect(embedNotice).toContain('Unknown measure “magic” was ignored.');
    expect(embedNotice).toContain('Unknown theme “neon” was ignored.');
    expect(embedNotice).toContain('Unknown language “xx” was ignored.');
    await waitForTicks(page, ranking(inP3, 'workforce'));
    expect(w.consoleErrors).toEqual([]);
  });

  it('a parent page on another origin embeds a panel with the snippet, receives its height and resizes the iframe; the embed loads fewer tables', async () => {
    // The full dashboard, hosted under a sub-path: filter, then take the snippet from the Embed control.
    const ctx = await context();
    const full = await ctx.newPage();
    const fw = watch(full);
    await full.goto(`${dash.url}?province=P3&measure=beds`);
    await waitForData(full);
    await waitForTicks(full, ranking(inP3, 'beds'));
    await full.locator('[data-testid="embed-overview-bars"] summary').click();
    await full.getByTestId('embed-theme').selectOption('dark');
    const snippet = await full.getByTestId('embed-snippet').inputValue();
    expect(snippet).toContain(`<iframe src="${dash.url}?embed=overview-bars&amp;view=overview&amp;province=P3&amp;measure=beds&amp;theme=dark"`);
    expect(fw.consoleErrors).toEqual([]);
    expect(fw.requests.filter((u) => !u.startsWith(dash.url) && !/^(data|blob):/.test(u))).toEqual([]);

    const parent = await servePage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An NGO page</title></head>
<body style="max-width:760px;margin:20px auto;font-family:serif"><h1>Our province</h1>
<script>window.heights = []; addEventListener('message', function (e) { if (e.data && e.data.type === 'care-dashboard:height') heights.push(e.data); });</script>
${snippet}
<p>After the chart.</p></body></html>`);
    servers.push(parent);
    expect(new URL(parent.url).origin).not.toBe(new URL(dash.url).origin);

    const page = await (await context()).newPage();
    const pw = watch(page);
    await page.goto(parent.url);
    const iframe = page.locator('iframe[data-care-embed]');
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await waitForTicks(frame, ranking(inP3, 'beds'));
    // The iframe follows the embedded page's height (sent on load and on every resize).
    const fits = async () => {
      const state = async () => ({
        content: await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
        iframe: await iframe.evaluate((f: HTMLIFrameElement) => f.style.height),
        told: await page.evaluate(() => (window as unknown as { heights: { height: number }[] }).heights.at(-1)?.height),
      });
      await expect.poll(async () => {
        const x = await state();
        return x.iframe === `${x.content}px` && x.told === x.content;
      }, { timeout: 10_000 }).toBe(true);
      return (await state()).content;
    };
    const wide = await fits();
    expect(wide).toBeGreaterThan(300);
    const heights = await page.evaluate(() => (window as unknown as { heights: { id: string; height: number }[] }).heights);
    expect(heights.every((m) => m.id === 'overview-bars')).toBe(true);
    expect(await frame.evaluate(() => [document.documentElement.scrollHeight <= innerHeight, document.documentElement.scrollWidth <= innerWidth])).toEqual([true, true]);
    await page.setViewportSize({ width: 420, height: 1000 });
    const narrow = await fits();
    expect(narrow).not.toBe(wide);

    // Only that panel, its source, the synthetic label and the way back to the full dashboard.
    expect(await frame.locator('.panel').count()).toBe(1);
    expect(await ticks(frame)).toEqual(await ticks(full));
    await expect(frame.locator('figcaption').innerText()).resolves.toContain('synthetic demonstration data');
    await expect(frame.getByTestId('embed-synthetic').isVisible()).resolves.toBe(true);
    const back = frame.getByTestId('embed-full-link');
    expect(await back.getAttribute('target')).toBe('_blank');
    expect(await back.getAttribute('rel')).toBe('noopener');
    expect(new URL((await back.getAttribute('href'))!, frame.url()).href).toBe(`${dash.url}?measure=beds&province=P3`);
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // No request leaves the two origins: the parent's for its own document only, the dashboard's for the rest.
    expect(pw.requests.filter((u) => u !== parent.url && !u.startsWith(dash.url) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(pw.consoleErrors).toEqual([]);
    const embedParquet = pw.requests.filter(isParquet);
    const fullParquet = fw.requests.filter(isParquet);
    console.log(`Parquet files requested: embed ${embedParquet.length}, full dashboard ${fullParquet.length}`);
    expect(embedParquet.length).toBeLessThan(fullParquet.length);
    expect(embedParquet.some((u) => /coverage|population|socioeconomic|partnerships/.test(u))).toBe(false);
  });

  it('reports time to first chart: embedded panels vs the full dashboard (one cold run each)', async () => {
    // `first-chart` is PlotFigure's mark for the page's first chart; `target` is when this panel's chart appeared.
    const time = async (url: string, chart: string) => {
      const ctx = await context();
      await ctx.addInitScript((sel) => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector(sel)) return;
          (window as unknown as { target: number }).target = performance.now();
          observer.disconnect();
        }).observe(document, { subtree: true, childList: true });
      }, `[data-testid="${chart}"] svg`);
      const page = await ctx.newPage();
      await page.goto(url);
      const first = await firstChartMs(page);
      await page.waitForFunction(() => (window as unknown as { target?: number }).target !== undefined, undefined, { timeout: 60_000 });
      const target = await page.evaluate(() => Math.round((window as unknown as { target: number }).target));
      const panels = await page.locator('section.panel').count();
      await ctx.close();
      return { first, target, panels };
    };
    const t = {
      'full overview': await time(`${dash.url}?province=P3&measure=beds`, 'ranked-bars'),
      'embedded ranking': await time(`${dash.url}?embed=overview-bars&province=P3&measure=beds`, 'ranked-bars'),
      'full equity': await time(`${dash.url}?view=equity`, 'equiplot'),
      'embedded equiplot': await time(`${dash.url}?embed=equity-equiplot&view=equity`, 'equiplot'),
    };
    console.log(Object.entries(t).map(([k, v]) => `${k}: first chart ${v.first} ms, this chart ${v.target} ms`).join('\n'));
    // Both marks were taken, and an embedded page drew its one panel where the full page drew several.
    for (const v of Object.values(t)) expect([v.first, v.target].every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
    expect([t['embedded ranking'].panels, t['embedded equiplot'].panels]).toEqual([1, 1]);
    expect(t['full overview'].panels).toBeGreaterThan(1);
    expect(t['full equity'].panels).toBeGreaterThan(1);
  });
});
