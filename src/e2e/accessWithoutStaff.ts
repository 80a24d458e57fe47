import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The Access view over a registry without staff or beds (absent is not zero): each facility counts 1, E2SFCA and the
 * priority ranking still run, no district is flagged short and no staff or bed cell reads 0.0. Returns the priority
 * panel's title for the caller's own count.
 */
export async function expectAccessWithoutStaff(page: Page): Promise<string> {
  const text = (id: string) => page.getByTestId(id).innerText();
  await expect(text('access-unheld')).resolves.toContain('Capacity used: Each facility counts 1');
  await page.waitForSelector('[data-testid="priority-bars"] svg', { timeout: 120_000 });
  expect(Number((await text('access-national')).replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(text('priority-summary')).resolves.toMatch(/\S/);
  expect(await page.locator('.access-short-tag').count()).toBe(0);
  await expect(text('shortage-summary')).resolves.toContain('no district is flagged short');
  const table = await text('access-table');
  expect(table).not.toMatch(/\bshort\b/);
  expect(table).toContain('not in this dataset');
  expect(table).not.toMatch(/\b0\.0\b/);
  return page.getByTestId('access-priority-panel').locator('h2, h3').first().innerText();
}
