import { describe, expect, it } from 'vitest';
import { readDemoTable } from './demoFacts';
import { download, itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';

type Facility = { facility_id: string; region_id: string; type: string; beds: number; name: string };
const facilities = readDemoTable<Facility>('facilities');
const regions = readDemoTable<{ region_id: string; parent_id: string }>('regions');

describe('Data view: filter, sort and page in SQL, export exactly the filtered rows', () => {
  const w = withDashboard('?view=data&table=facilities', { ready: ['[data-testid="data-table"] tbody tr'] });
  const count = () => w.page.getByTestId('data-row-count').innerText();

  it('shows the whole table with its row count and pages of 100', async () => {
    expect(await count()).toBe(`${facilities.length.toLocaleString('en')} rows match · showing 1–100`);
    await w.page.getByTestId('next-page').click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid="data-row-count"]')?.textContent?.includes('101–200'));
    expect(new URL(w.page.url()).searchParams.get('data.page')).toBe('1');
  });

  it('filters by column and province and sorts by beds: rows, order and totals equal an independent computation', async () => {
    await w.page.getByTestId('filter-province').selectOption('P3');
    await w.page.getByTestId('filter-col-type').fill('hosp');
    await w.page.getByTestId('filter-col-type').press('Enter');
    const inP3 = new Set(regions.filter((r) => r.parent_id === 'P3').map((r) => r.region_id));
    const expected = facilities.filter((f) => inP3.has(f.region_id) && f.type.includes('hosp'))
      .sort((a, b) => b.beds - a.beds || a.facility_id.localeCompare(b.facility_id));
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="data-row-count"]')?.textContent?.startsWith(`${n} rows match`), expected.length);
    // Click the header until it sorts descending (numeric columns may start either way).
    const bedsHeader = w.page.locator('th', { has: w.page.locator('button', { hasText: /^beds/ }) });
    for (let i = 0; i < 3 && (await bedsHeader.getAttribute('aria-sort')) !== 'descending'; i++) {
      const before = await bedsHeader.getAttribute('aria-sort');
      await bedsHeader.locator('button').click();
      await w.page.waitForFunction((b) => document.querySelector('th[aria-sort]:has(button[title="Inpatient beds"])')?.getAttribute('aria-sort') !== b, before);
    }
    await w.page.waitForFunction((id) => document.querySelector('[data-testid="data-table"] tbody tr:not([aria-hidden]) td')?.textContent === id, expected[0].facility_id);
    // The page is virtualised: only the rows in view (plus a margin) are in the DOM.
    const ids = await w.page.$$eval('[data-testid="data-table"] tbody tr:not([aria-hidden])', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(ids.length).toBeGreaterThanOrEqual(Math.min(20, expected.length));
    expect(ids).toEqual(expected.slice(0, ids.length).map((f) => f.facility_id));
    const totals = await w.page.getByTestId('data-totals').locator('td').allInnerTexts();
    expect(totals).toContain(expected.reduce((s, f) => s + f.beds, 0).toLocaleString('en'));
    const url = new URL(w.page.url());
    expect([url.searchParams.get('data.f_type'), url.searchParams.get('data.sort'), url.searchParams.get('province')]).toEqual(['hosp', '-beds', 'P3']);

    const csv = await download(w.page.getByTestId('export-facilities'), 'button[data-format="csv"]');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected.map((f) => f.facility_id));
  });

  it('says why a filter cannot be applied', async () => {
    await w.page.getByTestId('filter-col-beds').fill('lots');
    await w.page.getByTestId('filter-col-beds').press('Enter');
    await expect(w.page.getByRole('alert').filter({ hasText: 'beds: “lots” is not a number filter' }).count()).resolves.toBe(1);
  });

  itLoggedNoErrorAndStayedLocal(w);
});
