import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseFiles, itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';
import { ODD_FILES as FILES } from './oddFixture';

// Small and odd data draw well: the tiny country of oddFixture.ts, loaded with Replace.

/** The text of a chart's axis tick labels. */
const ticks = (page: Page, testId: string, axis: 'x' | 'y') =>
  page.$$eval(`[data-testid="${testId}"] svg g[aria-label="${axis}-axis tick label"] text`, (ts) => ts.map((t) => t.textContent ?? ''));

describe('a tiny country with one year of data (Chromium)', () => {
  const w = withDashboard();
  const go = async (view: string) => w.page.getByTestId(`tab-${view}`).click();

  beforeAll(async () => {
    await chooseFiles(w.page, FILES, 'replace');
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-population"]')?.textContent === '20,000', undefined, { timeout: 60_000 });
  });

  it('Need vs access: all districts at the same values draw on open axes, each tick label once (no "00000")', async () => {
    await go('need');
    await w.page.waitForSelector('[data-testid="need-scatter"] svg', { timeout: 60_000 });
    for (const axis of ['x', 'y'] as const) {
      const labels = await ticks(w.page, 'need-scatter', axis);
      expect(labels.length).toBeGreaterThan(1);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('Trends with one year: the year is a tick of its own, the value inside the scale; the source names the dimension', async () => {
    await go('trends');
    await w.page.waitForSelector('[data-testid="trend-chart"] svg', { timeout: 60_000 });
    expect(await ticks(w.page, 'trend-chart', 'x')).toEqual(['2024']);
    const y = await ticks(w.page, 'trend-chart', 'y');
    expect(y.length).toBeGreaterThan(1);
    expect(y).not.toContain('98.5');
    const caption = await w.page.locator('[data-testid="trend-chart"] figcaption').innerText();
    expect(caption).toContain('subnational region');
    expect(caption).not.toContain('wealth');
  });

  it('Equity: standard errors of 0 read "no uncertainty given"; the whisker past 100% stops at the axis with a mark', async () => {
    await go('equity');
    await w.page.waitForSelector('[data-testid="measures-table"] tr[data-measure="D"]', { timeout: 60_000 });
    const d = await w.page.locator('[data-testid="measures-table"] tr[data-measure="D"] td').allInnerTexts();
    expect(d[0]).toBe('3.0');
    expect(d[1]).toBe('no uncertainty given');
    await w.page.waitForSelector('[data-testid="subgroup-bars"] svg');
    const table = (await w.page.getByTestId('subgroups-table').textContent()) ?? '';
    expect(table).toContain('no uncertainty given');
    expect(table).toContain('91.0 to 104.0');
    // The x scale ends at 100; the whisker's right end is at most there, and a triangle marks the cut.
    const cut = await w.page.$$eval('[data-testid="subgroup-bars"] svg g[aria-label="dot"] path', (ps) => ps.length);
    expect(cut).toBe(1);
    const x = await ticks(w.page, 'subgroup-bars', 'x');
    expect(x[x.length - 1]).toBe('100');
  });

  it('Partnerships without a partnerships table: says so, and still lists the districts (no boundaries here, so no map)', async () => {
    await go('partnerships');
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-table"] tbody tr').length === 2, undefined, { timeout: 60_000 });
    await expect(w.page.getByTestId('partner-headline').innerText()).resolves.toContain('no partnerships table');
  });

  itLoggedNoErrorAndStayedLocal(w);
});
