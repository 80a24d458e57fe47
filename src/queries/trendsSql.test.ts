import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { SqlRunner } from '../db/sqlRunner';
import { trendIndicatorsQuery, trendQuery, type TrendRow } from './trendsSql';

describe('trends SQL', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await demoDb(['regions', 'coverage', 'socioeconomic', 'indicator_catalog']);
  });

  it('gives the coverage setting average: population-weighted mean over wealth quintiles, per year', async () => {
    const rows = await db.rows<TrendRow>(trendQuery({ indicator: 'dtp3', region: 'P7' }));
    const country = rows.filter((r) => r.role === 'country');
    const region = rows.filter((r) => r.role === 'region');
    expect(country.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(region).toHaveLength(10);
    expect(rows.filter((r) => r.role === 'context').map((r) => r.region_id)).not.toContain('P7');
    const q = await db.rows<{ estimate: number; population: number }>(`SELECT estimate, population FROM coverage WHERE indicator_id = 'dtp3'
      AND region_id = 'P7' AND year = 2020 AND dimension = 'Economic status (wealth quintile)'`);
    const avg = q.reduce((s, x) => s + x.estimate * x.population, 0) / q.reduce((s, x) => s + x.population, 0);
    expect(region.find((r) => r.year === 2020)!.value).toBeCloseTo(avg, 9);
    // The source line names the dimension averaged over (not "wealth quintiles" for any other).
    expect(new Set(rows.map((r) => r.dimension))).toEqual(new Set(['Economic status (wealth quintile)']));
  });

  it('passes socio-economic values through, for a district among its peers', async () => {
    const rows = await db.rows<TrendRow>(trendQuery({ indicator: 'poverty_rate', region: 'D05' }));
    expect(rows.filter((r) => r.role === 'context').every((r) => r.level === 2)).toBe(true);
    const [v] = await db.rows<{ value: number }>(`SELECT value FROM socioeconomic WHERE indicator_id = 'poverty_rate' AND region_id = 'D05' AND year = 2019`);
    expect(rows.find((r) => r.role === 'region' && r.year === 2019)!.value).toBe(v.value);
    expect(rows.every((r) => r.dimension === null)).toBe(true);
    const countryOnly = await db.rows<TrendRow>(trendQuery({ indicator: 'poverty_rate', region: null }));
    expect(new Set(countryOnly.map((r) => r.role))).toEqual(new Set(['country']));
    expect((await db.rows(trendIndicatorsQuery())).length).toBe(9);
  });
});
