/**
 * Travel time in the bench: the full cost-distance surface on the bench's 2000 x 2000 friction raster (3,400
 * facilities) with and without knight's moves, in Chromium through the app's worker and client, then one new facility
 * at a time on the kept surface (incremental update); GRASS r.cost on the same raster as the native peer, and
 * costDistance in Node against GRASS's output, cell by cell, so both sides are known to compute the same thing.
 */
import { spawnSync } from 'node:child_process';
import { costDistance } from '../../src/metrics/travelTime';
import { grassVersion, runGrassRcost } from '../reference/grassRcost';
import { launch } from './browserRun';
import { fmt, markdownTable, times } from './markdown';
import { rendererMemory } from './processMemory';
import { median, ratio } from './stats';
import { benchSurface, TRAVEL_TIME_BENCH as B } from './travelTimeRaster';
import type { TravelTimePageResult } from './travelTimePage';

export interface TravelTimeRow {
  cells: number; knightsMove: boolean; facilities: number;
  /** Chromium: worker round trip for the full surface (median of reps), and the search alone inside the worker. */
  browserMs: number; browserComputeMs: number;
  /** GRASS r.cost wall time (reads its input map, writes its outputs) on the same raster; null when GRASS is absent. */
  grassMs: number | null; grassPeakMb: number | null;
  /** One new facility on the kept surface: median round trip, its slowest, the search alone, and the cells it changed. */
  incrementalMs: number; incrementalMaxMs: number; incrementalComputeMs: number; changedCellsMedian: number;
  /** Peak resident memory of the Chromium renderer (page + worker) over the run. */
  rendererPeakMb: number | null;
  /** The engine's own arrays: friction, minutes and nearest, plus the copy the worker keeps for incremental updates. */
  engineArraysMb: number;
  /** costDistance (Node) vs r.cost on the same raster: largest relative difference, and cells whose nearest differs (ties). */
  maxRelDiffVsGrass: number | null; nearestDiffCells: number | null;
  reachedCells: number; maxMinutes: number;
}

/** GRASS's version, installing Debian's grass-core first when it is missing and this process may (root with apt-get). */
export function ensureGrass(log: (s: string) => void): string | null {
  let v = grassVersion();
  if (v) return v;
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) {
    log('GRASS GIS missing and cannot be installed here (apt-get as root): its column shows –');
    return null;
  }
  log('GRASS GIS missing: apt-get install -y grass-core (the bench\'s native peer for travel time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'grass-core'], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    install();
  }
  v = grassVersion();
  if (!v) log('GRASS GIS could not be installed: its column shows –');
  return v;
}

export async function benchTravelTime(baseUrl: string, o: { reps: number; log: (s: string) => void }): Promise<{ rows: TravelTimeRow[]; grassVersion: string | null }> {
  const version = ensureGrass(o.log);
  const surface = benchSurface(B.width, B.height, B.facilities, B.newFacilities, B.seed);
  const rows: TravelTimeRow[] = [];
  for (const knightsMove of [false, true]) {
    const page = await inChromium(baseUrl, knightsMove, o.reps);
    o.log(`  travel time, ${knightsMove ? '16' : '8'} neighbours: Chromium ${fmt(page.browserMs)} ms (search ${fmt(page.browserComputeMs)} ms), ` +
      `one new facility ${fmt(page.incrementalMs, 1)} ms`);
    let grassMs: number | null = null;
    let grassPeakMb: number | null = null;
    let maxRelDiffVsGrass: number | null = null;
    let nearestDiffCells: number | null = null;
    if (version) {
      const g = runGrassRcost({ width: B.width, height: B.height, ewRes: B.cellSizeM, nsRes: B.cellSizeM, minutesPerMetre: surface.minutesPerMetre, sources: surface.sources, knightsMove });
      grassMs = g.rcostMs;
      grassPeakMb = g.rcostPeakMb;
      const ours = costDistance({ width: B.width, height: B.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: B.cellSizeM, sources: surface.sources, knightsMove });
      maxRelDiffVsGrass = 0;
      nearestDiffCells = 0;
      for (let i = 0; i < ours.minutes.length; i++) {
        const gm = g.minutes[i];
        if (Number.isNaN(gm) !== (ours.minutes[i] === Infinity)) throw new Error(`travel time: cell ${i} is reached by one of costDistance and r.cost only`);
        if (Number.isNaN(gm)) continue;
        maxRelDiffVsGrass = Math.max(maxRelDiffVsGrass, Math.abs(gm - ours.minutes[i]) / Math.max(gm, 1e-9));
        if (g.nearest[i] !== ours.nearest[i]) nearestDiffCells++;
      }
      if (maxRelDiffVsGrass > 1e-4) throw new Error(`travel time: costDistance differs from r.cost by ${maxRelDiffVsGrass} (relative) on the bench raster`);
      // Where the nearest facility differs, it must be a tie: GRASS's facility alone reaches the cell in the same time
      // (a search bounded by that time, so each check is cheap).
      let checked = 0;
      for (let i = 0; i < ours.minutes.length && checked < 2000; i++) {
        if (Number.isNaN(g.minutes[i]) || g.nearest[i] === ours.nearest[i]) continue;
        checked++;
        const limit = ours.minutes[i] * (1 + 1e-6);
        const alone = costDistance({ width: B.width, height: B.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: B.cellSizeM, sources: Int32Array.of(surface.sources[g.nearest[i]]), knightsMove, maxMinutes: limit }).minutes[i];
        if (!(Math.abs(alone - ours.minutes[i]) <= 1e-6 * ours.minutes[i])) {
          throw new Error(`travel time: cell ${i}: r.cost's nearest facility ${g.nearest[i]} takes ${alone} min, costDistance's ${ours.nearest[i]} ${ours.minutes[i]} min: not a tie`);
        }
      }
      o.log(`  travel time, ${knightsMove ? '16' : '8'} neighbours: GRASS r.cost ${fmt(grassMs)} ms; costDistance vs r.cost: max relative difference ` +
        `${maxRelDiffVsGrass.toExponential(1)}, nearest differs on ${fmt(nearestDiffCells)} cells (equal-time ties)`);
    }
    rows.push({ ...page, grassMs, grassPeakMb, maxRelDiffVsGrass, nearestDiffCells });
  }
  return { rows, grassVersion: version };
}

async function inChromium(baseUrl: string, knightsMove: boolean, reps: number) {
  // One browser per configuration, so the renderer's peak memory is this configuration's.
  const { browser, id } = await launch();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}scripts/bench/travel-time.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded', undefined, { timeout: 60_000 });
    const runs: TravelTimePageResult[] = [];
    for (let i = 0; i < reps; i++) runs.push(await page.evaluate((k) => window.__travelTimeBench!.run(k), knightsMove));
    if (errors.length) throw new Error(`travel-time page: ${errors.join('; ')}`);
    const peak = rendererMemory(id).reduce((m, r) => Math.max(m, r.peakRssBytes), 0);
    const inc = runs.flatMap((r) => r.incrementalMs);
    const cells = runs[0].cells;
    return {
      cells, knightsMove, facilities: runs[0].facilities,
      browserMs: median(runs.map((r) => r.roundTripMs)), browserComputeMs: median(runs.map((r) => r.computeMs)),
      incrementalMs: median(inc), incrementalMaxMs: Math.max(...inc), incrementalComputeMs: median(runs.flatMap((r) => r.incrementalComputeMs)),
      changedCellsMedian: median(runs.flatMap((r) => r.changedCells)),
      rendererPeakMb: peak > 0 ? peak / 2 ** 20 : null,
      engineArraysMb: (cells * (4 + 4 + 4) + cells * (4 + 4)) / 2 ** 20,
      reachedCells: runs[0].reached, maxMinutes: runs[0].maxMinutes,
    };
  } finally {
    await browser.close();
  }
}

export function travelTimeMarkdown(rows: TravelTimeRow[], grass: string | null): string {
  return markdownTable(
    ['cells', 'neighbours', 'facilities', 'Chromium (worker round trip)', 'search alone', `GRASS r.cost${grass ? ` (${grass.replace('GRASS GIS ', '')})` : ''}`, 'GRASS / Chromium',
      'one new facility (median)', 'slowest', 'cells changed (median)', 'renderer peak RSS', 'r.cost peak RSS', 'max diff vs r.cost'],
    rows.map((r) => [fmt(r.cells), r.knightsMove ? '16 (knight)' : '8', fmt(r.facilities), `${fmt(r.browserMs)} ms`, `${fmt(r.browserComputeMs)} ms`,
      r.grassMs == null ? '–' : `${fmt(r.grassMs)} ms`, times(ratio(r.grassMs, r.browserMs), 1), `${fmt(r.incrementalMs, 1)} ms`, `${fmt(r.incrementalMaxMs, 1)} ms`,
      fmt(r.changedCellsMedian), `${fmt(r.rendererPeakMb)} MB`, r.grassPeakMb == null ? '–' : `${fmt(r.grassPeakMb)} MB`,
      r.maxRelDiffVsGrass == null ? '–' : r.maxRelDiffVsGrass.toExponential(1)]));
}
