import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { haversineKm } from '../metrics/access';
import { mulberry32 } from '../metrics/random';
import { demoDb } from '../queries/demoDb';
import { parseBoundaries, type BoundaryFeature } from './boundaries';
import { runPlausibility } from './plausibility';
import { BOUNDARY_TOLERANCE_KM, boundaryEdgeRows, boundaryTablesSql, EXAMPLES, FACILITY_FLAGS, pointInRegionsSql } from './plausibilitySql';

const boundaries = parseBoundaries(JSON.parse(readFileSync('data/boundaries.geojson', 'utf8')), 'boundaries.geojson');
const districts = boundaries.filter((b) => b.properties.level === 2);

// Independent of the SQL's even-odd ray casting: the winding number (Sunday's algorithm), non-zero = inside.
// parseBoundaries winds exteriors one way and holes the other, so holes come out at winding 0.
function windingInside(f: BoundaryFeature, x: number, y: number): boolean {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let w = 0;
  for (const ring of polys.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
      if (y1 <= y && y2 > y && side > 0) w++;
      else if (y1 > y && y2 <= y && side < 0) w--;
    }
  }
  return w !== 0;
}

// Independent of the SQL's projected point-to-segment distance: haversine to 200 points along each edge.
function kmToBoundary(f: BoundaryFeature, lat: number, lon: number): number {
  let best = Infinity;
  for (const e of boundaryEdgeRows([f])) {
    for (let k = 0; k <= 200; k++) {
      const t = k / 200;
      best = Math.min(best, haversineKm(lat, lon, e.y1 + t * (e.y2 - e.y1), e.x1 + t * (e.x2 - e.x1)));
    }
  }
  return best;
}

const db = withNodeDb(() => demoDb(['regions', 'facilities', 'population', 'coverage', 'indicator_catalog']), 60_000);

describe('point in polygon (planar ray casting in SQL)', () => {
  it('agrees with a winding-number count on 3,000 random points over the demo boundaries', async () => {
    for (const sql of boundaryTablesSql(boundaryEdgeRows(boundaries), 500)) await db.rows(sql);
    const xs = boundaries.flatMap((b) => boundaryEdgeRows([b]).flatMap((e) => [e.x1]));
    const ys = boundaries.flatMap((b) => boundaryEdgeRows([b]).flatMap((e) => [e.y1]));
    const [x0, x1, y0, y1] = [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5, Math.min(...ys) - 0.5, Math.max(...ys) + 0.5];
    const rand = mulberry32(7);
    const pts = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, x: x0 + rand() * (x1 - x0), y: y0 + rand() * (y1 - y0) }));
    await db.rows(`CREATE OR REPLACE TABLE pts AS SELECT * FROM (VALUES ${pts.map((p) => `('${p.id}', ${p.x}, ${p.y})`).join(', ')}) v(id, x, y)`);
    const got = await db.rows<{ id: string; region_id: string }>(`${pointInRegionsSql('SELECT * FROM pts')} ORDER BY 1, 2`);
    const want = pts.flatMap((p) => boundaries.filter((b) => windingInside(b, p.x, p.y)).map((b) => ({ id: p.id, region_id: b.properties.region_id })))
      .sort((a, b) => a.id.localeCompare(b.id) || a.region_id.localeCompare(b.region_id));
    expect(got).toEqual(want);
    // Both outcomes occur: points in no region (sea, abroad) and points in a district and its province.
    const inside = new Set(got.map((g) => g.id));
    expect(inside.size).toBeGreaterThan(300);
    expect(pts.length - inside.size).toBeGreaterThan(300);
  });

  it('handles a hole and a two-part region (even-odd rule)', async () => {
    const square = (x: number, y: number, s: number, cw: boolean) => {
      const r = [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
      return cw ? r.reverse() : r;
    };
    const f: BoundaryFeature[] = [
      { type: 'Feature', properties: { region_id: 'H', level: 2, parent_id: null, name: 'H' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, true), square(4, 4, 2, false)] } },
      { type: 'Feature', properties: { region_id: 'M', level: 2, parent_id: null, name: 'M' }, geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 1, true)], [square(30, 0, 1, true)]] } },
    ];
    for (const sql of boundaryTablesSql(boundaryEdgeRows(f))) await db.rows(sql);
    await db.rows(`CREATE OR REPLACE TABLE pts AS SELECT * FROM (VALUES ('ring', 1.0, 1.0), ('hole', 5.0, 5.0), ('out', 11.0, 5.0), ('m1', 20.5, 0.5), ('m2', 30.5, 0.5), ('gap', 25.0, 0.5)) v(id, x, y)`);
    expect(await db.rows(`${pointInRegionsSql('SELECT * FROM pts')} ORDER BY 1`)).toEqual([
      { id: 'm1', region_id: 'M' }, { id: 'm2', region_id: 'M' }, { id: 'ring', region_id: 'H' },
    ]);
  });
});

describe('plausibility checks on the demo with a few facilities moved', () => {
  it('finds nothing in the demo itself (its boundaries miss some points by < 3 km: within the tolerance)', async () => {
    const r = await runPlausibility(db, { loaded: new Set(['regions', 'facilities', 'population', 'coverage', 'indicator_catalog']), boundaries });
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => [f.id, f.count])).toEqual([
      ['outside_boundaries', 0], ['outside_district', 0], ['swapped_lat_lon', 0], ['duplicate', 0],
      ['district_no_points', 0], ['district_points_sum', 0], ['coverage_scale', 0], ['coverage_ci_scale', 0],
    ]);
  });

  it('flags a facility in the sea, one in the wrong district (with the distance), swapped coordinates and a duplicate', async () => {
    const fac = await db.rows<{ facility_id: string; name: string; region_id: string; lat: number; lon: number }>(
      `SELECT facility_id, name, region_id, lat, lon FROM facilities ORDER BY facility_id`);
    const own = (r: string) => districts.find((d) => d.properties.region_id === r)!;
    // Clearly inside their district (far from its edges), so the moves below are the only findings.
    const deep = fac.filter((f) => windingInside(own(f.region_id), f.lon, f.lat) && kmToBoundary(own(f.region_id), f.lat, f.lon) > 5);
    const [sea, moved, swapped, dup] = [deep[10], deep[200], deep[400], deep[600]];
    const target = deep.find((f) => f.region_id !== moved.region_id && kmToBoundary(own(moved.region_id), f.lat, f.lon) > 20)!;
    const seaLon = Math.max(...boundaryEdgeRows(boundaries).map((e) => e.x1)) + 1.5;
    await db.rows(`UPDATE facilities SET lon = ${seaLon} WHERE facility_id = '${sea.facility_id}'`);
    await db.rows(`UPDATE facilities SET lat = ${target.lat}, lon = ${target.lon} WHERE facility_id = '${moved.facility_id}'`);
    await db.rows(`UPDATE facilities SET lat = ${swapped.lon}, lon = ${swapped.lat} WHERE facility_id = '${swapped.facility_id}'`);
    // Same name (other case, extra spaces) 55 m north: a duplicate; a third copy 220 m north is 165 m from the second: not one.
    await db.rows(`INSERT INTO facilities SELECT * REPLACE ('DUP1' AS facility_id, '  ' || upper(name) || ' ' AS name, lat + 0.0005 AS lat) FROM facilities WHERE facility_id = '${dup.facility_id}'`);
    await db.rows(`INSERT INTO facilities SELECT * REPLACE ('FAR1' AS facility_id, lat + 0.002 AS lat) FROM facilities WHERE facility_id = '${dup.facility_id}'`);

    const r = await runPlausibility(db, { loaded: new Set(['regions', 'facilities']), boundaries });
    const by = Object.fromEntries(r.findings.map((f) => [f.id, f]));
    expect(by.outside_boundaries.count).toBe(2); // the sea point and the swapped one
    expect(by.outside_district.count).toBe(1);
    expect(by.swapped_lat_lon.count).toBe(1);
    expect(by.duplicate.count).toBe(2);
    expect(r.skipped.map((s) => s.id)).toEqual(['district_no_points', 'district_points_sum', 'coverage_scale', 'coverage_ci_scale']);

    const flags = await db.rows<{ facility_id: string; flag: string; found_in: string | null; km: number | null }>(
      `SELECT facility_id, flag, found_in, km FROM ${FACILITY_FLAGS} ORDER BY facility_id, flag`);
    const flag = (id: string, f: string) => flags.find((x) => x.facility_id === id && x.flag === f);
    expect(flag(moved.facility_id, 'outside_district')?.found_in).toBe(target.region_id);
    const km = kmToBoundary(own(moved.region_id), target.lat, target.lon);
    expect(km).toBeGreaterThan(BOUNDARY_TOLERANCE_KM);
    expect(Math.abs(flag(moved.facility_id, 'outside_district')!.km! - km) / km).toBeLessThan(0.01);
    const seaKm = kmToBoundary(own(sea.region_id), sea.lat, seaLon);
    expect(Math.abs(flag(sea.facility_id, 'outside_boundaries')!.km! - seaKm) / seaKm).toBeLessThan(0.01);
    expect(flag(swapped.facility_id, 'swapped_lat_lon')?.found_in).toBe(swapped.region_id);
    expect(flags.filter((x) => x.flag === 'duplicate').map((x) => [x.facility_id, x.found_in]).sort()).toEqual([['DUP1', dup.facility_id], [dup.facility_id, 'DUP1']].sort());
    expect(by.outside_district.examples[0]).toContain(`stated ${moved.region_id}, lies in ${target.region_id}`);

    // An imported list: region_id is where the point lies, stated_region_id what the list says. The stated one is checked.
    const listed = deep[800];
    const elsewhere = deep.find((f) => f.region_id !== listed.region_id && kmToBoundary(own(f.region_id), listed.lat, listed.lon) > 20)!;
    await db.rows(`UPDATE facilities SET stated_region_id = '${elsewhere.region_id}' WHERE facility_id = '${listed.facility_id}'`);
    await db.rows(`UPDATE facilities SET stated_region_id = region_id WHERE facility_id = '${deep[801].facility_id}'`);
    const again = await runPlausibility(db, { loaded: new Set(['regions', 'facilities']), boundaries });
    expect(again.findings.find((f) => f.id === 'outside_district')!.count).toBe(2);
    const [g] = await db.rows<{ region_id: string; found_in: string; km: number }>(`SELECT region_id, found_in, km FROM ${FACILITY_FLAGS} WHERE facility_id = '${listed.facility_id}'`);
    expect(g).toMatchObject({ region_id: elsewhere.region_id, found_in: listed.region_id });
    const listedKm = kmToBoundary(own(elsewhere.region_id), listed.lat, listed.lon);
    expect(Math.abs(g.km - listedKm) / listedKm).toBeLessThan(0.01);
  });

  it('flags districts without points and sums off by more than 10%, and coverage outside its scale; at most 5 examples', async () => {
    await db.rows(`DELETE FROM population WHERE region_id = 'D05'`);
    await db.rows(`UPDATE population SET population = population * 1.2 WHERE region_id = 'D07'`);
    await db.rows(`UPDATE population SET population = population * 1.05 WHERE region_id = 'D08'`); // within 10%
    await db.rows(`UPDATE coverage SET estimate = 100 + row_number FROM (SELECT rowid AS r, row_number() OVER () AS row_number FROM coverage LIMIT 7) s WHERE coverage.rowid = s.r`);
    await db.rows(`UPDATE coverage SET ci_low = -1 WHERE rowid IN (SELECT rowid FROM coverage WHERE ci_low IS NOT NULL ORDER BY rowid DESC LIMIT 2)`);
    const r = await runPlausibility(db, { loaded: new Set(['regions', 'population', 'coverage', 'indicator_catalog']), boundaries: null });
    const by = Object.fromEntries(r.findings.map((f) => [f.id, f]));
    expect([by.district_no_points.count, by.district_points_sum.count, by.coverage_scale.count, by.coverage_ci_scale.count]).toEqual([1, 1, 7, 2]);
    expect(by.district_points_sum.examples).toEqual([expect.stringMatching(/^D07: .*\(\+20%\)$/)]);
    expect(by.coverage_scale.examples).toHaveLength(EXAMPLES);
    expect(r.skipped.map((s) => [s.id, s.reason])).toContainEqual(['outside_boundaries', 'no facilities table loaded']);
  });
});
