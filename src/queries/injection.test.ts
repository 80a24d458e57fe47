import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { Query, SqlRunner } from '../db/sqlRunner';
import { dataExportQuery, dataTotalsQuery } from './dataTableSql';
import { benchmarkQuery, equityOptionsQuery, indicatorQuery, subgroupEstimatesQuery, subgroupSeriesQuery } from './equitySql';
import { needAccessQuery } from './needAccessSql';
import { districtDensityQuery } from './overviewSql';
import { partnerFacilitiesQuery, partnershipCountsQuery, partnershipDistrictsQuery } from './partnershipsSql';
import { trendQuery } from './trendsSql';

// Text an attacker could put in a URL parameter, a filter box or a data file.
const HOSTILE = [
  "'; DROP TABLE facilities; --",
  "P1' OR '1'='1",
  '" OR 1=1 --',
  "\\'; SELECT 1; --",
  '%_%',
  '<script>alert(1)</script>',
];

/** Every query builder, fed the hostile text wherever a user value goes. */
const builders: [string, (h: string) => Query][] = [
  ['district densities', (h) => districtDensityQuery({ province: h, facilityType: h, ownership: h, service: h })],
  ['need vs access', (h) => needAccessQuery({ province: h, indicator: h, year: null })],
  ['partnership districts', (h) => partnershipDistrictsQuery({ province: h, year: null, partnerType: h, programme: h, measure: 'workforce', facilityType: h })],
  ['partnership counts', (h) => partnershipCountsQuery({ province: h, year: 2020, partnerType: h, programme: h, measure: 'beds' })],
  ['partner facilities', (h) => partnerFacilitiesQuery({ province: h, year: null, partnerType: h, programme: h, measure: 'beds', service: h })],
  ['trend', (h) => trendQuery({ indicator: h, region: h })],
  ['data table', (h) => dataExportQuery({ table: 'facilities', province: h, columnFilters: { name: h, type: h, beds: h, services: h }, sort: [{ column: h, desc: true }], page: 0, pageSize: 100 })],
  ['data totals', (h) => dataTotalsQuery({ table: 'partnerships', province: h, columnFilters: { partner_name: h }, sort: [], page: 0, pageSize: 100 })],
  ['indicator', (h) => indicatorQuery(h)],
  ['subgroups', (h) => subgroupEstimatesQuery({ indicatorId: h, dimension: h, regionId: h, year: 2020 })],
  ['series', (h) => subgroupSeriesQuery({ indicatorId: h, dimension: h, regionId: h })],
  ['benchmark', (h) => benchmarkQuery({ indicatorId: h, dimension: h, year: 2020, regionIds: [h] })],
  ['equity options', (h) => equityOptionsQuery(h, h)],
];

describe('user values never reach SQL text', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await demoDb(['regions', 'facilities', 'partnerships', 'coverage', 'socioeconomic', 'indicator_catalog']);
  });

  it.each(builders)('%s: hostile text goes in as parameters only, the query runs, and no table is harmed', async (_name, build) => {
    for (const h of HOSTILE) {
      const q = build(h);
      expect(q.sql).not.toContain(h);
      await db.rows(q); // parses and runs: the text is a value, never SQL
    }
    const [{ n }] = await db.rows<{ n: number }>('SELECT COUNT(*) AS n FROM facilities');
    expect(n).toBe(3401);
  });

  it('the data table drops unknown column names instead of quoting them into SQL', () => {
    const q = dataExportQuery({ table: 'facilities', province: null, columnFilters: { 'x" FROM regions --': 'a' }, sort: [{ column: 'name; DROP', desc: false }], page: 0, pageSize: 10 });
    expect(q.sql).toBe('SELECT * FROM "facilities" ORDER BY "facility_id"');
    expect(q.params).toEqual([]);
  });
});
