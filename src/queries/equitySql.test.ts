import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { summaryMeasures } from '../metrics/inequality';
import {
  benchmarkQuery, equityOptionsQuery, indicatorQuery, subgroupEstimatesQuery, subgroupSeriesQuery, subgroupsFromRows,
  type SubgroupRow,
} from './equitySql';

let db: SqlRunner;

// Fixture: skilled birth attendance (sba) by wealth quintile in two districts, two years, plus a
// non-ordered dimension (residence) with a reference subgroup. Q5 of D2 in 2020 has no estimate.
beforeAll(async () => {
  db = await createNodeDb();
  await db.rows(`CREATE TABLE regions (region_id VARCHAR, name VARCHAR, level INTEGER, parent_id VARCHAR, population DOUBLE, area_km2 DOUBLE)`);
  await db.rows(`INSERT INTO regions VALUES ('P1', 'Province', 1, NULL, 1000, NULL),
    ('D1', 'Alpha', 2, 'P1', 600, NULL), ('D2', 'Beta', 2, 'P1', 400, NULL)`);
  await db.rows(`CREATE TABLE indicator_catalog (indicator_id VARCHAR, name VARCHAR, unit VARCHAR, favourable BOOLEAN,
    scale DOUBLE, domain VARCHAR, source VARCHAR, description VARCHAR)`);
  await db.rows(`INSERT INTO indicator_catalog VALUES
    ('sba', 'Skilled birth attendance', '%', true, 100, 'coverage', 'synthetic', 'Births attended by skilled personnel'),
    ('u5mr', 'Under-five mortality', 'per 1000', false, 1000, 'coverage', 'synthetic', NULL)`);
  await db.rows(`CREATE TABLE coverage (indicator_id VARCHAR, region_id VARCHAR, year INTEGER, dimension VARCHAR,
    subgroup VARCHAR, subgroup_order INTEGER, estimate DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE,
    population DOUBLE, reference BOOLEAN)`);
  // The healthequal reference vector as D1, 2020 (population 78, 91, 162, 103, 105; estimates 20..60).
  await db.rows(`INSERT INTO coverage VALUES
    ('sba','D1',2020,'wealth','Q2',2,30,2,NULL,NULL,91,NULL),
    ('sba','D1',2020,'wealth','Q1',1,20,2,NULL,NULL,78,NULL),
    ('sba','D1',2020,'wealth','Q3',3,40,2,NULL,NULL,162,NULL),
    ('sba','D1',2020,'wealth','Q5',5,60,2,NULL,NULL,105,NULL),
    ('sba','D1',2020,'wealth','Q4',4,50,2,NULL,NULL,103,NULL),
    ('sba','D1',2015,'wealth','Q1',1,10,2,NULL,NULL,80,NULL),
    ('sba','D1',2015,'wealth','Q5',5,55,2,NULL,NULL,100,NULL),
    ('sba','D1',2010,'wealth','Q1',1,5,2,NULL,NULL,80,NULL),
    ('sba','D2',2020,'wealth','Q1',1,35,2,NULL,NULL,50,NULL),
    ('sba','D2',2020,'wealth','Q5',5,NULL,NULL,NULL,NULL,50,NULL),
    ('sba','D1',2020,'residence','Urban',NULL,70,3,NULL,NULL,200,true),
    ('sba','D1',2020,'residence','Rural',NULL,30,3,NULL,NULL,339,false),
    ('u5mr','D1',2020,'wealth','Q1',1,90,5,NULL,NULL,78,NULL)`);
});

afterAll(async () => {
  await db.close();
});

describe('indicatorQuery', () => {
  it('returns the catalog entry', async () => {
    const rows = await db.rows(indicatorQuery('u5mr'));
    expect(rows).toEqual([{
      indicator_id: 'u5mr', name: 'Under-five mortality', unit: 'per 1000', favourable: false, scale: 1000,
      domain: 'coverage', source: 'synthetic', description: null,
    }]);
  });
});

describe('subgroupEstimatesQuery', () => {
  const filters = { indicatorId: 'sba', dimension: 'wealth', regionId: 'D1', year: 2020 };

  it('puts every value in a parameter', () => {
    const q = subgroupEstimatesQuery(filters);
    expect(q.params).toEqual(['sba', 'wealth', 'D1', 2020]);
    expect(q.sql).not.toMatch(/sba|wealth|D1|2020/);
  });

  it('returns the subgroups in order, and feeds summaryMeasures', async () => {
    const rows = await db.rows<SubgroupRow>(subgroupEstimatesQuery(filters));
    expect(rows.map((r) => r.subgroup)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(rows[0]).toEqual({
      subgroup: 'Q1', subgroup_order: 1, estimate: 20, se: 2, ci_low: null, ci_high: null, population: 78, reference: null,
    });
    const { subgroups, ordered } = subgroupsFromRows(rows);
    expect(ordered).toBe(true);
    const m = summaryMeasures({ subgroups, ordered, favourable: true, scale: 100 });
    expect(m.SII!.value).toBeCloseTo(44.44502, 3); // healthequal reference vector
  });

  it('keeps a missing estimate as a row (so the 85% rule can see it)', async () => {
    const rows = await db.rows<SubgroupRow>(subgroupEstimatesQuery({ ...filters, regionId: 'D2' }));
    expect(rows.map((r) => [r.subgroup, r.estimate])).toEqual([['Q1', 35], ['Q5', null]]);
  });

  it('returns non-ordered subgroups by name with their reference flag', async () => {
    const rows = await db.rows<SubgroupRow>(subgroupEstimatesQuery({ ...filters, dimension: 'residence' }));
    expect(rows.map((r) => [r.subgroup, r.reference])).toEqual([['Rural', false], ['Urban', true]]);
    const { subgroups, ordered } = subgroupsFromRows(rows);
    expect(ordered).toBe(false);
    expect(subgroups.find((s) => s.reference)?.name).toBe('Urban');
  });

  it('returns nothing for an unknown year, and treats a quote in a value as data', async () => {
    expect(await db.rows(subgroupEstimatesQuery({ ...filters, year: 1999 }))).toEqual([]);
    expect(await db.rows(subgroupEstimatesQuery({ ...filters, regionId: "D1' OR '1'='1" }))).toEqual([]);
  });
});

describe('subgroupSeriesQuery', () => {
  it('returns rows by year then order, with an optional year range', async () => {
    const all = await db.rows<{ year: number; subgroup: string }>(
      subgroupSeriesQuery({ indicatorId: 'sba', dimension: 'wealth', regionId: 'D1' }),
    );
    expect(all.map((r) => `${r.year}:${r.subgroup}`)).toEqual([
      '2010:Q1', '2015:Q1', '2015:Q5', '2020:Q1', '2020:Q2', '2020:Q3', '2020:Q4', '2020:Q5',
    ]);
    const q = subgroupSeriesQuery({ indicatorId: 'sba', dimension: 'wealth', regionId: 'D1', fromYear: 2015, toYear: 2015 });
    expect(q.params).toEqual(['sba', 'wealth', 'D1', 2015, 2015]);
    expect((await db.rows<{ year: number }>(q)).map((r) => r.year)).toEqual([2015, 2015]);
  });
});

describe('benchmarkQuery', () => {
  it('compares settings with their population-weighted average', async () => {
    const rows = await db.rows<{ region_id: string; region_name: string; subgroup: string; setting_average: number; subgroups: number }>(
      benchmarkQuery({ indicatorId: 'sba', dimension: 'wealth', year: 2020 }),
    );
    expect(rows.map((r) => `${r.region_name}:${r.subgroup}`)).toEqual([
      'Alpha:Q1', 'Alpha:Q2', 'Alpha:Q3', 'Alpha:Q4', 'Alpha:Q5', 'Beta:Q1', 'Beta:Q5',
    ]);
    // Alpha: mu = 22220 / 539 = 41.22449 (healthequal's setting average); Beta: only Q1 has an estimate.
    expect(rows[0].setting_average).toBeCloseTo(41.22449, 5);
    expect(rows[5].setting_average).toBeCloseTo(35, 12);
    expect(rows[5].subgroups).toBe(2);
  });

  it('filters by a list of regions or by level', async () => {
    const q = benchmarkQuery({ indicatorId: 'sba', dimension: 'wealth', year: 2020, regionIds: ['D2'] });
    expect(q.params).toEqual(['sba', 'wealth', 2020, 'D2']);
    expect(new Set((await db.rows<{ region_id: string }>(q)).map((r) => r.region_id))).toEqual(new Set(['D2']));
    const byLevel = benchmarkQuery({ indicatorId: 'sba', dimension: 'wealth', year: 2020, level: 1 });
    expect(await db.rows(byLevel)).toEqual([]);
  });
});

describe('equityOptionsQuery', () => {
  it('lists dimensions and years with data, and whether each is ordered', async () => {
    const rows = await db.rows(equityOptionsQuery('sba', 'D1'));
    expect(rows).toEqual([
      { dimension: 'residence', year: 2020, subgroups: 2, ordered: false },
      { dimension: 'wealth', year: 2010, subgroups: 1, ordered: true },
      { dimension: 'wealth', year: 2015, subgroups: 2, ordered: true },
      { dimension: 'wealth', year: 2020, subgroups: 5, ordered: true },
    ]);
  });
});
