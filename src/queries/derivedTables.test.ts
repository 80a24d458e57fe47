import { describe, expect, it } from 'vitest';
import { derivedTablesRead } from './derivedTables';
import { districtDensityQuery, OVERVIEW_CUBE, OVERVIEW_DISTRICTS } from './overviewSql';

describe('derivedTablesRead', () => {
  it('lists the derived tables a query reads, with the ones they are built from, in build order', () => {
    expect(derivedTablesRead(districtDensityQuery({ province: null }).sql).map((d) => d.name)).toEqual([OVERVIEW_CUBE, OVERVIEW_DISTRICTS]);
    expect(derivedTablesRead(districtDensityQuery({ province: null, facilityType: 'hospital' }).sql).map((d) => d.name)).toEqual([OVERVIEW_CUBE]);
    expect(derivedTablesRead('SELECT * FROM facilities')).toEqual([]);
    expect(derivedTablesRead(`SELECT * FROM ${OVERVIEW_CUBE}_old`)).toEqual([]);
  });
});
