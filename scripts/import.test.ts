import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { geoContains } from 'd3-geo';
import { fromArrayBuffer } from 'geotiff';
import * as parquet from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoundaries, rewindForD3 } from '../src/data/boundaries';
import { runPlausibility } from '../src/data/plausibility';
import { BOUNDARY_TOLERANCE_KM, FACILITY_FLAGS } from '../src/data/plausibilitySql';
import { haversineKm } from '../src/metrics/access';
import { validateFiles } from '../src/data/validateFiles';
import { createNodeDb } from '../src/db/nodeDb';

/**
 * End to end on the committed real Sierra Leone files, through the CLI as a user runs it. Every number is
 * checked against something computed without the import code: the 2015 census as published, d3-geo's
 * spherical point-in-polygon, the raster's own cells read with geotiff, the .dbf's own parent codes.
 */
const FIXTURES = 'src/import/fixtures/real/sierra-leone';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args], { encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const readTable = (file: string) => tableFromIPC(parquet.readParquet(readFileSync(file)).intoIPCStream()).toArray().map((r) => r.toJSON() as Record<string, unknown>);

let dir: string;
let first: ReturnType<typeof run>;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
  const inputs = readdirSync(FIXTURES).filter((f) => f !== 'mapping.json' && f !== 'README.md').map((f) => path.join(FIXTURES, f));
  first = run(...inputs, '--mapping', path.join(FIXTURES, 'mapping.json'), '--out', path.join(dir, 'out'));
}, 200_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run import on the real Sierra Leone files', () => {
  it('maps everything with the saved mapping (exit 0) and says how the hierarchy was built', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/level 2, 14 areas.*parent by parent code column \(admin1Pc_1\)/);
    expect(first.out).toContain('everything mapped');
  });

  it('writes files that npm run validate accepts', async () => {
    const out = path.join(dir, 'out');
    const db = await createNodeDb();
    try {
      const sources = ['regions', 'facilities', 'population'].map((t) => ({ file: `${t}.parquet`, bytes: new Uint8Array(readFileSync(path.join(out, `${t}.parquet`))) }));
      const report = await validateFiles(db, parquet, sources);
      expect(report.files.flatMap((f) => f.problems)).toEqual([]);
      expect(report.valid).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('regions carry the census as published (2015 PHC: 7,092,113 people) and the .dbf parent codes', async () => {
    const regions = readTable(path.join(dir, 'out', 'regions.parquet'));
    expect(regions.length).toBe(1 + 4 + 14);
    const byName = new Map(regions.map((r) => [`${r.level}:${r.name}`, r]));
    expect(byName.get('0:Sierra Leone')!.population).toBe(7092113);
    expect(byName.get('1:Eastern')!.population).toBe(1642370);
    expect(byName.get('2:Kailahun')!.population).toBe(526379);
    expect(byName.get('2:Bo')!.population).toBe(575478); // BO-SOUTH in the census, mapped in mapping.json
    expect(byName.get('2:Western Area Urban')!.population).toBe(1055964);
    // Parents as the ADM2 .dbf gives them (admin1Name), not as import computed them.
    const shp = await import('shpjs');
    const { unzipSync } = await import('fflate');
    const z = unzipSync(readFileSync(path.join(FIXTURES, 'sle_admbnda_adm2_1m_gov_ocha.zip')));
    const dbf = await shp.getShapefile({ shp: z['sle_admbnda_adm2_1m_gov_ocha.shp'], dbf: z['sle_admbnda_adm2_1m_gov_ocha.dbf'] });
    const ids = new Map(regions.map((r) => [r.region_id, r]));
    for (const f of dbf.features) {
      const district = byName.get(`2:${f.properties!.admin2Name}`)!;
      expect(ids.get(district.parent_id as string)!.name).toBe(f.properties!.admin1Name);
    }
    const sumDistricts = regions.filter((r) => r.level === 2).reduce((a, r) => a + (r.population as number), 0);
    expect(sumDistricts).toBe(7092113);
  });

  it('facilities per district agree with d3-geo point-in-polygon on the written boundaries', () => {
    const out = path.join(dir, 'out');
    const facilities = readTable(path.join(out, 'facilities.parquet'));
    expect(facilities.length).toBe(1097 - 23); // 23 lie in the sea, more than 10 km from any district (left out by the mapping)
    const fc = JSON.parse(readFileSync(path.join(out, 'boundaries.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    const districts = fc.features.filter((f) => f.properties!.level === 2).map((f) => ({ id: f.properties!.region_id as string, g: rewindForD3(f.geometry) }));
    let checked = 0;
    for (const f of facilities) {
      const hit = districts.find((d) => geoContains(d.g, [f.lon as number, f.lat as number]));
      if (!hit) continue; // just outside every district: placed in the nearest one (12 of them)
      expect(f.region_id, `${f.name}`).toBe(hit.id);
      checked++;
    }
    expect(checked).toBeGreaterThan(1050);
    const types = new Map<string, number>();
    for (const f of facilities) types.set(f.type as string, (types.get(f.type as string) ?? 0) + 1);
    expect([...types.keys()].sort()).toEqual(['clinic', 'health_centre', 'health_post', 'hospital']);
    const mapping = JSON.parse(readFileSync(path.join(out, 'mapping.json'), 'utf8'));
    expect(mapping.facilityType).toMatchObject({ 'Community Health Centre': 'health_centre', 'Maternal and child Health Post': 'health_post', Hospital: 'hospital', Clinic: 'clinic' });
    expect(mapping.ownership).toMatchObject({ Government: 'public', FBO: 'faith_based', NGO: 'ngo', Private: 'private', Parastatal: 'public' });
  });

  it('keeps the list\'s District as the stated district: outside_district fires as often as d3-geo and haversine say', async () => {
    const out = path.join(dir, 'out');
    const fc = JSON.parse(readFileSync(path.join(out, 'boundaries.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    const districts = fc.features.filter((f) => f.properties!.level === 2).map((f) => ({ id: f.properties!.region_id as string, name: f.properties!.name as string, geometry: f.geometry, g: rewindForD3(f.geometry) }));
    // The list's District as written, named as the COD names it (the one alias is the mapping's "Western Rural").
    const byName = new Map(districts.map((d) => [d.name, d]));
    const statedOf = (district: string) => byName.get(district === 'Western Rural' ? 'Western Area Rural' : district)!;
    const facilities = readTable(path.join(out, 'facilities.parquet'));
    const source = new Map((JSON.parse(readFileSync(path.join(FIXTURES, 'sle_health_facilities_cdc.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features.map((f) => [String(f.id), f.properties!.District as string]));
    // Independent of import's index and of the SQL: spherical point-in-polygon, haversine to points along the edges.
    const kmToOutline = (d: (typeof districts)[number], lat: number, lon: number) => {
      let best = Infinity;
      const rings = d.geometry.type === 'Polygon' ? d.geometry.coordinates : d.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          for (let k = 0; k < 20; k++) {
            const t = k / 20;
            best = Math.min(best, haversineKm(lat, lon, ring[i][1] + t * (ring[i + 1][1] - ring[i][1]), ring[i][0] + t * (ring[i + 1][0] - ring[i][0])));
          }
        }
      }
      return best;
    };
    let disagree = 0;
    const far: string[] = [];
    for (const f of facilities) {
      const stated = statedOf(source.get(f.facility_id as string)!);
      expect(f.stated_region_id, `${f.name}`).toBe(stated.id);
      const inside = districts.find((d) => geoContains(d.g, [f.lon as number, f.lat as number]));
      if (!inside || inside.id === stated.id) continue;
      disagree++;
      if (kmToOutline(stated, f.lat as number, f.lon as number) > BOUNDARY_TOLERANCE_KM) far.push(f.facility_id as string);
    }
    expect(first.out).toContain(`District kept as the stated district (stated_region_id); ${disagree} facilities lie inside another area than it states`);

    const db = await createNodeDb();
    try {
      const sources = ['regions', 'facilities'].map((t) => ({ file: `${t}.parquet`, bytes: new Uint8Array(readFileSync(path.join(out, `${t}.parquet`))) }));
      const report = await validateFiles(db, parquet, sources);
      const p = await runPlausibility(db, { loaded: new Set(report.loaded), boundaries: parseBoundaries(fc, 'boundaries.geojson') });
      const flagged = await db.rows<{ facility_id: string }>(`SELECT facility_id FROM ${FACILITY_FLAGS} WHERE flag = 'outside_district' ORDER BY 1`);
      expect(flagged.map((r) => r.facility_id)).toEqual(far.sort());
      expect(p.findings.find((x) => x.id === 'outside_district')!.count).toBe(far.length);
    } finally {
      await db.close();
    }
    // Measured on these files: 79 of the 1,074 placed facilities lie in another district than the list says, 59 of them more than 3 km out.
    expect([disagree, far.length]).toEqual([79, 59]);
  });

  it('population points conserve the raster total (read independently with geotiff)', async () => {
    const bytes = readFileSync(path.join(FIXTURES, 'sle_population_2015_synthetic_0p02deg.tif'));
    const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).getImage();
    const [band] = (await image.readRasters()) as unknown as Float32Array[];
    let total = 0;
    for (const v of band) if (v >= 0) total += v;
    const points = readTable(path.join(dir, 'out', 'population.parquet'));
    const sum = points.reduce((a, p) => a + (p.population as number), 0);
    expect(Math.abs(sum - total) / total).toBeLessThan(1e-9);
    expect(Math.round(total)).toBe(7092113); // the raster spreads the census totals
  });

  it('without the mapping, says what is unmapped, writes the guessed mapping and exits 1', () => {
    const out = path.join(dir, 'guess');
    const r = run(FIXTURES, '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/unmapped .*districts with no census row.*Bo \(SLE0301\)/);
    expect(r.out).toMatch(/unmapped .*facilities farther than 10 km from every district.*Waterloo Comm\. Health Ctr/);
    expect(r.out).toContain('what to do:');
    const guessed = JSON.parse(readFileSync(path.join(out, 'mapping.json'), 'utf8'));
    expect(guessed.files['sle_health_facilities_cdc.geojson'].columns).toMatchObject({ name: 'Facility_N', type: 'Facility_T', ownership: 'Ownership' });
  }, 200_000);

  it('reads the same list as a semicolon CSV with decimal commas, choosing Lat over an all-zero Latitude', () => {
    const fc = JSON.parse(readFileSync(path.join(FIXTURES, 'sle_health_facilities_cdc.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    const lines = ['Facility_N;Facility_T;Ownership;Lat;Long;Latitude'];
    for (const f of fc.features) {
      const p = f.properties!;
      lines.push([p.Facility_N, p.Facility_T, p.Ownership, String(p.Lat).replace('.', ','), String(p.Long).replace('.', ','), '0'].map((v) => `"${v}"`).join(';'));
    }
    const csvDir = path.join(dir, 'csv-in');
    rmSync(csvDir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', csvDir]);
    writeFileSync(path.join(csvDir, 'facilities.csv'), `\uFEFF${lines.join('\r')}`);
    const r = run(path.join(csvDir, 'facilities.csv'), path.join(FIXTURES, 'sle_admbnda_adm2_1m_gov_ocha.zip'), '--mapping', path.join(FIXTURES, 'mapping.json'), '--out', path.join(dir, 'csv-out'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/columns Lat \/ Long for location/);
    expect(readTable(path.join(dir, 'csv-out', 'facilities.parquet')).length).toBe(1074);
  }, 200_000);

  it('exits 2 on wrong usage', () => {
    expect(run(FIXTURES).code).toBe(2);
    expect(run('--out', dir).code).toBe(2);
    expect(run('no/such/file.csv', '--out', dir).code).toBe(2);
  }, 60_000);
});
