/**
 * `npm run bench -- --only travel-analyses`: the travel-time analyses (capacity-limited coverage, referral time,
 * E2SFCA by travel time) on the bench's friction raster (travelTimeRaster.ts, 3,400 facilities) with a deterministic
 * population per cell, in Node (the functions called directly) and in Chromium (through the app's worker and client),
 * side by side with their ratio.
 */
import { capacityCoverage } from '../../src/metrics/capacityCoverage';
import { referralTimes } from '../../src/metrics/referralTime';
import { timeCatchment } from '../../src/metrics/timeCatchment';
import { launch } from './browserRun';
import { fmt, markdownTable, times } from './markdown';
import { ratio } from './stats';
import { analysesInput, type AnalysesTimes } from './travelAnalysesInput';

export interface TravelAnalysesRow { analysis: keyof AnalysesTimes; nodeMs: number; browserMs: number }

export function analysesInNode(size: number): AnalysesTimes {
  const a = analysesInput(size);
  const time = (f: () => unknown) => { const t = performance.now(); f(); return performance.now() - t; };
  return {
    coverage: time(() => capacityCoverage(a.coverage)),
    referral: time(() => referralTimes(a.referral)),
    catchment: time(() => timeCatchment(a.catchment)),
  };
}

export async function benchTravelAnalyses(baseUrl: string, o: { size: number; log: (s: string) => void }): Promise<TravelAnalysesRow[]> {
  const node = analysesInNode(o.size);
  o.log(`  analyses in Node: coverage ${fmt(node.coverage)} ms, referral ${fmt(node.referral)} ms, E2SFCA ${fmt(node.catchment)} ms`);
  const { browser } = await launch();
  let chromium: AnalysesTimes;
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}scripts/bench/travel-time.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded', undefined, { timeout: 60_000 });
    chromium = await page.evaluate((size) => window.__travelTimeBench!.analyses(size), o.size);
  } finally {
    await browser.close();
  }
  return (['coverage', 'referral', 'catchment'] as const).map((analysis) => ({ analysis, nodeMs: node[analysis], browserMs: chromium[analysis] }));
}

export function travelAnalysesMarkdown(rows: TravelAnalysesRow[], size: number): string {
  return markdownTable(['analysis', 'cells', 'Node', 'Chromium (worker round trip)', 'Chromium / Node'],
    rows.map((r) => [r.analysis === 'catchment' ? 'E2SFCA by time' : r.analysis, fmt(size * size), `${fmt(r.nodeMs)} ms`, `${fmt(r.browserMs)} ms`, times(ratio(r.browserMs, r.nodeMs), 2)]));
}
