// Bench page for travel time: builds the bench surface in the page, sends it to the app's travel-time worker through
// the app's client (the path the app will use), and times the full surface and one-facility updates from here.
import { TravelTimeClient } from '../../src/metrics/travelTimeClient';
import { benchSurface, TRAVEL_TIME_BENCH as B } from './travelTimeRaster';
import { analysesInput, type AnalysesTimes } from './travelAnalysesInput';

export interface TravelTimePageResult {
  cells: number; facilities: number; knightsMove: boolean;
  /** postMessage to reply: transfer in, the search, a copy of the result kept in the worker, transfer out. */
  roundTripMs: number;
  /** The search alone, timed in the worker. */
  computeMs: number;
  /** One new facility each (in turn, on the kept surface): round trip and search alone, and the cells changed. */
  incrementalMs: number[]; incrementalComputeMs: number[]; changedCells: number[];
  reached: number; maxMinutes: number; generateMs: number;
}

declare global {
  interface Window { __travelTimeBench?: { run(knightsMove: boolean): Promise<TravelTimePageResult>; analyses(size: number): Promise<AnalysesTimes> } }
}

window.__travelTimeBench = {
  async run(knightsMove) {
    const t0 = performance.now();
    const s = benchSurface(B.width, B.height, B.facilities, B.newFacilities, B.seed);
    const generateMs = performance.now() - t0;
    const client = new TravelTimeClient();
    try {
      const t = performance.now();
      const full = await client.surface({ width: B.width, height: B.height, minutesPerMetre: s.minutesPerMetre, cellSizeM: B.cellSizeM, sources: s.sources, knightsMove }, { keep: 'bench' });
      const roundTripMs = performance.now() - t;
      let reached = 0;
      let maxMinutes = 0;
      for (const m of full.minutes) {
        if (m === Infinity) continue;
        reached++;
        if (m > maxMinutes) maxMinutes = m;
      }
      const incrementalMs: number[] = [];
      const incrementalComputeMs: number[] = [];
      const changedCells: number[] = [];
      for (let i = 0; i < s.newFacilities.length; i++) {
        const ti = performance.now();
        const r = await client.addSource('bench', s.newFacilities[i], B.facilities + i);
        incrementalMs.push(performance.now() - ti);
        incrementalComputeMs.push(r.computeMs);
        changedCells.push(r.changed.length);
      }
      return { cells: B.width * B.height, facilities: B.facilities, knightsMove, roundTripMs, computeMs: full.computeMs, incrementalMs, incrementalComputeMs, changedCells, reached, maxMinutes, generateMs };
    } finally {
      client.terminate();
    }
  },
  async analyses(size) {
    const a = analysesInput(size);
    const client = new TravelTimeClient();
    const time = async (f: () => Promise<unknown>) => { const t = performance.now(); await f(); return performance.now() - t; };
    try {
      return { coverage: await time(() => client.coverage(a.coverage)), referral: await time(() => client.referral(a.referral)), catchment: await time(() => client.timeCatchment(a.catchment)) };
    } finally {
      client.terminate();
    }
  },
};
document.getElementById('status')!.textContent = 'loaded';
