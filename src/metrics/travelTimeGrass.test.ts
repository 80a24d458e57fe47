/**
 * costDistance against GRASS GIS r.cost itself: the committed fixtures (scripts/reference/grass-rcost.ts wrote them
 * with GRASS 8.2.1), and, when `grass` is on PATH, a live run of r.cost on every fixture's raster.
 */
import { describe, expect, it } from 'vitest';
import { fixtureSpecs, readFixtures, type GrassFixture } from '../../scripts/reference/grass-rcost';
import { grassVersion, runGrassRcost } from '../../scripts/reference/grassRcost';
import { costDistance, type CostDistanceResult } from './travelTime';

const REL = 1e-4;

function ours(f: GrassFixture): CostDistanceResult {
  return costDistance({
    width: f.width, height: f.height,
    minutesPerMetre: Float32Array.from(f.minutesPerMetre, (v) => v ?? NaN),
    cellSizeM: { x: new Float64Array(f.height).fill(f.ewRes), y: f.nsRes },
    sources: Int32Array.from(f.sources), knightsMove: f.knightsMove,
    // r.cost stops expanding past max_cost but keeps the ring it computed beyond; here those stay unreached.
    maxMinutes: f.maxCost ?? undefined,
  });
}

/** Compares our result with GRASS's cell by cell; returns how many cells were reached (for the test to be meaningful). */
function compare(f: GrassFixture, minutes: ArrayLike<number | null>, nearest: ArrayLike<number | null>): number {
  const got = ours(f);
  let reached = 0;
  for (let i = 0; i < got.minutes.length; i++) {
    const g = minutes[i];
    const where = `${f.name}: cell ${i} (row ${Math.floor(i / f.width)}, column ${i % f.width})`;
    if (g === null || (f.maxCost != null && g > f.maxCost)) {
      expect(got.minutes[i], where).toBe(Infinity);
      expect(got.nearest[i], where).toBe(-1);
      continue;
    }
    reached++;
    expect(Math.abs(got.minutes[i] - g), `${where}: ${got.minutes[i]} vs r.cost ${g}`).toBeLessThanOrEqual(REL * Math.max(g, 1e-9));
    expect(got.nearest[i], `${where}: nearest`).toBe(nearest[i]);
  }
  return reached;
}

describe('costDistance matches GRASS r.cost (committed fixtures)', () => {
  const fixtures = readFixtures();
  it('covers 8 and 16 neighbours, rectangular cells, a river with a bridge and max_cost', () => {
    expect(fixtures.map((f) => f.name)).toEqual(fixtureSpecs().map((s) => s.name));
    expect(fixtures.some((f) => f.knightsMove) && fixtures.some((f) => !f.knightsMove)).toBe(true);
    expect(fixtures.some((f) => f.ewRes !== f.nsRes)).toBe(true);
    for (const f of fixtures) expect(f.grassVersion).toMatch(/^GRASS GIS \d/);
  });
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: minutes to 1e-4 relative, the same nearest start cell, the same unreached cells', (_, f) => {
    const reached = compare(f, f.minutes, f.nearest);
    expect(reached).toBeGreaterThan(f.width * f.height * 0.3);
  });
  it("knight's moves change the answer (the -k fixtures are not the 8-neighbour ones)", () => {
    const byName = new Map(fixtures.map((f) => [f.name, f]));
    for (const [a, b] of [['km-8', 'km-16'], ['rect-8', 'rect-16'], ['river-8', 'river-16']]) {
      const x = byName.get(a)!.minutes;
      const y = byName.get(b)!.minutes;
      expect(x.filter((v, i) => v !== null && y[i] !== null && y[i]! < v * (1 - 1e-3)).length, `${a} vs ${b}`).toBeGreaterThan(10);
    }
  });
});

const version = grassVersion();
describe.skipIf(!version)(`GRASS r.cost live (${version ?? 'grass not on PATH: apt-get install -y grass-core to run these'})`, () => {
  it.each(readFixtures().map((f) => [f.name, f] as const))('%s: GRASS today gives the committed fixture, and costDistance matches it', (_, f) => {
    const live = runGrassRcost({
      width: f.width, height: f.height, ewRes: f.ewRes, nsRes: f.nsRes,
      minutesPerMetre: Float64Array.from(f.minutesPerMetre, (v) => v ?? NaN), sources: Int32Array.from(f.sources),
      knightsMove: f.knightsMove, maxCost: f.maxCost ?? undefined,
    });
    const minutes = Array.from(live.minutes, (m) => (Number.isNaN(m) ? null : m));
    const nearest = Array.from(live.nearest, (k) => (k < 0 ? null : k));
    f.minutes.forEach((m, i) => {
      if (m === null) expect(minutes[i]).toBeNull();
      else expect(Math.abs(minutes[i]! - m)).toBeLessThanOrEqual(1e-9 * Math.max(m, 1));
    });
    expect(nearest).toEqual(f.nearest);
    compare(f, minutes, nearest);
  }, 60_000);
});
if (!version) console.warn('travelTimeGrass.test.ts: GRASS GIS not on PATH, live r.cost runs skipped (apt-get install -y grass-core to run them)');
