import { describe, expect, it } from 'vitest';
import type { TrendRow } from '../../queries/trendsSql';
import { pickTrendIndicator, trendsModel } from './trendsModel';

const row = (role: TrendRow['role'], region_id: string, year: number, value: number): TrendRow =>
  ({ region_id, name: region_id, level: role === 'country' ? 0 : 1, role, year, value, dimension: role === 'context' ? null : 'Economic status (wealth quintile)' });

describe('trendsModel', () => {
  // Listed out of year order, as a query may return them.
  const rows = [row('region', 'P7', 2024, 61.5), row('country', 'XX', 2024, 70), row('region', 'P7', 2015, 50), row('country', 'XX', 2015, 60), row('context', 'P2', 2015, 55)];
  const m = trendsModel(rows, { country: 'Whole country', region: (id) => `Province ${id}` });

  it('names each series for display and puts it in year order', () => {
    expect(m.country.map((r) => [r.name, r.year])).toEqual([['Whole country', 2015], ['Whole country', 2024]]);
    expect(m.chosen.map((r) => [r.name, r.year])).toEqual([['Province P7', 2015], ['Province P7', 2024]]);
    expect(m.rows.find((r) => r.role === 'context')?.name).toBe('Province P2');
  });

  it('gives the latest gap (61.5 - 70 = -8.5) and the dimension averaged over', () => {
    expect(m.latestGap).toBe(-8.5);
    expect(m.dimension).toBe('Economic status (wealth quintile)');
    expect(trendsModel(rows.filter((r) => r.role !== 'region'), { country: 'C', region: (id) => id }).latestGap).toBeNull();
  });

  it('draws the linked indicator when the data have it, else DTP3, else the first', () => {
    const list = ['anc4', 'dtp3'].map((indicator_id) => ({ indicator_id, name: indicator_id, unit: '%', favourable: true, domain: 'coverage' }));
    expect(pickTrendIndicator(list, 'anc4')?.indicator_id).toBe('anc4');
    expect(pickTrendIndicator(list, 'nope')?.indicator_id).toBe('dtp3');
    expect(pickTrendIndicator(list.slice(0, 1), null)?.indicator_id).toBe('anc4');
  });
});
