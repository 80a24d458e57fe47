import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { accessByPovertyQuery, equityIndicatorsQuery, equitySettingsQuery } from './accessInequalitySql';

let db: SqlRunner;

// Fixture: a country (X) with two provinces; P1 has three districts, P2 one. D4 has no poverty value in
// the latest year; D3 has no facility. Workforce per 10,000 by hand: D1 (3+5+2)/1000 = 100, D2 unknown (its only
// facility does not report midwives: absent is not zero, so no density), D3 0 (no facility), D4 10/500 = 200.
beforeAll(async () => {
  db = await createNodeDb();
  await db.rows(`CREATE TABLE regions (region_id VARCHAR, name VARCHAR, level INTEGER, parent_id VARCHAR, population DOUBLE, area_km2 DOUBLE)`);
  await db.rows(`INSERT INTO regions VALUES ('X', 'Country', 0, NULL, 4500, NULL), ('P1', 'North', 1, 'X', 4000, NULL), ('P2', 'South', 1, 'X', 500, NULL),
    ('D1', 'Alpha', 2, 'P1', 1000, NULL), ('D2', 'Beta', 2, 'P1', 2000, NULL), ('D3', 'Gamma', 2, 'P1', 1000, NULL), ('D4', 'Delta', 2, 'P2', 500, NULL)`);
  await db.rows(`CREATE TABLE facilities (facility_id VARCHAR, region_id VARCHAR, doctors INTEGER, nurses INTEGER, midwives INTEGER)`);
  await db.rows(`INSERT INTO facilities VALUES ('f1', 'D1', 3, 5, 2), ('f2', 'D2', 1, 3, NULL), ('f3', 'D4', 10, 0, 0)`);
  await db.rows(`CREATE TABLE socioeconomic (indicator_id VARCHAR, region_id VARCHAR, year INTEGER, value DOUBLE)`);
  await db.rows(`INSERT INTO socioeconomic VALUES ('poverty_rate', 'D1', 2020, 10), ('poverty_rate', 'D1', 2024, 12),
    ('poverty_rate', 'D2', 2024, 40), ('poverty_rate', 'D3', 2024, 40), ('poverty_rate', 'D4', 2020, 70),
    ('literacy_rate', 'D1', 2030, 90)`);
  await db.rows(`CREATE TABLE indicator_catalog (indicator_id VARCHAR, name VARCHAR, unit VARCHAR, favourable BOOLEAN, scale DOUBLE)`);
  await db.rows(`INSERT INTO indicator_catalog VALUES ('sba', 'Skilled birth attendance', '%', true, 100), ('u5mr', 'Under-five mortality', 'per 1000', false, 1000)`);
  await db.rows(`CREATE TABLE coverage (indicator_id VARCHAR, region_id VARCHAR)`);
  await db.rows(`INSERT INTO coverage VALUES ('sba', 'X'), ('sba', 'P1'), ('u5mr', 'X'), ('zz_user', 'X')`);
});

afterAll(async () => {
  await db.close();
});

describe('accessByPovertyQuery', () => {
  it('ranks districts from the poorest in the latest year, ties by id, with workforce per 10,000', async () => {
    const rows = await db.rows(accessByPovertyQuery({ province: null }));
    expect(rows.map((r) => [r.region_id, r.poverty_rate, r.poverty_year, r.poverty_rank, r.workforce, r.workforce_per_10k])).toEqual([
      ['D2', 40, 2024, 1, null, null],
      ['D3', 40, 2024, 2, 0, 0],
      ['D1', 12, 2024, 3, 10, 100],
      ['D4', null, null, null, 10, 200],
    ]);
  });

  it('keeps only the districts of a province', async () => {
    const rows = await db.rows<{ region_id: string }>(accessByPovertyQuery({ province: 'P2' }));
    expect(rows.map((r) => r.region_id)).toEqual(['D4']);
  });

  it('passes every value as a parameter', () => {
    const q = accessByPovertyQuery({ province: "P1' OR 1=1", povertyIndicator: 'x' });
    expect(q.sql).not.toContain('P1');
    expect(q.params).toEqual(["P1' OR 1=1", "P1' OR 1=1", 'x', 'x']);
  });
});

describe('equityIndicatorsQuery', () => {
  it('lists indicators with coverage data, catalog fields, and defaults for uncatalogued ones', async () => {
    expect(await db.rows(equityIndicatorsQuery())).toEqual([
      { indicator_id: 'sba', name: 'Skilled birth attendance', unit: '%', favourable: true, scale: 100 },
      { indicator_id: 'u5mr', name: 'Under-five mortality', unit: 'per 1000', favourable: false, scale: 1000 },
      { indicator_id: 'zz_user', name: 'zz_user', unit: null, favourable: true, scale: 100 },
    ]);
  });
});

describe('equitySettingsQuery', () => {
  it('returns the country then the provinces', async () => {
    const rows = await db.rows<{ region_id: string }>(equitySettingsQuery());
    expect(rows.map((r) => r.region_id)).toEqual(['X', 'P1', 'P2']);
  });
});
