import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The real Sierra Leone files (see the fixtures' README), as the import input takes them. */
export const SIERRA_LEONE = 'src/import/fixtures/real/sierra-leone';

export const fixtureFile = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(SIERRA_LEONE, name)) });

/** Every data file of the fixture (not the saved mapping, not the README). */
export const sierraLeoneInputs = () => readdirSync(SIERRA_LEONE).filter((f) => f !== 'mapping.json' && f !== 'README.md').map(fixtureFile);

/**
 * Import the real files in the page as a person does: open "Import", choose the files, give the saved mapping,
 * import again with it and load the result. Resolves with the import panel's text (its notes) once the
 * facilities KPI shows `facilities`.
 */
export async function importSierraLeone(page: Page, facilities: string): Promise<string> {
  const panel = page.getByTestId('import-panel');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await page.getByTestId('import-input').setInputFiles(sierraLeoneInputs());
  await page.waitForSelector('[data-testid="import-result"]', { timeout: 60_000 });
  await page.getByTestId('import-mapping').setInputFiles([fixtureFile('mapping.json')]);
  await page.getByRole('button', { name: 'Import again with these choices' }).click();
  await page.waitForSelector('[data-testid="import-all-mapped"]', { timeout: 60_000 });
  const notes = await page.getByTestId('import-result').innerText();
  await page.getByTestId('import-load').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === n, facilities, { timeout: 60_000 });
  return notes;
}
