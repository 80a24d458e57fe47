/**
 * `npx tsx scripts/reference/grass-friction-tiff.ts [--check]`
 *
 * GRASS GIS r.cost over a real friction raster: the Malaria Atlas Project's 2015 friction surface around Toamasina
 * (src/import/fixtures/real/madagascar/, 100 x 100 cells of 30 arc-seconds, the sea as nodata), read by the app's own
 * reader (readFrictionTiff: nodata to barriers), from five start cells, with 8 and 16 neighbours. Writes
 * src/metrics/fixtures/grass-rcost/map-friction-{8,16}.json, which src/metrics/travelTimeFrictionTiff.test.ts compares
 * with costDistance. r.cost takes one cell size for the whole region (it has no per-row width for lat/lon grids), so the
 * run uses the raster's cell size in metres at its centre latitude; the app's per-row widths are checked analytically.
 * --check: compare instead of writing (exit 1 on a difference). Needs Debian's grass-core.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrictionTiff } from '../../src/import/frictionTiff';
import { mulberry32 } from '../../src/metrics/random';
import { runGrassRcost } from './grassRcost';
import { FIXTURE_DIR } from './grass-rcost';

export const MAP_FRICTION_TIF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif');
const EARTH_RADIUS_M = 6_371_000;

export interface MapFrictionFixture {
  name: string;
  generatedBy: string;
  grassVersion: string;
  command: string;
  tif: string;
  ewRes: number;
  nsRes: number;
  knightsMove: boolean;
  sources: number[];
  /** r.cost's output (minutes); null = unreached or a barrier. */
  minutes: (number | null)[];
  nearest: (number | null)[];
}

/** The raster as the app reads it, the uniform cell size GRASS gets, and five seeded passable start cells. */
export async function mapFrictionCase(): Promise<{ width: number; height: number; minutesPerMetre: Float32Array; ewRes: number; nsRes: number; sources: number[] }> {
  const { raster, problems } = await readFrictionTiff(readFileSync(MAP_FRICTION_TIF), path.basename(MAP_FRICTION_TIF));
  if (!raster || problems.some((p) => p.severity === 'error')) throw new Error(`${MAP_FRICTION_TIF}: ${problems.map((p) => p.message).join('; ')}`);
  const g = raster.grid;
  const midLat = g.north - (g.height / 2) * g.cellLatDeg;
  const nsRes = ((g.cellLatDeg * Math.PI) / 180) * EARTH_RADIUS_M;
  const ewRes = ((g.cellLonDeg * Math.PI) / 180) * EARTH_RADIUS_M * Math.cos((midLat * Math.PI) / 180);
  const rnd = mulberry32(17);
  const sources: number[] = [];
  while (sources.length < 5) {
    const k = Math.floor(rnd() * g.width * g.height);
    if (!Number.isNaN(raster.minutesPerMetre[k]) && !sources.includes(k)) sources.push(k);
  }
  return { width: g.width, height: g.height, minutesPerMetre: raster.minutesPerMetre, ewRes, nsRes, sources };
}

async function fixture(knightsMove: boolean): Promise<MapFrictionFixture> {
  const c = await mapFrictionCase();
  const out = runGrassRcost({ width: c.width, height: c.height, ewRes: c.ewRes, nsRes: c.nsRes, minutesPerMetre: c.minutesPerMetre, sources: Int32Array.from(c.sources), knightsMove });
  return {
    name: `map-friction-${knightsMove ? 16 : 8}`,
    generatedBy: 'scripts/reference/grass-friction-tiff.ts',
    grassVersion: out.version,
    command: out.command,
    tif: path.relative(path.resolve(FIXTURE_DIR, '../../../..'), MAP_FRICTION_TIF),
    ewRes: c.ewRes, nsRes: c.nsRes, knightsMove, sources: c.sources,
    minutes: Array.from(out.minutes, (m) => (Number.isNaN(m) ? null : Number(m.toPrecision(9)))),
    nearest: Array.from(out.nearest, (k) => (k < 0 ? null : k)),
  };
}

export const mapFrictionFile = (knightsMove: boolean) => path.join(FIXTURE_DIR, `map-friction-${knightsMove ? 16 : 8}.json`);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let differ = 0;
  for (const k of [false, true]) {
    const { minutes, nearest, sources, ...head } = await fixture(k);
    const text = `{\n${[...Object.entries(head), ...Object.entries({ sources, minutes, nearest })].map(([key, v]) => `  ${JSON.stringify(key)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
    const file = mapFrictionFile(k);
    if (check) {
      let old = '';
      try { old = readFileSync(file, 'utf8'); } catch { /* missing: differs */ }
      if (old !== text) { differ++; console.error(`${file}: differs from what GRASS computes now`); }
    } else {
      writeFileSync(file, text);
      console.error(`wrote ${file}`);
    }
  }
  if (differ) process.exit(1);
}
