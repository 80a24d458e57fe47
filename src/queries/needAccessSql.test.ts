import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { SqlRunner } from '../db/sqlRunner';
import { needAccessQuery, needIndicatorsQuery, type NeedAccessRow } from './needAccessSql';

describe('need vs access SQL', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities', 'socioeconomic', 'indicator_catalog']);
  });

  it('joins each district to its poverty rate in the latest year, or the year asked for', async () => {
    const rows = await db.rows<NeedAccessRow>(needAccessQuery({ province: null, indicator: 'poverty_rate', year: null }));
    expect(rows).toHaveLength(48);
    expect(new Set(rows.map((r) => r.need_year))).toEqual(new Set([2024]));
    const [d01] = await db.rows<{ value: number }>("SELECT value FROM socioeconomic WHERE indicator_id = 'poverty_rate' AND region_id = 'D01' AND year = 2024");
    expect(rows.find((r) => r.region_id === 'D01')!.need).toBe(d01.value);
    const older = await db.rows<NeedAccessRow>(needAccessQuery({ province: 'P1', indicator: 'poverty_rate', year: 2016 }));
    expect(older.every((r) => r.need_year === 2016 && r.province_id === 'P1')).toBe(true);
    expect(older).toHaveLength(6);
  });

  it('lists the socio-economic indicators with their years', async () => {
    const inds = await db.rows<{ indicator_id: string; first_year: number; last_year: number }>(needIndicatorsQuery());
    expect(inds.map((i) => i.indicator_id)).toEqual(['gdp_per_capita', 'literacy_rate', 'oop_share', 'poverty_rate', 'urban_share']);
    expect(inds[0]).toMatchObject({ first_year: 2015, last_year: 2024 });
  });
});
