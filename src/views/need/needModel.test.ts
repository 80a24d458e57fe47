import { describe, expect, it } from 'vitest';
import type { NeedAccessRow } from '../../queries/needAccessSql';
import { needModel, pickNeedIndicator, rowsInBrush } from './needModel';

const district = (k: number, need: number, access: number | null) => ({
  region_id: `D${k}`, name: `District ${k}`, province: 'P1', population: 100 * k, need, need_year: 2024, workforce_per_10k: access,
}) as unknown as NeedAccessRow;
// On one straight line, access = 60 - need: slope -1, r = -1. Medians: need 30, access 30.
const rows = [district(1, 10, 50), district(2, 20, 40), district(3, 30, 30), district(4, 40, 20), district(5, 50, 10), district(6, 60, null)];

describe('needModel', () => {
  it('fits access on need and flags districts beyond both medians, leaving out unknown access', () => {
    const m = needModel(rows, 'workforce_per_10k', true);
    expect(m.rows.map((r) => r.region_id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    expect(m.fit?.slope).toBeCloseTo(-1, 12);
    expect(m.fit?.r).toBeCloseTo(-1, 12);
    expect(m.quadrant).toMatchObject({ needCut: 30, accessCut: 30 });
    // Need above 30 and access below 30: D4 (40, 20) and D5 (50, 10), worst served first; 400 + 500 people.
    expect(m.flaggedRows.map((r) => r.region_id)).toEqual(['D5', 'D4']);
    expect(m.flaggedPopulation).toBe(900);
    expect(m.perTen).toBeCloseTo(-10, 12);
    expect(m.verdict).toBe('need.worse');
  });

  it('a favourable need indicator (higher is better) turns the corner and the verdict round', () => {
    const m = needModel(rows, 'workforce_per_10k', false);
    // Need below 30 and access below 30: none on this line.
    expect(m.flaggedRows).toEqual([]);
    expect(m.verdict).toBe('need.better');
  });

  it('the brushed rectangle limits the table, worst served first', () => {
    expect(rowsInBrush(rows.slice(0, 5), 'workforce_per_10k', { x: [35, 55], y: [0, 25] }).map((r) => r.region_id)).toEqual(['D5', 'D4']);
    expect(rowsInBrush(rows.slice(0, 5), 'workforce_per_10k', null)).toHaveLength(5);
  });

  it('shows the linked indicator when the data have it, else the poverty rate, else the first', () => {
    const list = [{ indicator_id: 'literacy' }, { indicator_id: 'poverty_rate' }].map((i) => ({ ...i, name: i.indicator_id, unit: '%', favourable: false, first_year: 2020, last_year: 2024 }));
    expect(pickNeedIndicator(list, 'literacy')?.indicator_id).toBe('literacy');
    expect(pickNeedIndicator(list, 'nope')?.indicator_id).toBe('poverty_rate');
    expect(pickNeedIndicator(list.slice(0, 1), null)?.indicator_id).toBe('literacy');
  });
});
