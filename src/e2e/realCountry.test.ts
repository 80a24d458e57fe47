import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { geoContains } from 'd3-geo';
import { unzipSync } from 'fflate';
import { getShapefile } from 'shpjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { itLoggedNoErrorAndStayedLocal, withDashboard, waitForData, waitForView } from './browser';
import { expectAccessWithoutStaff } from './accessWithoutStaff';
import { importSierraLeone, SIERRA_LEONE } from './sierraLeone';

// Absent is not zero and plausibility, on the real Sierra Leone files imported in the page (not on the demo): the CDC facility
// list has coordinates, type and ownership, and no staff, beds or services.

// 1 degree in km on a sphere of radius 6371 km.
const KM_PER_DEGREE = (6371 * Math.PI) / 180;
/** Distance in km from a point to a segment, on a local equirectangular plane around the point (fine at these few km). */
function segmentKm([x, y]: number[], [x1, y1]: number[], [x2, y2]: number[]): number {
  const k = Math.cos((y * Math.PI) / 180);
  const ax = (x1 - x) * k, ay = y1 - y, bx = (x2 - x) * k, by = y2 - y;
  const dx = bx - ax, dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy) * KM_PER_DEGREE;
}

/**
 * The expected counts, computed here from the files themselves with d3-geo: CDC points inside no OCHA district
 * (in the sea), and how far each lies from the nearest district's outline.
 */
async function seaPoints() {
  const zip = unzipSync(readFileSync(path.join(SIERRA_LEONE, 'sle_admbnda_adm2_1m_gov_ocha.zip')));
  const part = (ext: string) => Object.entries(zip).find(([k]) => k.endsWith(ext))![1];
  const districts = (await getShapefile({ shp: part('.shp'), dbf: part('.dbf') })).features as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>[];
  const cdc = JSON.parse(readFileSync(path.join(SIERRA_LEONE, 'sle_health_facilities_cdc.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point>;
  const sea = cdc.features.filter((f) => !districts.some((d) => geoContains(d, f.geometry.coordinates as [number, number])));
  const km = sea.map((f) => {
    let best = Infinity;
    for (const d of districts) {
      const polys = d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates;
      for (const ring of polys.flat()) for (let i = 0; i + 1 < ring.length; i++) best = Math.min(best, segmentKm(f.geometry.coordinates, ring[i], ring[i + 1]));
    }
    return best;
  });
  // Points inside another district than the list's District column states (its "Western Rural" is the COD's
  // "Western Area Rural", the alias in mapping.json), more than 3 km from the stated one's outline.
  const named = (n: string) => districts.find((d) => d.properties!.admin2Name === (n === 'Western Rural' ? 'Western Area Rural' : n))!;
  const wrongDistrict = cdc.features.filter((f) => {
    const inside = districts.find((d) => geoContains(d, f.geometry.coordinates as [number, number]));
    const stated = named(f.properties!.District);
    if (!inside || inside === stated) return false;
    const polys = stated.geometry.type === 'Polygon' ? [stated.geometry.coordinates] : stated.geometry.coordinates;
    return Math.min(...polys.flat().flatMap((ring) => ring.slice(1).map((p, i) => segmentKm(f.geometry.coordinates, ring[i], p)))) > 3;
  }).length;
  return { districts, all: cdc.features.length, sea: sea.length, km, wrongDistrict };
}

describe('the real Sierra Leone registry, imported in the page, tells the truth about itself (Chromium)', () => {
  const w = withDashboard('', { ready: ['[data-testid="kpi-facilities"]'] });
  let expected: Awaited<ReturnType<typeof seaPoints>>;
  let importNotes = '';
  // The saved mapping places a point outside every district in the nearest one within 10 km and leaves out those
  // farther; the page's check flags points more than 3 km outside (BOUNDARY_TOLERANCE_KM).
  let leftOutAtImport = 0;
  let flaggedOnPage = 0;
  const text = (id: string) => w.page.getByTestId(id).innerText();
  const go = async (view: string) => {
    await w.page.getByTestId(`tab-${view}`).click();
    await waitForView(w.page, view);
  };

  beforeAll(async () => {
    expected = await seaPoints();
    leftOutAtImport = expected.km.filter((k) => k > 10).length;
    flaggedOnPage = expected.km.filter((k) => k > 3 && k <= 10).length;
    importNotes = await importSierraLeone(w.page, (expected.all - leftOutAtImport).toLocaleString('en'));
  }, 240_000);

  it('the independent count: 35 CDC points lie in no district, none so near a threshold (3 or 10 km) that rounding could move it', () => {
    expect(expected.districts).toHaveLength(14);
    expect(expected.all).toBe(1097);
    expect(expected.sea).toBe(35);
    expect(expected.km.every((k) => Math.abs(k - 3) > 0.1 && Math.abs(k - 10) > 0.1)).toBe(true);
    expect(leftOutAtImport).toBeGreaterThan(0);
    expect(flaggedOnPage).toBeGreaterThan(0);
    expect(importNotes).toContain(`${leftOutAtImport} facilities farther than 10 km from every district left out, as the mapping says`);
  });

  it('Overview: no 0.0 health workers or beds; the cards say "not in this dataset"; no shortage flag', async () => {
    await go('overview');
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-workforce"]')?.textContent === 'Not in this dataset', undefined, { timeout: 60_000 });
    expect(await text('kpi-beds')).toBe('Not in this dataset');
    expect(await text('kpi-beds-note')).toBe('no facility in this dataset reports beds');
    expect(await text('kpi-workforce-note')).toContain('no facility in this dataset reports staff');
    expect(await text('kpi-workforce-note')).not.toContain('short');
    expect(await w.page.locator('.kpi-alert').count()).toBe(0);
    expect(await w.page.getByTestId('filter-measure').locator('option').allTextContents()).toEqual(['Health facilities per 10,000 people']);
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="district-table"] tbody tr').length === 14, undefined, { timeout: 60_000 });
    const cells = await w.page.$$eval('[data-testid="district-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(5).map((td) => td.textContent)));
    expect(new Set(cells.flat())).toEqual(new Set(['not in this dataset']));
    const page = await w.page.locator('main').innerText();
    expect(page).not.toMatch(/(Health workers|beds)[^\n]*\b0\.0\b/i);
    expect(page).not.toMatch(/\b0 beds\b/);
    expect(page).not.toMatch(/\bshort\b/);
    await w.page.screenshot({ path: path.join(tmpdir(), 'real-sierra-leone-overview.png'), fullPage: true });
  });

  it('Access: "each facility counts 1" gives E2SFCA and a non-empty priority ranking, with no shortage flag and no 0.0 staff or beds', async () => {
    await go('access');
    await w.page.waitForFunction(() => document.querySelector('[data-testid="access-table"] tbody tr') || document.querySelector('main .panel-error'), undefined, { timeout: 240_000 })
      .finally(() => w.page.screenshot({ path: path.join(tmpdir(), 'real-sierra-leone-access.png'), fullPage: true }));
    expect(await w.page.locator('main .panel-error').allInnerTexts()).toEqual([]);
    const caps = await w.page.getByTestId('access-capacity').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(caps).toContain('facilities');
    expect(caps).not.toEqual(expect.arrayContaining(['workforce']));
    expect(await w.page.getByTestId('access-capacity').inputValue()).toBe('facilities');
    // 14 districts, none with a poverty figure: ranked on low accessibility alone, and said so.
    expect(await expectAccessWithoutStaff(w.page)).toMatch(/top 14 priority districts/);
    await expect(w.page.getByTestId('access-priority-panel').innerText()).resolves.toContain('poverty is not in this dataset');
    expect(await w.page.getByTestId('priority-bars').locator('svg [aria-label="bar"] rect').count()).toBeGreaterThan(0);
    const page = await w.page.locator('main').innerText();
    expect(page).not.toMatch(/(Health workers|beds)[^\n]*\b0\.0\b/i);
  }, 400_000);

  it('the points in the sea, and those in another district than the list states, are flagged with counts on the page and listed in the Data view', async () => {
    await expect(w.page.getByTestId('checks-notice').innerText({ timeout: 60_000 })).resolves.toMatch(/\d+ plausibility warnings?/);
    await go('data');
    const count = (check: string) => w.page.locator(`[data-testid="data-checks"] li[data-check="${check}"]`).getAttribute('data-count', { timeout: 60_000 });
    expect(Number(await count('outside_boundaries'))).toBe(flaggedOnPage);
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid="flagged-facilities"] tbody tr').length >= n, flaggedOnPage, { timeout: 60_000 });
    const rows = await w.page.getByTestId('flagged-facilities').locator('tbody tr').allInnerTexts();
    expect(rows.filter((r) => /outside every boundary|outside_boundaries/i.test(r)).length).toBe(flaggedOnPage);
    // Import keeps the list's District as the stated district (region_id is where the point lies): 59 disagree by more than 3 km.
    expect(expected.wrongDistrict).toBe(59);
    expect(Number(await count('outside_district'))).toBe(expected.wrongDistrict);
  });

  it('the Plan leaves the flagged facilities out of its placement, says how many, and places no site in the sea', async () => {
    await go('plan');
    const flagged = w.page.getByTestId('plan-flagged');
    const n = Number(await flagged.getAttribute('data-count', { timeout: 60_000 }));
    // Left out: the sea's points and those lying in another district than the list states.
    expect(n).toBe(flaggedOnPage + expected.wrongDistrict);
    await expect(flagged.innerText()).resolves.toContain(`${n} facilities with an implausible location`);
    expect(await flagged.getAttribute('data-included')).toBe('false');
    await w.page.getByTestId('placement-run').click();
    await w.page.waitForSelector('[data-testid="placement-status"][data-state="done"]', { state: 'attached', timeout: 180_000 });
    const sites = await w.page.$$eval('[data-testid="placement-sites"] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent!.split(',').map(Number)));
    expect(sites.length).toBeGreaterThan(0);
    for (const [lat, lon] of sites) expect(expected.districts.some((d) => geoContains(d, [lon, lat]))).toBe(true);
  }, 240_000);

  it('is never labelled synthetic: no badge, no synthetic source line', async () => {
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(0);
    for (const view of ['overview', 'access', 'data']) {
      await go(view);
      expect(await w.page.locator('main').innerText()).not.toMatch(/synthetic demonstration|not a real country|Synthetic tables/i);
    }
    await expect(text('dataset-name')).resolves.not.toMatch(/synthetic|Demo Republic/i);
  });

  it('a reload keeps the imported data; "Forget this data" clears it and the demo opens next time', async () => {
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="saved"]', { timeout: 60_000 });
    const name = await text('dataset-name');
    await go('overview');
    const facilities = await text('kpi-facilities');
    await w.page.reload({ waitUntil: 'load' });
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="restored"]', { timeout: 60_000 });
    await expect(text('dataset-name')).resolves.toBe(name);
    await w.page.getByTestId('tab-overview').click();
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === n, facilities, { timeout: 60_000 });
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(0);
    expect(await text('kpi-beds')).toBe('Not in this dataset');
    await w.page.getByTestId('forget-data').click();
    await w.page.waitForSelector('[data-testid="saved-status"][data-state="forgotten"]');
    await w.page.reload({ waitUntil: 'load' });
    await waitForData(w.page);
    await expect(text('dataset-name')).resolves.toBe('Demo Republic (synthetic)');
    expect(await w.page.getByTestId('badge-synthetic').count()).toBe(1);
  }, 120_000);

  itLoggedNoErrorAndStayedLocal(w);
});
