import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { rewindForD3 } from '../data/boundaries';
import { PolygonIndex } from './polygonIndex';

/** A 14 x 14 patchwork of wobbly polygons (196, 40 vertices each) with a hole in one, over 14° x 14°. */
function patchwork(): { id: string; geometry: GeoJSON.Polygon }[] {
  const out: { id: string; geometry: GeoJSON.Polygon }[] = [];
  for (let i = 0; i < 14; i++) for (let j = 0; j < 14; j++) {
    const ring: number[][] = [];
    const edge = (t: number, x0: number, y0: number, x1: number, y1: number) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
    const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
    for (let k = 0; k < 4; k++) for (let s = 0; s < 10; s++) {
      const [x, y] = edge(s / 10, corners[k][0], corners[k][1], corners[(k + 1) % 4][0], corners[(k + 1) % 4][1]);
      // Shared edges wobble the same way seen from both sides, so that the patchwork has no gaps.
      const w = 0.08 * Math.sin(7 * (x + y));
      ring.push(k % 2 === 0 ? [x, y + (s === 0 ? 0 : w)] : [x + (s === 0 ? 0 : w), y]);
    }
    ring.push(ring[0]);
    const rings = [ring];
    if (i === 3 && j === 3) rings.push([[3.4, 3.4], [3.4, 3.6], [3.6, 3.6], [3.6, 3.4], [3.4, 3.4]]);
    out.push({ id: `R${i}_${j}`, geometry: { type: 'Polygon', coordinates: rings } });
  }
  return out;
}

describe('PolygonIndex', () => {
  const polys = patchwork();
  const index = new PolygonIndex(polys);

  it('agrees with d3-geo geoContains (spherical, independent) on 2,000 points', () => {
    const d3polys = polys.map((p) => rewindForD3(p.geometry));
    let seed = 3, disagree = 0;
    for (let n = 0; n < 2000; n++) {
      seed = (seed * 48271) % 2147483647; const x = -0.5 + (seed / 2147483647) * 15;
      seed = (seed * 48271) % 2147483647; const y = -0.5 + (seed / 2147483647) * 15;
      const mine = index.locate(x, y);
      const theirs = d3polys.findIndex((g) => geoContains(g, [x, y]));
      // Planar and spherical edges differ by metres near a boundary: allow a handful of border points.
      if (mine !== theirs) disagree++;
    }
    expect(disagree).toBeLessThan(10);
  });

  it('honours holes and says -1 outside', () => {
    expect(index.locate(3.5, 3.5)).toBe(-1);
    expect(index.ids[index.locate(3.2, 3.2)]).toBe('R3_3');
    expect(index.locate(20, 20)).toBe(-1);
    expect(index.nearest(14.05, 7.5, 10)?.index).toBe(index.ids.indexOf('R13_7'));
    expect(index.nearest(16, 7.5, 10)).toBeNull();
  });

  it('places 1 M points among 196 polygons (timing printed; target < 3 s)', () => {
    const n = 1_000_000;
    const xs = new Float64Array(n), ys = new Float64Array(n);
    let seed = 11;
    for (let i = 0; i < n; i++) {
      seed = (seed * 48271) % 2147483647; xs[i] = (seed / 2147483647) * 14;
      seed = (seed * 48271) % 2147483647; ys[i] = (seed / 2147483647) * 14;
    }
    const t0 = performance.now();
    let found = 0;
    for (let i = 0; i < n; i++) if (index.locate(xs[i], ys[i]) >= 0) found++;
    const ms = performance.now() - t0;
    console.log(`PolygonIndex: ${n} points x ${polys.length} polygons in ${ms.toFixed(0)} ms`);
    expect(found).toBeGreaterThan(n * 0.95);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('PolygonIndex on the real OCHA districts of Sierra Leone', () => {
  it('places 1 M points among 14 detailed district outlines (timing printed)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readShapefileZip } = await import('./readGeo');
    const [adm2] = await readShapefileZip(readFileSync('src/import/fixtures/real/sierra-leone/sle_admbnda_adm2_1m_gov_ocha.zip'), 'adm2.zip');
    const index = new PolygonIndex(adm2.features.map((f, i) => ({ id: String(i), geometry: f.geometry as GeoJSON.Polygon })));
    const vertices = adm2.features.reduce((a, f) => a + JSON.stringify((f.geometry as GeoJSON.Polygon).coordinates).split('],[').length, 0);
    const n = 1_000_000;
    let seed = 5, found = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      seed = (seed * 48271) % 2147483647; const x = -13.3 + (seed / 2147483647) * 3.03;
      seed = (seed * 48271) % 2147483647; const y = 6.92 + (seed / 2147483647) * 3.08;
      if (index.locate(x, y) >= 0) found++;
    }
    const ms = performance.now() - t0;
    console.log(`PolygonIndex: ${n} points x 14 real districts (about ${vertices} vertices) in ${ms.toFixed(0)} ms; ${found} inside`);
    expect(found).toBeGreaterThan(n * 0.6);
    expect(ms).toBeLessThan(10_000);
  });

  it('gives the same answer with and without its grid of answers: random points, every vertex, every edge midpoint', async () => {
    const { readFileSync } = await import('node:fs');
    const { readShapefileZip } = await import('./readGeo');
    const [adm2] = await readShapefileZip(readFileSync('src/import/fixtures/real/sierra-leone/sle_admbnda_adm2_1m_gov_ocha.zip'), 'adm2.zip');
    const items = adm2.features.map((f, i) => ({ id: String(i), geometry: f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon }));
    const fast = new PolygonIndex(items);
    const exact = new PolygonIndex(items, { grid: false });
    const points: [number, number][] = [];
    let seed = 17;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 48271) % 2147483647; const x = -13.4 + (seed / 2147483647) * 3.2;
      seed = (seed * 48271) % 2147483647; const y = 6.85 + (seed / 2147483647) * 3.2;
      points.push([x, y]);
    }
    for (const it of items) {
      const polys = it.geometry.type === 'Polygon' ? [it.geometry.coordinates] : it.geometry.coordinates;
      for (const ring of polys.flat()) for (let j = 0; j + 1 < ring.length; j++) {
        points.push([ring[j][0], ring[j][1]], [(ring[j][0] + ring[j + 1][0]) / 2, (ring[j][1] + ring[j + 1][1]) / 2]);
      }
    }
    // Twice over, so that the second pass reads answers the first one cached.
    let differ = 0;
    for (let pass = 0; pass < 2; pass++) for (const [x, y] of points) if (fast.locate(x, y) !== exact.locate(x, y)) differ++;
    expect(points.length).toBeGreaterThan(240_000);
    expect(differ).toBe(0);
  });
});
