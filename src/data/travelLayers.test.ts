import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESSMOD_LANDCOVER_KMH, ACCESSMOD_SPEEDS_KMH } from '../metrics/frictionSurface';
import { LANDCOVER_CLASSES, parseBarriers, parseLandCover, parseRoads, ROAD_CLASSES } from './travelLayers';

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const line = (coordinates: unknown, props: unknown = { class: 'primary' }) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });

describe('roads.geojson and barriers.geojson', () => {
  it('accepts the demo files: 51 roads of known classes, 3 rivers and 2 lakes', () => {
    const roads = parseRoads(JSON.parse(readFileSync('data/roads.geojson', 'utf8')));
    const barriers = parseBarriers(JSON.parse(readFileSync('data/barriers.geojson', 'utf8')));
    expect(roads.length).toBe(51);
    expect(new Set(roads.map((r) => r.class))).toEqual(new Set(['primary', 'secondary', 'tertiary']));
    expect(barriers.map((b) => b.type)).toEqual(['LineString', 'LineString', 'LineString', 'Polygon', 'Polygon']);
  });

  it('knows exactly the classes frictionSurface has speeds for', () => expect([...ROAD_CLASSES]).toEqual(Object.keys(ACCESSMOD_SPEEDS_KMH)));

  it('names the file, the feature and the rule', () => {
    expect(() => parseRoads({ type: 'Feature' }, 'r.geojson')).toThrow('r.geojson: not a GeoJSON FeatureCollection');
    expect(() => parseRoads(fc([line([[0, 0], [1, 1]]), line([[0, 0], [1, 1]], { class: 'motorway' })]))).toThrow(
      'roads.geojson: feature 2 has class "motorway"; known classes are primary, trunk, secondary, tertiary, residential, unclassified, track, path',
    );
    expect(() => parseRoads(fc([line([[0, 0], [1, 1]], {})]))).toThrow('feature 1 has class null');
    expect(() => parseRoads(fc([{ type: 'Feature', properties: { class: 'primary' }, geometry: { type: 'Point', coordinates: [0, 0] } }]))).toThrow(
      'roads.geojson: feature 1 is a Point; roads must be LineString or MultiLineString',
    );
    expect(() => parseRoads(fc([line([[0, 0]])]))).toThrow('feature 1: every line needs at least 2 positions');
    expect(() => parseRoads(fc([line([[0, 0], [200, 1]])]))).toThrow('lon in -180..180');
    expect(() => parseBarriers(fc([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }]), 'b.geojson')).toThrow(
      'b.geojson: feature 1 is a Point; barriers must be Polygon, MultiPolygon (lakes), LineString or MultiLineString (rivers)',
    );
    expect(() => parseBarriers(fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] } }]))).toThrow('at least 4 positions');
    expect(() => parseBarriers(fc([{ type: 'Feature', properties: {}, geometry: null }]))).toThrow('feature 1 has no geometry');
  });

  it('landcover.geojson: polygons of a known class; the file, feature and rule named otherwise', () => {
    expect([...LANDCOVER_CLASSES]).toEqual(Object.keys(ACCESSMOD_LANDCOVER_KMH));
    const area = (props: unknown, geometry: unknown = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }) => ({ type: 'Feature', properties: props, geometry });
    expect(parseLandCover(fc([area({ class: 'dense_vegetation' }), area({ class: 'bare' }, { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] })])).map((a) => a.class)).toEqual(['dense_vegetation', 'bare']);
    expect(() => parseLandCover(fc([area({ class: 'forest' })]), 'lc.geojson')).toThrow(
      'lc.geojson: feature 1 has class "forest"; known land-cover classes are built_up, bare, low_vegetation, medium_vegetation, dense_vegetation',
    );
    expect(() => parseLandCover(fc([area({ class: 'bare' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] })]))).toThrow('landcover.geojson: feature 1 is a LineString; land cover must be Polygon or MultiPolygon');
    expect(() => parseLandCover(fc([area({ class: 'bare' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })]))).toThrow('at least 4 positions');
  });
});
