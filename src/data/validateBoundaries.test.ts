import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookalikeHints, notParquetHint } from './importHints';
import { validateBoundaries } from './validateBoundaries';

const square = (id: string | undefined, x = 0) => ({ type: 'Feature', properties: id === undefined ? { name: 'A' } : { region_id: id }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('validateBoundaries', () => {
  it('accepts the demo boundaries against the demo regions ids', () => {
    const text = readFileSync('data/boundaries.geojson', 'utf8');
    const ids = new Set((JSON.parse(text) as GeoJSON.FeatureCollection).features.map((f) => f.properties!.region_id as string).concat('XX'));
    expect(validateBoundaries(text, ids).problems).toEqual([]);
  });

  it('names points, missing and unknown keys, duplicates and undrawn districts', () => {
    const points = validateBoundaries(fc({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }), null);
    expect(points.problems[0].message).toMatch(/holds points: facilities, not boundaries/);
    const r = validateBoundaries(fc(square('D1'), square('D1', 2), square('D9', 4), square(undefined, 6)), new Set(['D1', 'D2']), new Set(['D1', 'D2']));
    const byRule = Object.fromEntries(r.problems.map((p) => [p.rule, p]));
    expect(byRule['region_id present'].rows).toBe(1);
    expect(byRule['region_id present'].message).toMatch(/\(properties: name\); use Import/);
    expect(byRule['region_id unique'].examples).toEqual(['D1']);
    expect(byRule['key resolves'].examples).toEqual(['D9']);
    expect(byRule['every district drawn']).toMatchObject({ severity: 'warning', examples: ['D2'] });
  });
});

describe('import hints', () => {
  it('column `Latitude` looks like `lat`', () => {
    expect(lookalikeHints(['Facility_N', 'Latitude', 'Long'], ['lat', 'lon', 'name']).map((h) => h.message)).toEqual([
      'column `Latitude` looks like `lat`: use Import (npm run import), or rename it',
      'column `Long` looks like `lon`: use Import (npm run import), or rename it',
      'column `Facility_N` looks like `name`: use Import (npm run import), or rename it',
    ]);
  });

  it('says what a non-Parquet file is and to use Import', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(notParquetHint('census.csv', enc('district;population\nBo;1\n'))).toMatch(/^CSV is not Parquet: use Import/);
    expect(notParquetHint('f.geojson', enc('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point"'))).toMatch(/holds points: facilities, not boundaries/);
    expect(notParquetHint('f.parquet', enc('PAR1....'))).toBeNull();
  });
});
