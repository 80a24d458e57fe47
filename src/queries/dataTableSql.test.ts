import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { SqlRunner } from '../db/sqlRunner';
import { dataExportQuery, dataPageQuery, dataTotalsQuery, numericCondition, whereClause, type DataTableFilters } from './dataTableSql';

const base: DataTableFilters = { table: 'facilities', province: null, columnFilters: {}, sort: [], page: 0, pageSize: 100 };

describe('data table SQL', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities', 'partnerships']);
  });

  it('parses number filters into parameterised conditions', () => {
    expect(numericCondition('"beds"', '> 10')).toEqual({ sql: '"beds" > ?', params: [10] });
    expect(numericCondition('"beds"', '5..20')).toEqual({ sql: '"beds" BETWEEN ? AND ?', params: [5, 20] });
    expect(numericCondition('"beds"', '7')).toEqual({ sql: '"beds" = ?', params: [7] });
    expect(numericCondition('"beds"', '1; DROP TABLE x')).toBeNull();
  });

  it('filters, sorts and pages in SQL; totals cover all filtered rows', async () => {
    const f: DataTableFilters = { ...base, province: 'P3', columnFilters: { type: 'hosp', beds: '>= 100' }, sort: [{ column: 'beds', desc: true }], pageSize: 2 };
    const all = await db.rows<{ facility_id: string; beds: number; region_id: string; type: string }>(dataExportQuery(f));
    const expected = await db.rows<{ facility_id: string }>(`SELECT facility_id FROM facilities WHERE type = 'hospital' AND beds >= 100
      AND region_id IN (SELECT region_id FROM regions WHERE parent_id = 'P3') ORDER BY beds DESC NULLS LAST, facility_id`);
    expect(all.map((r) => r.facility_id)).toEqual(expected.map((r) => r.facility_id));
    expect(all.length).toBeGreaterThan(3);
    const page1 = await db.rows<{ facility_id: string }>(dataPageQuery({ ...f, page: 1 }));
    expect(page1.map((r) => r.facility_id)).toEqual(expected.slice(2, 4).map((r) => r.facility_id));
    const [totals] = await db.rows<{ __rows: number; beds: number }>(dataTotalsQuery(f));
    expect(totals.__rows).toBe(all.length);
    expect(totals.beds).toBe(all.reduce((s, r) => s + r.beds, 0));
  });

  it('matches text literally (%, _ and quotes are data, not SQL) and searches list columns', async () => {
    expect(await db.rows(dataExportQuery({ ...base, columnFilters: { name: "%' OR 1=1 --" } }))).toEqual([]);
    const surgery = await db.rows<{ services: string[] }>(dataExportQuery({ ...base, columnFilters: { services: 'surgery' } }));
    expect(surgery.length).toBeGreaterThan(0);
    expect(surgery.every((r) => Array.from(r.services as unknown as ArrayLike<string>).includes('surgery'))).toBe(true);
  });

  it('scopes partnerships to a province through their facility, and reports unknown columns and bad numbers', async () => {
    const rows = await db.rows(dataExportQuery({ ...base, table: 'partnerships', province: 'P7' }));
    const [{ n }] = await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM partnerships p JOIN facilities f USING (facility_id)
      JOIN regions r ON r.region_id = f.region_id WHERE r.parent_id = 'P7'`);
    expect(rows.length).toBe(n);
    expect(whereClause({ table: 'facilities', province: null, columnFilters: { nope: 'x', beds: 'lots' } }).problems).toEqual([
      'Unknown column “nope”', 'beds: “lots” is not a number filter (try 10, > 10, <= 5 or 10..20)',
    ]);
  });
});
