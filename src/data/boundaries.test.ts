import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, rewindForD3 } from './boundaries';

const ccwSquare = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('boundaries', () => {
  it('rewinds an RFC 7946 (counter-clockwise) exterior ring to clockwise for d3-geo, and leaves a clockwise one alone', () => {
    const fixed = rewindForD3({ type: 'Polygon', coordinates: [ccwSquare] });
    expect(fixed.coordinates[0]).toEqual([...ccwSquare].reverse());
    expect(rewindForD3(fixed)).toEqual(fixed);
  });

  it('parses the demo boundaries: 7 provinces and 48 districts keyed by region_id', () => {
    const features = parseBoundaries(JSON.parse(readFileSync('data/boundaries.geojson', 'utf8')), 'boundaries.geojson');
    expect(features.filter((f) => f.properties.level === 1)).toHaveLength(7);
    expect(features.filter((f) => f.properties.level === 2)).toHaveLength(48);
  });

  it('reads TopoJSON: each object becomes features keyed by region_id', () => {
    // One square arc, quantised; the polygon references arc 0.
    const topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: { districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { region_id: 'D1', level: 2, name: 'One' } }] } },
    };
    const [f] = parseBoundaries(topology, 'd.topojson');
    expect(f.properties).toEqual({ region_id: 'D1', level: 2, parent_id: null, name: 'One' });
    expect(f.geometry.coordinates[0]).toEqual([...ccwSquare].reverse());
  });

  it('names the file and the feature when the input is wrong', () => {
    expect(() => parseBoundaries({ type: 'Feature' }, 'b.json')).toThrow('b.json: not a GeoJSON FeatureCollection or a TopoJSON Topology');
    expect(() => parseBoundaries({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ccwSquare] } }] }, 'b.json'))
      .toThrow('b.json: feature 1 has no region_id property');
  });
});
