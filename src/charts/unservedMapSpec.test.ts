import { describe, expect, it } from 'vitest';
import { unservedBlocks } from './unservedMapSpec';

describe('unservedBlocks', () => {
  it('sums the unserved people into blocks without losing any', () => {
    const grid = { west: 10, north: 5, cellLonDeg: 0.01, cellLatDeg: 0.01, width: 200, height: 100 };
    const residual = new Float64Array(200 * 100);
    residual[0] = 3; residual[1] = 4; residual[201] = 5; residual[199 + 200 * 99] = 7;
    const blocks = unservedBlocks(grid, residual, 100);
    expect(blocks.reduce((s, b) => s + b.people, 0)).toBe(19);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ lon: 10.01, lat: 4.99, people: 12 });
  });
});
