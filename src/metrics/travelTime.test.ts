import { describe, expect, it } from 'vitest';
import { referenceCostDistance } from './costDistanceReference';
import { mulberry32 } from './random';
import { costDistance, type CostDistanceInput } from './travelTime';

/** A random surface: frictions in [lo, hi) minutes per metre, a share of barriers (NaN), a few sources. */
function randomCase(seed: number, o: { width: number; height: number; barriers: number; sources: number; lo?: number; hi?: number; zeros?: number }) {
  const rnd = mulberry32(seed);
  const n = o.width * o.height;
  const f = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    f[i] = u < o.barriers ? NaN : u < o.barriers + (o.zeros ?? 0) ? 0 : (o.lo ?? 0.001) + rnd() * ((o.hi ?? 0.05) - (o.lo ?? 0.001));
  }
  const sources = Int32Array.from({ length: o.sources }, () => Math.floor(rnd() * n));
  return { friction: f, sources };
}

function expectClose(actual: number, expected: number, rel: number, where: string) {
  if (expected === Infinity || actual === Infinity) {
    expect(actual, where).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-12));
}

describe('costDistance against a brute-force reference (Bellman-Ford over the same moves)', () => {
  const cases = Array.from({ length: 24 }, (_, i) => ({
    seed: 1000 + i,
    width: 5 + (i % 7) * 2,
    height: 4 + (i % 5) * 3,
    barriers: [0, 0.1, 0.25, 0.4][i % 4],
    sources: 1 + (i % 4),
    knightsMove: i % 2 === 1,
    cell: i % 3 === 0 ? 1000 : i % 3 === 1 ? 92.5 : { x: (r: number) => 800 - 13 * r, y: 925 },
    zeros: i % 6 === 5 ? 0.1 : 0,
  }));
  it.each(cases)('seed $seed: $width x $height, barriers $barriers, $sources sources, knight $knightsMove', (c) => {
    const { friction, sources } = randomCase(c.seed, c);
    const cellSizeM = typeof c.cell === 'number' ? c.cell : { x: Float64Array.from({ length: c.height }, (_, r) => (c.cell as { x: (r: number) => number }).x(r)), y: c.cell.y };
    const x = typeof c.cell === 'number' ? () => c.cell as number : c.cell.x;
    const y = typeof c.cell === 'number' ? c.cell : c.cell.y;
    const got = costDistance({ width: c.width, height: c.height, minutesPerMetre: friction, cellSizeM, sources, knightsMove: c.knightsMove });
    const ref = referenceCostDistance({ width: c.width, height: c.height, friction, x, y, knightsMove: c.knightsMove }, sources, 1e-6);
    let reached = 0;
    for (let i = 0; i < friction.length; i++) {
      expectClose(got.minutes[i], ref.minutes[i], 1e-6, `minutes of cell ${i}`);
      if (ref.minutes[i] === Infinity) expect(got.nearest[i], `nearest of cell ${i}`).toBe(-1);
      else {
        reached++;
        expect(ref.nearest[i], `nearest of cell ${i}`).toContain(got.nearest[i]);
      }
    }
    // The case must exercise something: reached cells beyond the sources themselves.
    expect(reached).toBeGreaterThan(new Set(sources).size);
  });
});

describe('costDistance: analytic cases', () => {
  it('a straight row: the sum of the steps, each the cell size x the mean friction of its two cells', () => {
    const friction = new Float32Array([0.01, 0.02, 0.005, 0.04, 0.01, 0.03]);
    const { minutes, nearest } = costDistance({ width: 6, height: 1, minutesPerMetre: friction, cellSizeM: 250, sources: new Int32Array([0]) });
    let expected = 0;
    for (let i = 0; i < 6; i++) {
      if (i > 0) expected += 250 * (friction[i - 1] + friction[i]) / 2;
      expect(minutes[i]).toBeCloseTo(expected, 5);
    }
    expect([...nearest]).toEqual([0, 0, 0, 0, 0, 0]);
    // 250 m x (mean frictions 0.015 + 0.0125 + 0.0225 + 0.025 + 0.02) = 23.75 minutes
    expect(minutes[5]).toBeCloseTo(23.75, 4);
  });

  it('uniform friction, 8 neighbours: the octile distance, at most 1/cos(22.5 deg) = 8.24% above the straight line', () => {
    const w = 61;
    const f = 0.012; // walking, 5 km/h = 60 / 5000 minutes per metre
    const s = 100;
    const src = 30 * w + 30;
    const { minutes } = costDistance({ width: w, height: w, minutesPerMetre: new Float32Array(w * w).fill(f), cellSizeM: s, sources: new Int32Array([src]) });
    let worst = 0;
    for (let r = 0; r < w; r++) {
      for (let c = 0; c < w; c++) {
        const dx = Math.abs(c - 30);
        const dy = Math.abs(r - 30);
        const octile = (Math.max(dx, dy) - Math.min(dx, dy) + Math.SQRT2 * Math.min(dx, dy)) * s * f;
        expectClose(minutes[r * w + c], octile, 1e-6, `cell ${r},${c}`);
        if (dx + dy > 0) worst = Math.max(worst, minutes[r * w + c] / (Math.hypot(dx, dy) * s * f));
      }
    }
    expect(worst).toBeLessThanOrEqual(1 / Math.cos(Math.PI / 8) + 1e-6);
    expect(worst).toBeGreaterThan(1.08); // reached near 22.5 degrees
  });

  it("uniform friction, knight's move: within 1/cos(13.28 deg) = 2.75% of the straight line, exact along the 16 directions", () => {
    const w = 61;
    const f = 0.001;
    const { minutes } = costDistance({ width: w, height: w, minutesPerMetre: new Float32Array(w * w).fill(f), cellSizeM: 1000, sources: new Int32Array([30 * w + 30]), knightsMove: true });
    const halfGap = Math.atan2(1, 2) / 2; // the widest angle between two of the 16 directions is atan(1/2) = 26.57 deg
    let worst = 0;
    let best = Infinity;
    for (let r = 0; r < w; r++) {
      for (let c = 0; c < w; c++) {
        const euclid = Math.hypot(c - 30, r - 30) * 1000 * f;
        if (euclid === 0) continue;
        worst = Math.max(worst, minutes[r * w + c] / euclid);
        best = Math.min(best, minutes[r * w + c] / euclid);
      }
    }
    expect(worst).toBeLessThanOrEqual(1 / Math.cos(halfGap) + 1e-6);
    expect(worst).toBeGreaterThan(1.02);
    expect(best).toBeCloseTo(1, 6);
    // Along a knight's direction the time is the straight line: 20 km at (2, 1) x 10 = sqrt(500) km.
    expect(minutes[(30 + 10) * w + 30 + 20]).toBeCloseTo(Math.sqrt(500) * 1000 * f, 3);
  });

  it('non-square cells: north-south and diagonal moves use the cell height and the centre distance', () => {
    const { minutes } = costDistance({ width: 2, height: 2, minutesPerMetre: new Float32Array([0.01, 0.03, 0.02, 0.04]), cellSizeM: { x: new Float64Array([300, 300]), y: 400 }, sources: new Int32Array([0]) });
    expect(minutes[1]).toBeCloseTo(300 * 0.02, 6);
    expect(minutes[2]).toBeCloseTo(400 * 0.015, 6);
    expect(minutes[3]).toBeCloseTo(500 * 0.025, 5); // 3-4-5
  });

  it('lat/lon rows: each row its own east-west size; a move between rows uses their mean width', () => {
    // 1/120 degree cells near 60 N: width ~ 463 m x cos(latitude) per row.
    const height = 3;
    const x = Float64Array.from({ length: height }, (_, r) => 926.6 * Math.cos(((60 - r / 120) * Math.PI) / 180));
    const f = new Float32Array(3 * height).fill(0.002);
    const { minutes } = costDistance({ width: 3, height, minutesPerMetre: f, cellSizeM: { x, y: 926.6 }, sources: new Int32Array([4]) });
    expect(minutes[3]).toBeCloseTo(x[1] * 0.002, 5); // west, same row
    expect(minutes[1]).toBeCloseTo(926.6 * 0.002, 5); // north
    expect(minutes[0]).toBeCloseTo(Math.hypot((x[0] + x[1]) / 2, 926.6) * 0.002, 5); // north-west
    expect(minutes[8]).toBeCloseTo(Math.hypot((x[1] + x[2]) / 2, 926.6) * 0.002, 5); // south-east
    // A constant per-row width is the same as a number.
    const same = costDistance({ width: 3, height, minutesPerMetre: f, cellSizeM: { x: new Float64Array(height).fill(500), y: 500 }, sources: new Int32Array([4]) });
    const plain = costDistance({ width: 3, height, minutesPerMetre: f, cellSizeM: 500, sources: new Int32Array([4]) });
    expect([...same.minutes]).toEqual([...plain.minutes]);
  });

  it('a wall of barriers is walked around, and a fully enclosed cell stays unreached', () => {
    // 5 x 5, a vertical wall in column 2 except the bottom row; a barrier ring encloses nothing reachable at (0,4).
    const w = 5;
    const f = new Float32Array(25).fill(0.01);
    for (const r of [0, 1, 2, 3]) f[r * w + 2] = NaN;
    f[0 * w + 3] = NaN;
    f[1 * w + 3] = NaN;
    f[1 * w + 4] = NaN;
    const { minutes, nearest } = costDistance({ width: w, height: w, minutesPerMetre: f, cellSizeM: 100, sources: new Int32Array([0]) });
    expect(minutes[4]).toBe(Infinity); // (0,4) is boxed in by (0,3), (1,3), (1,4)
    expect(nearest[4]).toBe(-1);
    expect(minutes[2]).toBe(Infinity); // a barrier cell itself
    // (0,0) -> (4,4) the long way round: down to row 3, diagonal under the wall, then up.
    expect(minutes[3 * w + 3]).toBeGreaterThan(minutes[3 * w + 1] + 1.9);
    expect(Number.isFinite(minutes[2 * w + 4])).toBe(true);
  });

  it("knight's moves are blocked when any of the four cells is a barrier", () => {
    // 3 wide x 2 high: the source (0,0) and its knight target (1,2); the crossed cells are (0,1) and (1,1).
    const f = new Float32Array([0.01, NaN, 0.01, 0.01, 0.01, 0.01]);
    const k = costDistance({ width: 3, height: 2, minutesPerMetre: f, cellSizeM: 100, sources: new Int32Array([0]), knightsMove: true });
    const plain = costDistance({ width: 3, height: 2, minutesPerMetre: f, cellSizeM: 100, sources: new Int32Array([0]) });
    expect(k.minutes[5]).toBeCloseTo(plain.minutes[5], 6); // no shortcut through the barrier
    const open = new Float32Array(6).fill(0.01);
    const k2 = costDistance({ width: 3, height: 2, minutesPerMetre: open, cellSizeM: 100, sources: new Int32Array([0]), knightsMove: true });
    expect(k2.minutes[5]).toBeCloseTo(Math.hypot(200, 100) * 0.01, 5);
  });

  it('start cells cost 0; a start cell on a barrier gets 0 and spreads nothing (as r.cost); duplicates keep the first index', () => {
    const f = new Float32Array([NaN, 0.01, 0.01, 0.01]);
    const { minutes, nearest } = costDistance({ width: 4, height: 1, minutesPerMetre: f, cellSizeM: 10, sources: new Int32Array([0, 3, 3]) });
    expect(minutes[0]).toBe(0);
    expect(minutes[3]).toBe(0);
    expect(minutes[2]).toBeCloseTo(0.1, 6);
    expect(minutes[1]).toBeCloseTo(0.2, 6);
    expect([...nearest]).toEqual([0, 1, 1, 1]);
  });
});

describe('costDistance: maxMinutes', () => {
  it('cells within the limit are those of the full run; the others stay unreached', () => {
    const { friction, sources } = randomCase(77, { width: 40, height: 30, barriers: 0.15, sources: 3 });
    const base: CostDistanceInput = { width: 40, height: 30, minutesPerMetre: friction, cellSizeM: 500, sources, knightsMove: true };
    const full = costDistance(base);
    const finite = [...full.minutes].filter(Number.isFinite).sort((a, b) => a - b);
    const max = finite[Math.floor(finite.length / 2)];
    const cut = costDistance({ ...base, maxMinutes: max });
    let inside = 0;
    for (let i = 0; i < friction.length; i++) {
      if (full.minutes[i] <= max) {
        inside++;
        expect(cut.minutes[i]).toBe(full.minutes[i]);
        expect(cut.nearest[i]).toBe(full.nearest[i]);
      } else {
        expect(cut.minutes[i]).toBe(Infinity);
        expect(cut.nearest[i]).toBe(-1);
      }
    }
    expect(inside).toBeGreaterThan(finite.length / 3);
    expect(costDistance({ ...base, maxMinutes: 0 }).minutes.filter((m) => m === 0).length).toBe(new Set(sources).size);
  });
});

describe('costDistance: bad input is named', () => {
  const ok: CostDistanceInput = { width: 2, height: 2, minutesPerMetre: new Float32Array(4).fill(0.01), cellSizeM: 100, sources: new Int32Array([0]) };
  it.each([
    [{ width: 0 }, /width must be a positive integer/],
    [{ minutesPerMetre: new Float32Array(3) }, /minutesPerMetre has 3 cells, expected width x height = 4/],
    [{ minutesPerMetre: new Float32Array([0.01, -1, 0.01, 0.01]) }, /minutesPerMetre\[1\] \(row 0, column 1\) is negative/],
    [{ cellSizeM: 0 }, /cellSizeM must be a positive number/],
    [{ cellSizeM: { x: new Float64Array([100]), y: 100 } }, /one width per row \(2\)/],
    [{ cellSizeM: { x: new Float64Array([100, NaN]), y: 100 } }, /cellSizeM.x\[1\]/],
    [{ sources: new Int32Array([4]) }, /sources\[0\] is cell 4, outside the grid's 4 cells/],
    [{ maxMinutes: -1 }, /maxMinutes must be >= 0/],
  ] as [Partial<CostDistanceInput>, RegExp][])('%o', (change, message) => {
    expect(() => costDistance({ ...ok, ...change })).toThrow(message);
  });
});
