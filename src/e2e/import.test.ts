import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDashboard, waitForView } from './browser';
import { fixtureFile as file, sierraLeoneInputs } from './sierraLeone';

describe('a person imports the real Sierra Leone files in the page', () => {
  const w = withDashboard('', { ready: ['[data-testid="kpi-facilities"]'] });

  it('shows what import did and what it could not map, then maps everything with the saved mapping and loads it', async () => {
    const panel = w.page.getByTestId('import-panel');
    await panel.locator('summary').click();
    const inputs = sierraLeoneInputs();
    const t0 = Date.now();
    await w.page.getByTestId('import-input').setInputFiles(inputs);
    await w.page.waitForSelector('[data-testid="import-result"]', { timeout: 60_000 });
    const first = await w.page.getByTestId('import-result').innerText();
    expect(first).toMatch(/parent by parent code column \(admin1Pc_1\)/);
    await expect(w.page.getByTestId('import-unmapped').innerText()).resolves.toMatch(/districts with no census row.*Bo \(SLE0301\)/s);
    await expect(w.page.getByTestId('import-facilityType').innerText()).resolves.toMatch(/Maternal and child Health Post\s+588/);

    await w.page.getByTestId('import-mapping').setInputFiles([file('mapping.json')]);
    await w.page.getByRole('button', { name: 'Import again with these choices' }).click();
    await w.page.waitForSelector('[data-testid="import-all-mapped"]', { timeout: 60_000 });
    await w.page.getByTestId('import-load').click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === '1,074', undefined, { timeout: 60_000 });
    console.log(`import in the page: files chosen to facilities KPI drawn (with one re-import) in ${Date.now() - t0} ms`);
    await expect(w.page.getByTestId('dataset-name').innerText()).resolves.toMatch(/regions\.parquet/);
    // Every view with the imported country: maps draw the 14 districts; a panel fails only for want of a table import does not make.
    const failures: string[] = [];
    for (const view of ['overview', 'access', 'need', 'plan', 'equity', 'partnerships', 'trends', 'data']) {
      await w.page.getByTestId(`tab-${view}`).click();
      if (view === 'overview' || view === 'access') {
        await w.page.waitForFunction(() => [...document.querySelectorAll('main svg g[aria-label="geo"]')].some((g) => g.querySelectorAll('path').length >= 14), undefined, { timeout: 60_000 });
      }
      await waitForView(w.page, view);
      failures.push(...(await w.page.locator('.panel-error').allInnerTexts()).map((x) => `${view}: ${x}`));
    }
    // Import makes regions, facilities and population; coverage, socio-economic and partnership panels say they need those tables.
    expect(failures.filter((f) => !/has no (coverage|socioeconomic|partnerships) table|partnerships table is missing/.test(f))).toEqual([]);
    expect(failures.length).toBeGreaterThan(0);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  }, 180_000);

  it('maps coverage and socio-economic tables by district, with a direction chosen in the page, and the views use them', async () => {
    const shaped = ['sle_dhs_subnational_illustrative.csv', 'sle_socioeconomic_adm2_illustrative.csv'].map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join('src/import/fixtures/shaped/sierra-leone', name)) }));
    const latrines = { name: 'latrines.csv', mimeType: 'text/csv', buffer: Buffer.from('ADM2_PCODE,Year,Households with a latrine\nSLE0101,2018,41.5\nSLE0102,2018,52\n') };
    const panel = w.page.getByTestId('import-panel');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
    await w.page.getByTestId('import-mapping').setInputFiles([file('mapping.json')]);
    await w.page.getByTestId('import-input').setInputFiles([...sierraLeoneInputs(), ...shaped, latrines]);
    await w.page.waitForFunction(() => /latrines\.csv: socioeconomic by area/.test(document.querySelector('[data-testid="import-result"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await expect(w.page.getByTestId('import-unmapped').innerText()).resolves.toMatch(/indicators without an id or a direction.*Households with a latrine x2/);
    await expect(w.page.getByTestId('import-indicators').innerText()).resolves.toMatch(/Assistance during delivery from a skilled provider \(RH_DELA_C_SKP\)\s+coverage\s+19/);
    await w.page.getByLabel('A higher value is: Households with a latrine').selectOption('better');
    await w.page.getByRole('button', { name: 'Import again with these choices' }).click();
    await w.page.waitForSelector('[data-testid="import-all-mapped"]', { timeout: 60_000 });
    await w.page.getByTestId('import-load').click();
    await w.page.waitForFunction(() => /coverage\.parquet/.test(document.querySelector('[data-testid="dataset-name"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const failures: string[] = [];
    for (const view of ['access', 'need', 'equity', 'trends']) {
      await w.page.getByTestId(`tab-${view}`).click();
      await waitForView(w.page, view);
      failures.push(...(await w.page.locator('.panel-error').allInnerTexts()).map((x) => `${view}: ${x}`));
    }
    expect(failures.filter((f) => /coverage|socioeconomic|indicator_catalog/.test(f))).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  }, 180_000);

  it('reads an Excel facility list in the worker (exceljs loaded on demand)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Facilities');
    ws.addRow(['Facility name', 'Facility type', 'Ownership', 'Latitude', 'Longitude']);
    ws.addRow(['Connaught Hospital', 'Hospital', 'Government', 8.4881, -13.2343]);
    ws.addRow(['Kenema Government Hospital', 'Hospital', 'Government', 7.8768, -11.1899]);
    const xlsx = { name: 'facilities.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    const panel = w.page.getByTestId('import-panel');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
    await w.page.getByTestId('import-input').setInputFiles([xlsx, file('sle_admbnda_adm2_1m_gov_ocha.zip')]);
    await w.page.waitForFunction(() => /facilities\.xlsx: facilities; columns Latitude \/ Longitude/.test(document.querySelector('[data-testid="import-result"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await expect(w.page.getByTestId('import-facilityType').innerText()).resolves.toMatch(/Hospital\s+2/);
    expect(w.consoleErrors).toEqual([]);
  }, 120_000);
});
