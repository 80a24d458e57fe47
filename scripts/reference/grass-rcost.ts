/**
 * `npx tsx scripts/reference/grass-rcost.ts [--check]`
 *
 * Writes src/metrics/fixtures/grass-rcost/*.json: seeded random friction rasters with barriers, a few start cells,
 * and what GRASS GIS r.cost computes on them (with and without knight's moves, square and rectangular cells, one
 * diagonal river with a bridge, one max_cost run). src/metrics/travelTimeGrass.test.ts compares costDistance with
 * these files, and, when `grass` is on PATH, runs GRASS again on each and checks the file is what GRASS says.
 * --check: compare instead of writing (exit 1 on a difference). Needs Debian's grass-core: apt-get install -y grass-core.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/metrics/random';
import { runGrassRcost } from './grassRcost';

export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/metrics/fixtures/grass-rcost');

export interface GrassFixture {
  name: string;
  generatedBy: string;
  grassVersion: string;
  command: string;
  width: number;
  height: number;
  ewRes: number;
  nsRes: number;
  knightsMove: boolean;
  maxCost: number | null;
  /** Minutes per metre; null = barrier. */
  minutesPerMetre: (number | null)[];
  sources: number[];
  /** r.cost's output (minutes); null = unreached. */
  minutes: (number | null)[];
  /** r.cost's nearest output as an index into sources; null = unreached. */
  nearest: (number | null)[];
}

interface CaseSpec { name: string; seed: number; width: number; height: number; ewRes: number; nsRes: number; barriers: number; sources: number; knightsMove: boolean; maxCost?: number; river?: boolean }

const CASES: CaseSpec[] = [
  { name: 'km-8', seed: 11, width: 30, height: 24, ewRes: 1000, nsRes: 1000, barriers: 0.15, sources: 3, knightsMove: false },
  { name: 'km-16', seed: 11, width: 30, height: 24, ewRes: 1000, nsRes: 1000, barriers: 0.15, sources: 3, knightsMove: true },
  { name: 'rect-8', seed: 23, width: 28, height: 20, ewRes: 100, nsRes: 150, barriers: 0.25, sources: 2, knightsMove: false },
  { name: 'rect-16', seed: 23, width: 28, height: 20, ewRes: 100, nsRes: 150, barriers: 0.25, sources: 2, knightsMove: true },
  { name: 'river-8', seed: 37, width: 32, height: 24, ewRes: 30, nsRes: 30, barriers: 0.05, sources: 2, knightsMove: false, river: true },
  { name: 'river-16', seed: 37, width: 32, height: 24, ewRes: 30, nsRes: 30, barriers: 0.05, sources: 2, knightsMove: true, river: true },
  { name: 'max-cost-8', seed: 51, width: 30, height: 24, ewRes: 1000, nsRes: 1000, barriers: 0.1, sources: 2, knightsMove: false, maxCost: 200 },
];

/** Friction: mostly walking-like (0.008-0.03 min/m), some road-like cells (0.0008-0.002), barriers; 5 significant digits. */
function raster(spec: CaseSpec): { friction: (number | null)[]; sources: number[] } {
  const rnd = mulberry32(spec.seed);
  const n = spec.width * spec.height;
  const friction: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const v = u < 0.15 ? 0.0008 + rnd() * 0.0012 : 0.008 + rnd() * 0.022;
    friction.push(rnd() < spec.barriers ? null : Number(v.toPrecision(5)));
  }
  if (spec.river) {
    // A river running diagonally (8-connected, so diagonal moves can slip between its cells, as in r.cost), with
    // its cells doubled below to make it 4-connected except at one gap: the bridge.
    const bridge = Math.floor(spec.width / 2);
    for (let c = 0; c < spec.width; c++) {
      const r = Math.floor(4 + (c * (spec.height - 8)) / spec.width);
      if (c === bridge) continue;
      friction[r * spec.width + c] = null;
      if (c % 3 !== 0) friction[(r + 1) * spec.width + c] = null;
    }
  }
  const sources = Array.from({ length: spec.sources }, () => Math.floor(rnd() * n));
  if (spec.name === 'km-8' || spec.name === 'km-16') {
    // One start cell on a barrier: r.cost gives it 0 and spreads nothing from it.
    sources[sources.length - 1] = friction.findIndex((f) => f === null);
  }
  return { friction, sources };
}

export function fixtureFor(spec: CaseSpec): GrassFixture {
  const { friction, sources } = raster(spec);
  const out = runGrassRcost({
    width: spec.width, height: spec.height, ewRes: spec.ewRes, nsRes: spec.nsRes,
    minutesPerMetre: Float64Array.from(friction, (f) => f ?? NaN), sources: Int32Array.from(sources), knightsMove: spec.knightsMove, maxCost: spec.maxCost,
  });
  return {
    name: spec.name,
    generatedBy: 'scripts/reference/grass-rcost.ts',
    grassVersion: out.version,
    command: out.command,
    width: spec.width, height: spec.height, ewRes: spec.ewRes, nsRes: spec.nsRes, knightsMove: spec.knightsMove, maxCost: spec.maxCost ?? null,
    minutesPerMetre: friction,
    sources,
    minutes: Array.from(out.minutes, (m) => (Number.isNaN(m) ? null : Number(m.toPrecision(10)))),
    nearest: Array.from(out.nearest, (k) => (k < 0 ? null : k)),
  };
}

function serialise(f: GrassFixture): string {
  // One array per line: small diffs when GRASS changes, readable headers.
  const { minutesPerMetre, sources, minutes, nearest, ...head } = f;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  for (const [k, v] of Object.entries({ minutesPerMetre, sources, minutes, nearest })) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function readFixtures(): GrassFixture[] {
  return CASES.map((c) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${c.name}.json`), 'utf8')) as GrassFixture);
}

export function fixtureSpecs(): readonly CaseSpec[] {
  return CASES;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  mkdirSync(FIXTURE_DIR, { recursive: true });
  let differ = 0;
  for (const spec of CASES) {
    const text = serialise(fixtureFor(spec));
    const file = path.join(FIXTURE_DIR, `${spec.name}.json`);
    if (check) {
      let old: string;
      try {
        old = readFileSync(file, 'utf8');
      } catch {
        old = '';
      }
      if (old !== text) {
        differ++;
        console.error(`${file}: differs from what GRASS computes now`);
      }
    } else {
      writeFileSync(file, text);
      console.error(`wrote ${file}`);
    }
  }
  if (differ) process.exit(1);
}
