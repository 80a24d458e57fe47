import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESSMOD_LANDCOVER_KMH, ACCESSMOD_SPEEDS_KMH } from '../metrics/frictionSurface';
import { parseBarriers, parseLandCover, parseRoads } from '../data/travelLayers';
import { classifyGeoJson, importTravelFiles, OSM_HIGHWAY_CLASS, OSM_LANDCOVER_CLASS, readBarriers, readLandCover, readRoads, readTravelFiles } from './travelFiles';

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const line = (props: unknown, coordinates: unknown = [[10, 5], [10.1, 5.1]]) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });
const poly = (props: unknown) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[10, 5], [10.1, 5], [10.1, 5.1], [10, 5]]] } });
const point = (props: unknown) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [10, 5] } });
const bytes = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));

describe('travel-time files among the user\'s files', () => {
  it('tells roads, water and boundaries apart by region_id, then name, then tags; refuses untagged lines saying what to do', () => {
    expect(classifyGeoJson(fc([poly({ region_id: 'D01' })]), 'water_districts.geojson').kind).toBe('boundaries');
    expect(classifyGeoJson(fc([line({ highway: 'primary' })]), 'export.geojson').kind).toBe('roads');
    expect(classifyGeoJson(fc([line({ name: 'x' })]), 'my_roads.geojson').kind).toBe('roads');
    expect(classifyGeoJson(fc([line({ waterway: 'river' }), poly({ natural: 'water' })]), 'export.geojson').kind).toBe('barriers');
    expect(classifyGeoJson(fc([poly({ name: 'Lake' })]), 'lakes.geojson').kind).toBe('barriers');
    expect(classifyGeoJson(fc([poly({ name: 'North' })]), 'districts.geojson').kind).toBe('boundaries');
    expect(classifyGeoJson({ type: 'Topology', objects: {} }, 'x.topojson').kind).toBe('boundaries');
    expect(classifyGeoJson(fc([poly({ name: 'x' })]), 'land_cover_2020.geojson').kind).toBe('landcover');
    expect(classifyGeoJson(fc([poly({ natural: 'wood' }), poly({ landuse: 'farmland' })]), 'export.geojson').kind).toBe('landcover');
    expect(classifyGeoJson(fc([poly({ class: 'dense_vegetation' })]), 'areas.geojson').kind).toBe('landcover');
    expect(classifyGeoJson(fc([poly({ natural: 'water' }), poly({ natural: 'wood' })]), 'export.geojson').kind).toBe('barriers');
    const refused = classifyGeoJson(fc([line({ name: 'x' })]), 'lines.geojson');
    expect(refused).toEqual({ kind: 'refused', message: expect.stringContaining('lines.geojson: lines with neither a road class') });
  });

  it('OSM highway values map to AccessMod classes that have speeds; motorway takes the fastest', () => {
    for (const cls of Object.values(OSM_HIGHWAY_CLASS)) expect(ACCESSMOD_SPEEDS_KMH[cls], cls).toBeGreaterThan(0);
    const max = Math.max(...Object.values(ACCESSMOD_SPEEDS_KMH));
    expect(ACCESSMOD_SPEEDS_KMH[OSM_HIGHWAY_CLASS.motorway]).toBe(max);
    expect(OSM_HIGHWAY_CLASS.footway).toBe('path');
  });

  it('reads OSM roads: class first, else highway; non-roads and points skipped and counted in the message', () => {
    const r = readRoads(fc([
      line({ highway: 'motorway' }), line({ highway: 'residential' }), line({ class: 'tertiary', highway: 'primary' }),
      line({ highway: 'construction' }), line({ highway: 'construction' }), line({ highway: 'proposed' }), point({ highway: 'bus_stop' }),
    ]), 'osm.geojson');
    expect(r.roads.map((x) => x.class)).toEqual(['primary', 'residential', 'tertiary']);
    expect(r.message).toBe('osm.geojson: 3 roads loaded for travel time (1 primary, 1 tertiary, 1 residential); skipped 4: highway=construction (2), highway=proposed (1), Point geometry (1)');
    expect(() => readRoads(fc([point({ highway: 'bus_stop' })]), 'stops_roads.geojson')).toThrow(/^stops_roads\.geojson: no road to use: Point geometry \(1\); roads are lines with a `class`/);
    expect(() => readRoads(fc([line({ highway: 'primary' }, [[10, 5], [200, 5]])]), 'r.geojson')).toThrow('r.geojson: feature 1: every line needs at least 2 positions');
  });

  it('reads land cover: a class first, else OSM natural / landuse tags; the rest skipped and counted; none is an error', () => {
    for (const cls of Object.values(OSM_LANDCOVER_CLASS)) expect(ACCESSMOD_LANDCOVER_KMH[cls], cls).toBeGreaterThan(0);
    const l = readLandCover(fc([poly({ natural: 'wood' }), poly({ landuse: 'forest' }), poly({ class: 'bare', natural: 'wood' }), poly({ natural: 'scrub' }), poly({ landuse: 'cemetery' }), poly({ class: 'swamp' }), line({ natural: 'wood' })]), 'osm_land.geojson');
    expect(l.areas.map((a) => a.class)).toEqual(['dense_vegetation', 'dense_vegetation', 'bare', 'medium_vegetation']);
    expect(l.message).toBe('osm_land.geojson: 4 land-cover areas loaded for travel time (1 bare, 1 medium_vegetation, 2 dense_vegetation; walking speed off the roads); skipped 3: no land-cover class or tag (1), class=swamp (1), LineString geometry (1)');
    expect(() => readLandCover(fc([poly({ landuse: 'cemetery' })]), 'landcover.geojson')).toThrow(/^landcover\.geojson: no land cover to use: no land-cover class or tag \(1\); land cover is polygons with a `class`/);
  });

  it('reads barriers: lines and polygons kept, points skipped; none is an error', () => {
    const b = readBarriers(fc([line({ waterway: 'river' }), poly({ natural: 'water' }), point({ natural: 'spring' })]), 'water.geojson');
    expect(b.barriers.map((x) => x.type)).toEqual(['LineString', 'Polygon']);
    expect(b.message).toBe('water.geojson: 2 barriers loaded for travel time (1 lines, 1 polygons; crossed only where a road passes); skipped 1 features that are not lines or polygons');
    expect(() => readBarriers(fc([point({})]), 'water.geojson')).toThrow('water.geojson: no line or polygon');
  });

  it('a batch: roads, water, a friction GeoTIFF by mode taken; boundaries and Parquet left; a population GeoTIFF refused with what to do', async () => {
    const files = [
      { name: 'roads.geojson', bytes: bytes(fc([line({ highway: 'trunk' })])) },
      { name: 'rivers.geojson', bytes: bytes(fc([line({})])) },
      { name: 'boundaries.geojson', bytes: bytes(fc([poly({ region_id: 'D01' })])) },
      { name: 'friction_walking.tif', bytes: readFileSync('src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif') },
      { name: 'worldpop.tif', bytes: new Uint8Array(4) },
      { name: 'facilities.parquet', bytes: new Uint8Array(4) },
      { name: 'broken_friction.tif', bytes: new Uint8Array(4) },
    ];
    const { layers, reports, taken } = await readTravelFiles(files);
    expect([...taken].sort()).toEqual(['broken_friction.tif', 'friction_walking.tif', 'rivers.geojson', 'roads.geojson', 'worldpop.tif']);
    expect(layers.roads?.roads.map((r) => r.class)).toEqual(['trunk']);
    expect(layers.barriers?.barriers.length).toBe(1);
    expect(Object.keys(layers.friction)).toEqual(['walking']);
    expect(layers.friction.walking!.barrierCells).toBe(2476);
    expect(reports.map((r) => [r.file, r.ok])).toEqual([
      ['roads.geojson', true], ['rivers.geojson', true], ['friction_walking.tif', true], ['worldpop.tif', false], ['broken_friction.tif', false],
    ]);
    expect(reports[2].message).toBe('friction_walking.tif: friction surface loaded for travel time (walking; 100 x 100 cells, 2476 barriers)');
    expect(reports[3].message).toContain('a population raster goes through "Import files as you have them"');
    expect(reports[4].message).toMatch(/^broken_friction\.tif: not loaded: not a readable GeoTIFF .*\(rule: readable\)$/);
  });

  it('for Import: OSM roads become the contract\'s roads.geojson (with class), water barriers.geojson, friction rasters kept; the rest passes on', async () => {
    const friction = readFileSync('src/import/fixtures/real/madagascar/friction_map2015_toamasina_100.tif');
    const r = await importTravelFiles([
      { name: 'in/osm_export.geojson', bytes: bytes(fc([line({ highway: 'secondary_link', name: 'A' }), line({ highway: 'footway' })])) },
      { name: 'in/lakes.geojson', bytes: bytes(fc([poly({ natural: 'water' })])) },
      { name: 'in/osm_landuse.geojson', bytes: bytes(fc([poly({ landuse: 'forest' }), poly({ natural: 'grassland' })])) },
      { name: 'in/friction_motorised.tif', bytes: friction },
      { name: 'in/facilities.csv', bytes: new Uint8Array(1) },
      { name: 'in/worldpop.tif', bytes: new Uint8Array(1) },
      { name: 'in/adm2.geojson', bytes: bytes(fc([poly({ region_id: 'D1' })])) },
    ]);
    expect(r.outputs.map((o) => o.name)).toEqual(['roads.geojson', 'barriers.geojson', 'landcover.geojson', 'friction_motorised.tif']);
    const decode = (i: number) => JSON.parse(new TextDecoder().decode(r.outputs[i].bytes));
    expect(parseRoads(decode(0)).map((x) => x.class)).toEqual(['secondary', 'path']);
    expect(parseBarriers(decode(1)).map((x) => x.type)).toEqual(['Polygon']);
    expect(parseLandCover(decode(2)).map((x) => x.class)).toEqual(['dense_vegetation', 'low_vegetation']);
    expect(r.outputs[3].bytes).toBe(friction);
    expect(r.rest.map((f) => f.name)).toEqual(['in/facilities.csv', 'in/worldpop.tif', 'in/adm2.geojson']);
    expect(r.notes[0]).toBe('osm_export.geojson: 2 roads loaded for travel time (1 secondary, 1 path)');
  });
});
