/**
 * `npm run bench -- --only import-page`: a person's files imported in the page, timed as they live it. The page
 * starts on the demo; the saved mapping is given, then the real Sierra Leone files with a 1.15 M-cell population
 * raster (importPageInput.ts); "Load" is pressed when import says everything is mapped; then every view is opened
 * in turn until it has drawn. Reported: files chosen to import done, to the facilities KPI drawn, to every view
 * drawn; the main thread's long tasks in that span (a long task is the page not answering a click); the renderer's
 * peak resident memory (page and workers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browserRun';
import { prepareImportPageInput } from './importPageInput';
import { fmt, markdownTable } from './markdown';
import { rendererMemory } from './processMemory';

export const VIEWS = ['overview', 'access', 'need', 'plan', 'equity', 'partnerships', 'trends', 'data'] as const;
/** The targets: files to every view drawn, and no task that holds the main thread longer. */
export const IMPORT_PAGE_TARGET = { totalMs: 15_000, longTaskMs: 200 };

export interface ImportPageResult {
  rasterCells: number; rasterTotal: number; files: number;
  importMs: number; loadedMs: number;
  /** Time each view took to draw once its tab was clicked (a view's first visit after the load). */
  viewMs: Record<string, number>;
  totalMs: number;
  longestTaskMs: number; tasksOver200: number; tasksOver50: number;
  /** The longest task in each step (import, load, each view), where any. */
  longestTaskByStep: Record<string, number>;
  /** What the loaded population table holds: points and people (the raster's people, on the mapping's 1 km grid). */
  populationPoints: number; populationTotal: number;
  rendererPeakBytes: number;
}

declare global {
  interface Window { __longTasks?: { start: number; duration: number }[] }
}

/** In the page before any script: keep every long task (>50 ms on the main thread). */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export async function benchImportPage(baseUrl: string, root: string, log: (s: string) => void): Promise<ImportPageResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'care-import-page-'));
  const { browser, id } = await launch();
  try {
    const input = await prepareImportPageInput(root, dir);
    log(`  import-page: ${input.files.length} files, raster ${fmt(input.rasterCells)} cells (${fmt(input.rasterTotal)} people)`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
    await context.addInitScript(observeLongTasks);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl);
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-testid="load-progress"] li[data-table]')];
      return items.length > 0 && items.every((li) => li.getAttribute('data-state') === 'ready') && document.querySelector('[data-testid="kpi-facilities"]');
    }, undefined, { timeout: 120_000, polling: 100 });
    await page.getByTestId('import-panel').locator('summary').click();
    await page.getByTestId('import-mapping').setInputFiles(input.mappingFile);
    const now = () => page.evaluate(() => performance.now());

    const t0 = await now();
    await page.getByTestId('import-input').setInputFiles(input.files);
    await page.waitForSelector('[data-testid="import-all-mapped"], [data-testid="import-unmapped"]', { timeout: 600_000 });
    if (!(await page.getByTestId('import-all-mapped').count())) {
      throw new Error(`import left something unmapped: ${await page.getByTestId('import-unmapped').innerText()}`);
    }
    const tImported = await now();
    await page.getByTestId('import-load').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === '1,074', undefined, { timeout: 600_000, polling: 50 });
    const tLoaded = await now();
    const [pop] = await page.evaluate(() => window.__careBench!.rows<{ n: number; people: number }>('SELECT count(*)::DOUBLE AS n, sum(population)::DOUBLE AS people FROM population'));
    if (!(Math.abs(pop.people - input.rasterTotal) <= 1e-3 * input.rasterTotal)) throw new Error(`the loaded population (${pop.people}) is not the raster's (${input.rasterTotal})`);
    const steps: [string, number][] = [['import', t0], ['load', tImported]];
    log(`  import-page: imported in ${fmt(tImported - t0)} ms, loaded (facilities KPI drawn) at ${fmt(tLoaded - t0)} ms`);

    const viewMs: Record<string, number> = {};
    for (const view of VIEWS) {
      const t = await now();
      steps.push([view, t]);
      await page.getByTestId(`tab-${view}`).click();
      await page.waitForSelector(`[data-testid="tab-${view}"][aria-current="page"]`, { timeout: 300_000 });
      if (view === 'overview' || view === 'access') {
        // A map is drawn when its 14 districts are.
        await page.waitForFunction(() => [...document.querySelectorAll('main svg g[aria-label="geo"]')].some((g) => g.querySelectorAll('path').length >= 14), undefined, { timeout: 300_000, polling: 50 });
      }
      await page.waitForFunction(() => document.querySelector('section.panel') !== null && document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 300_000, polling: 50 });
      viewMs[view] = (await now()) - t;
      log(`  import-page: ${view} drawn in ${fmt(viewMs[view])} ms`);
    }
    const tEnd = await now();
    const tasks = (await page.evaluate(() => window.__longTasks ?? [])).filter((x) => x.start + x.duration >= t0 && x.start <= tEnd);
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    const longestTaskByStep: Record<string, number> = {};
    for (const task of tasks) {
      const step = steps.filter(([, at]) => at <= task.start).at(-1)?.[0] ?? 'import';
      longestTaskByStep[step] = Math.max(longestTaskByStep[step] ?? 0, task.duration);
    }
    const rendererPeakBytes = Math.max(0, ...rendererMemory(id).map((r) => r.peakRssBytes));
    return {
      rasterCells: input.rasterCells, rasterTotal: input.rasterTotal, files: input.files.length,
      importMs: tImported - t0, loadedMs: tLoaded - t0, viewMs, totalMs: tEnd - t0,
      longestTaskMs: Math.max(0, ...tasks.map((x) => x.duration)),
      tasksOver200: tasks.filter((x) => x.duration > IMPORT_PAGE_TARGET.longTaskMs).length,
      tasksOver50: tasks.length, longestTaskByStep,
      populationPoints: pop.n, populationTotal: pop.people,
      rendererPeakBytes,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function importPageMarkdown(r: ImportPageResult): string {
  const t = IMPORT_PAGE_TARGET;
  return markdownTable(['step', 'measured', 'target', 'met'], [
    ['files chosen → import done (all mapped)', `${fmt(r.importMs)} ms`, '', ''],
    ['→ loaded (facilities KPI drawn)', `${fmt(r.loadedMs)} ms`, '', ''],
    ...VIEWS.map((v) => [`  ${v} view drawn after its tab click`, `${fmt(r.viewMs[v])} ms`, '', '']),
    ['files chosen → every view drawn', `${fmt(r.totalMs)} ms`, `< ${fmt(t.totalMs)} ms`, r.totalMs < t.totalMs ? 'yes' : 'no'],
    ['longest main-thread task in that span', `${fmt(r.longestTaskMs)} ms`, `< ${fmt(t.longTaskMs)} ms`, r.longestTaskMs < t.longTaskMs ? 'yes' : 'no'],
    [`tasks over ${t.longTaskMs} ms / over 50 ms`, `${r.tasksOver200} / ${r.tasksOver50}`, '0', r.tasksOver200 === 0 ? 'yes' : 'no'],
    ['longest task by step', Object.entries(r.longestTaskByStep).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ') || 'none', '', ''],
    ['population loaded', `${fmt(r.populationPoints)} points, ${fmt(r.populationTotal)} people`, '', ''],
    ['renderer peak resident memory', `${fmt(r.rendererPeakBytes / 2 ** 20)} MB`, '', ''],
  ]);
}
