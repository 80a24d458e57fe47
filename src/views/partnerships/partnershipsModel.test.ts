import { describe, expect, it } from 'vitest';
import type { PartnershipDistrictRow } from '../../queries/partnershipsSql';
import { byMeasure, countsBy, gapShares, partnershipFilters } from './partnershipsModel';

const district = (region_id: string, population: number, partnerships: number, underserved: boolean, workforce: number | null) =>
  ({ region_id, population, partnerships, underserved, workforce_per_10k: workforce }) as PartnershipDistrictRow;

describe('Partnerships model', () => {
  it('shares of partnerships and of people in the worst-served fifth, worked by hand', () => {
    // 10 partnerships, 1 of them in the underserved district, where 30,000 of 100,000 people live: 10% vs 30%.
    const rows = [district('D1', 30_000, 1, true, 5), district('D2', 50_000, 6, false, 40), district('D3', 20_000, 3, false, 60)];
    expect(gapShares(rows)).toEqual({ total: 10, share: 0.1, popShare: 0.3, notWhereGaps: true });
    // 6 of 10 there: more than the people's share.
    const fair = [district('D1', 30_000, 6, true, 5), district('D2', 70_000, 4, false, 40)];
    expect(gapShares(fair)).toEqual({ total: 10, share: 0.6, popShare: 0.3, notWhereGaps: false });
    expect(gapShares([])).toEqual({ total: 0, share: 0, popShare: 0, notWhereGaps: false });
  });

  it('counts by partner type or programme, adding up codes whose labels read alike', () => {
    const rows = [
      { partner_type: 'ngo', programme: 'training', n: 3 }, { partner_type: 'ngo', programme: 'supply', n: 2 },
      { partner_type: 'charity', programme: 'training', n: 4 },
    ];
    expect(countsBy(rows, 'partner_type', (c) => c.toUpperCase())).toEqual([{ key: 'NGO', n: 5 }, { key: 'CHARITY', n: 4 }]);
    expect(countsBy(rows, 'programme', () => 'all')).toEqual([{ key: 'all', n: 9 }]);
  });

  it('orders districts worst-served first, those without a value last', () => {
    const rows = [district('D1', 1, 0, false, 30), district('D2', 1, 0, false, null), district('D3', 1, 0, true, 10)];
    expect(byMeasure(rows, 'workforce_per_10k').map((r) => r.region_id)).toEqual(['D3', 'D1', 'D2']);
  });

  it('puts the view settings, global filters and measure into the query filters', () => {
    expect(partnershipFilters({ year: 2020, partner: 'ngo', programme: null }, 'P3', { facilityType: 'clinic', ownership: null, service: null }, 'beds')).toEqual({
      province: 'P3', facilityType: 'clinic', ownership: null, service: null, year: 2020, partnerType: 'ngo', programme: null, measure: 'beds',
    });
  });
});
