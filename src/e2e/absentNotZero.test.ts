import { beforeAll, describe, expect, it } from 'vitest';
import { chooseFiles, itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';
import { expectAccessWithoutStaff } from './accessWithoutStaff';
import { readDemoTable } from './demoFacts';
import { STAFF_COLUMNS, stafflessFiles } from './stafflessFixture';

// Absent is not zero: the demo's facilities without beds, staff and services (a demo-derived fixture),
// loaded with Replace through "Load your data", as a user would load a registry of coordinates, type and ownership.
describe('a registry without beds, staff or services (Chromium)', () => {
  const w = withDashboard('', { ready: ['[data-testid="kpi-facilities"]'] });
  const text = (id: string) => w.page.getByTestId(id).innerText();
  const go = async (view: string) => {
    await w.page.getByTestId(`tab-${view}`).click();
    await w.page.waitForFunction((v) => new URL(location.href).searchParams.get('view') === v || (v === 'overview' && !new URL(location.href).searchParams.get('view')), view);
  };

  beforeAll(async () => {
    await chooseFiles(w.page, stafflessFiles(), 'replace');
    await w.page.waitForSelector('[data-testid="load-report"]');
    await w.page.waitForFunction(() => document.querySelector('[data-testid="dataset-name"]')?.textContent?.startsWith('Your data'), undefined, { timeout: 60_000 });
    // Partnerships and coverage are not in this dataset ('absent'); every other table loaded.
    await w.page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-testid="load-progress"] li[data-table]')];
      return items.length > 0 && items.every((li) => ['ready', 'absent'].includes(li.getAttribute('data-state') ?? ''));
    }, undefined, { timeout: 60_000 });
  });

  it('the fixture really lacks the columns', () => {
    const f = stafflessFiles().find((x) => x.name === 'facilities.parquet')!;
    expect(f.buffer.byteLength).toBeGreaterThan(1000);
    expect(STAFF_COLUMNS).toContain('midwives');
  });

  it('Overview: the beds and health-worker cards say "not in this dataset" with the reason; no 0.0, no WHO gap', async () => {
    const facilities = readDemoTable<{ facility_id: string }>('facilities').length;
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === n.toLocaleString('en'), facilities);
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-workforce"]')?.textContent === 'Not in this dataset');
    expect(await text('kpi-beds')).toBe('Not in this dataset');
    expect(await text('kpi-beds-note')).toBe('no facility in this dataset reports beds');
    expect(await text('kpi-workforce-note')).toContain('no facility in this dataset reports staff');
    expect(await text('kpi-workforce-note')).not.toContain('short');
    expect(await w.page.locator('.kpi-alert').count()).toBe(0);
    // The measure falls back to facilities per 10,000, and says why; the picker offers only that.
    await expect(text('measure-unheld')).resolves.toContain('Health workers per 10,000 people (doctors + nurses + midwives): not in this dataset');
    expect(await w.page.getByTestId('filter-measure').locator('option').allTextContents()).toEqual(['Health facilities per 10,000 people']);
    await expect(text('worst-summary')).resolves.toMatch(/facilities/i);
    // The district table: staff and beds columns read "not in this dataset", never a number.
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="district-table"] tbody tr').length === 48);
    const cells = await w.page.$$eval('[data-testid="district-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(5).map((td) => td.textContent)));
    expect(new Set(cells.flat())).toEqual(new Set(['not in this dataset']));
    // No service filter over a registry without services.
    expect(await w.page.getByTestId('filter-service').count()).toBe(0);
    const page = await w.page.locator('main').innerText();
    expect(page).not.toMatch(/Health workers[^\n]*\b0\.0\b/);
    expect(page).not.toMatch(/\b0 beds\b/);
  });

  it('Access: no shortage flag, capacities offered are "each facility counts 1" and "by type", E2SFCA and the priority ranking work', async () => {
    await go('access');
    await w.page.waitForSelector('[data-testid="access-table"] tbody tr', { timeout: 90_000 });
    const caps = await w.page.getByTestId('access-capacity').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(caps).toEqual(['facilities', 'typed']);
    expect(await w.page.getByTestId('access-capacity').inputValue()).toBe('facilities');
    expect(await w.page.getByTestId('access-service').locator('option').count()).toBe(1);
    expect(await expectAccessWithoutStaff(w.page)).toMatch(/top 15 priority districts/);
  });

  it('Partnerships: the gap map is drawn without a partnerships table, and says so', async () => {
    await go('partnerships');
    await w.page.waitForSelector('[data-testid="partner-map"] svg', { timeout: 60_000 });
    await expect(text('partner-headline')).resolves.toContain('no partnerships table');
  });

  itLoggedNoErrorAndStayedLocal(w);
});
