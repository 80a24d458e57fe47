import { describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../data/demoManifest';
import { sessionTables } from './sessionTables';

const DEMO_ORDER = DEMO_DATASET.tables.map((t) => t.table);

describe('tables a session loads', () => {
  it('loads everything, in manifest order, when no subset is asked for', () => {
    expect(sessionTables(DEMO_ORDER)).toEqual([...DEMO_ORDER]);
  });
  it('adds the tables that foreign keys point to, keys first', () => {
    expect(sessionTables(DEMO_ORDER, ['facilities'])).toEqual(['regions', 'facilities']);
    expect(sessionTables(DEMO_ORDER, ['coverage'])).toEqual(['regions', 'indicator_catalog', 'coverage']);
    expect(sessionTables(DEMO_ORDER, ['partnerships'])).toEqual(['regions', 'facilities', 'partnerships']);
  });
  it('names an unknown table', () => {
    expect(() => sessionTables(DEMO_ORDER, ['patients' as never])).toThrow('unknown table: patients');
  });
});
