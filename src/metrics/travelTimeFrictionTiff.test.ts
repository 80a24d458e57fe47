/**
 * costDistance over a real friction GeoTIFF (the Malaria Atlas Project's 2015 surface around Toamasina, read by the
 * app's reader) against GRASS GIS r.cost on the same cells: the committed outputs, and a live run when `grass` is on PATH.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapFrictionCase, mapFrictionFile, type MapFrictionFixture } from '../../scripts/reference/grass-friction-tiff';
import { grassVersion, runGrassRcost } from '../../scripts/reference/grassRcost';
import { readFrictionTiff } from '../import/frictionTiff';
import { frictionFromRaster } from './frictionSurface';
import { costDistance } from './travelTime';

const REL = 1e-4;
const c = await mapFrictionCase();

function compare(knightsMove: boolean, minutes: ArrayLike<number | null>, nearest: ArrayLike<number | null>): number {
  const got = costDistance({
    width: c.width, height: c.height, minutesPerMetre: c.minutesPerMetre,
    cellSizeM: { x: new Float64Array(c.height).fill(c.ewRes), y: c.nsRes }, sources: Int32Array.from(c.sources), knightsMove,
  });
  let reached = 0;
  for (let i = 0; i < got.minutes.length; i++) {
    const g = minutes[i];
    if (g === null) {
      expect(got.minutes[i], `cell ${i}`).toBe(Infinity);
      continue;
    }
    reached++;
    expect(Math.abs(got.minutes[i] - g), `cell ${i}: ${got.minutes[i]} vs r.cost ${g}`).toBeLessThanOrEqual(REL * Math.max(g, 1e-9));
    if (got.nearest[i] !== nearest[i]) {
      // An equal-time tie between two facilities may go either way.
      const alone = (s: number) => costDistance({ width: c.width, height: c.height, minutesPerMetre: c.minutesPerMetre, cellSizeM: { x: new Float64Array(c.height).fill(c.ewRes), y: c.nsRes }, sources: Int32Array.of(c.sources[s]), knightsMove }).minutes[i];
      expect(Math.abs(alone(got.nearest[i]) - alone(nearest[i] as number)), `cell ${i}: nearest ${got.nearest[i]} vs r.cost ${nearest[i]}, not a tie`).toBeLessThanOrEqual(REL * g);
    }
  }
  return reached;
}

describe('travel time over the Malaria Atlas Project friction GeoTIFF matches GRASS r.cost', () => {
  it.each([false, true])('knight\'s moves %s: same minutes to 1e-4 relative, same barriers (the sea), same nearest facility', (k) => {
    const f = JSON.parse(readFileSync(mapFrictionFile(k), 'utf8')) as MapFrictionFixture;
    expect(f.sources).toEqual(c.sources);
    const reached = compare(k, f.minutes, f.nearest);
    const sea = Array.from(c.minutesPerMetre).filter(Number.isNaN).length;
    expect(sea).toBeGreaterThan(1000); // the coast is in the window: nodata must become barriers, not -3.4e38 minutes
    expect(reached).toBe(c.width * c.height - sea);
  });

  it.skipIf(!grassVersion())('live: r.cost run now on the same raster gives the committed answer', () => {
    for (const k of [false, true]) {
      const out = runGrassRcost({ width: c.width, height: c.height, ewRes: c.ewRes, nsRes: c.nsRes, minutesPerMetre: c.minutesPerMetre, sources: Int32Array.from(c.sources), knightsMove: k });
      compare(k, Array.from(out.minutes, (m) => (Number.isNaN(m) ? null : m)), Array.from(out.nearest, (n) => (n < 0 ? null : n)));
    }
  });

  it('the app\'s lat/lon surface: per-row widths vary by under 1% over the window, and its times differ from r.cost\'s by less than that spread', async () => {
    const { raster } = await readFrictionTiff(readFileSync('src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif'), 'f.tif');
    const surface = frictionFromRaster(raster!);
    const ours = costDistance({ width: c.width, height: c.height, minutesPerMetre: surface.minutesPerMetre, cellSizeM: surface.cellSizeM, sources: Int32Array.from(c.sources) });
    const f = JSON.parse(readFileSync(mapFrictionFile(false), 'utf8')) as MapFrictionFixture;
    let worst = 0;
    for (let i = 0; i < ours.minutes.length; i++) if (f.minutes[i] !== null && f.minutes[i]! > 1) worst = Math.max(worst, Math.abs(ours.minutes[i] / f.minutes[i]! - 1));
    const widths = Array.from(surface.cellSizeM.x);
    const spread = (Math.max(...widths) - Math.min(...widths)) / c.ewRes;
    expect(spread).toBeLessThan(0.01);
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(spread);
  });
});
