import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { SqlRunner } from '../db/sqlRunner';
import { partnerFacilitiesQuery, partnershipCountsQuery, partnershipDistrictsQuery, type PartnershipDistrictRow, type PartnershipFilters } from './partnershipsSql';

const all: PartnershipFilters = { province: null, year: null, partnerType: null, programme: null, measure: 'workforce' };

describe('partnerships SQL', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities', 'partnerships']);
  });

  it('counts every partnership once, by district, and flags the worst-served fifth of districts', async () => {
    const rows = await db.rows<PartnershipDistrictRow>(partnershipDistrictsQuery(all));
    expect(rows).toHaveLength(48);
    expect(rows.reduce((s, r) => s + r.partnerships, 0)).toBe(450);
    const flagged = rows.filter((r) => r.underserved);
    expect(flagged).toHaveLength(10); // NTILE(5) of 48: the first fifth holds 10 districts
    const maxFlagged = Math.max(...flagged.map((r) => r.workforce_per_10k!));
    expect(rows.filter((r) => !r.underserved).every((r) => r.workforce_per_10k! >= maxFlagged)).toBe(true);
  });

  it('filters by active year, partner type and programme through parameters', async () => {
    const [{ n }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM partnerships WHERE start_year <= 2020 AND (end_year IS NULL OR end_year >= 2020) AND partner_type = 'ngo' AND programme = 'training'`);
    const counts = await db.rows<{ n: number }>(partnershipCountsQuery({ ...all, year: 2020, partnerType: 'ngo', programme: 'training' }));
    expect(counts.reduce((s, r) => s + r.n, 0)).toBe(n);
    const facilities = await db.rows<{ partnerships: number }>(partnerFacilitiesQuery({ ...all, year: 2020, partnerType: 'ngo', programme: 'training' }));
    expect(facilities.reduce((s, r) => s + r.partnerships, 0)).toBe(n);
    expect(await db.rows(partnershipCountsQuery({ ...all, partnerType: "ngo' OR '1'='1" }))).toEqual([]);
  });

  it('scopes to a province', async () => {
    const rows = await db.rows<PartnershipDistrictRow>(partnershipDistrictsQuery({ ...all, province: 'P7' }));
    expect(rows.every((r) => r.province_id === 'P7')).toBe(true);
    const [{ n }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM partnerships JOIN facilities USING (facility_id) JOIN regions r USING (region_id) WHERE r.parent_id = 'P7'`);
    expect(rows.reduce((s, r) => s + r.partnerships, 0)).toBe(n);
  });
});

describe('partnerships SQL with facility filters', () => {
  it('counts only partnerships at the facilities that pass the facility filters', async () => {
    const db = await demoDb(['regions', 'facilities', 'partnerships']);
    const [{ n }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM partnerships JOIN facilities f USING (facility_id) WHERE f.type = 'hospital'`);
    const rows = await db.rows<PartnershipDistrictRow>(partnershipDistrictsQuery({ ...all, facilityType: 'hospital' }));
    expect(rows.reduce((s, r) => s + r.partnerships, 0)).toBe(n);
    expect(rows.reduce((s, r) => s + r.facilities, 0)).toBe((await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM facilities WHERE type = 'hospital'`))[0].n);
  });
});
