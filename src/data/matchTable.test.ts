import { describe, expect, it } from 'vitest';
import { CONTRACT, type TableName } from './contract';
import { matchTable, tablesNamedIn } from './matchTable';

const required = (t: TableName) => CONTRACT[t].columns.filter((c) => c.required).map((c) => c.name);

describe('matchTable', () => {
  it.each([
    ['facilities.parquet', 'facilities'],
    ['data/my_facilities_2024.parquet', 'facilities'],
    ['MY_FACILITIES.PARQUET', 'facilities'],
    ['facility-list.parquet', 'facilities'],
    ['IndicatorCatalog.parquet', 'indicator_catalog'],
    ['indicator-catalog_v2.parquet', 'indicator_catalog'],
    ['socio_economic_2020.parquet', 'socioeconomic'],
    ['C:\\exports\\Regions.parquet', 'regions'],
    ['partnerships.snappy.parquet', 'partnerships'],
  ])('matches %s to %s by its name, whatever its columns', (file, table) => {
    expect(matchTable(file, ['a', 'b'])).toEqual({ table, by: 'name', reason: `file name names table ${table}` });
  });

  it('does not take a word that merely contains a table name', () => {
    expect(tablesNamedIn('subregionsx.parquet')).toEqual([]);
    expect(tablesNamedIn('coverage_by_region.parquet')).toEqual(['regions', 'coverage']);
  });

  it('matches by columns when the name says nothing', () => {
    expect(matchTable('upload.parquet', [...required('regions'), 'area_km2'])).toMatchObject({ table: 'regions', by: 'columns' });
    expect(matchTable('export (3).parquet', required('population'))).toMatchObject({ table: 'population', by: 'columns' });
    // Socio-economic columns are a subset of no other table's; coverage's superset wins on more contract columns.
    expect(matchTable('x.parquet', required('socioeconomic'))).toMatchObject({ table: 'socioeconomic' });
    expect(matchTable('x.parquet', [...required('coverage'), 'value'])).toMatchObject({ table: 'coverage' });
  });

  it('uses the columns to choose between tables the name mentions', () => {
    const m = matchTable('coverage_by_region.parquet', required('coverage'));
    expect(m).toEqual({ table: 'coverage', by: 'columns', reason: 'the name mentions regions and coverage, and its columns include every required column of coverage' });
  });

  it('takes the closest table when at least half of its required columns are there, so validation can name the missing ones', () => {
    const m = matchTable('upload.parquet', ['facility_id', 'name', 'region_id', 'lat']);
    expect(m).toMatchObject({ table: 'facilities', by: 'columns' });
    expect(m.reason).toBe('its columns are closest to facilities (4 of 6 required columns)');
  });

  it('says why no table matches', () => {
    expect(matchTable('alltypes_plain.parquet', ['id', 'bool_col'])).toEqual({
      table: null,
      reason: 'no matching table: neither its name nor its columns match a table of the data contract; name the file after its table (e.g. facilities.parquet)',
    });
    // (year is optional since a table may be undated: indicator_id is the shared required column here)
    expect(matchTable('upload.parquet', ['indicator_id', 'id'])).toEqual({
      table: null,
      reason: 'no matching table: its columns are too far from every table (closest: socioeconomic (1 of 3 required columns)); name the file after its table (e.g. socioeconomic.parquet)',
    });
  });

  it('says when the columns fit two tables equally', () => {
    const m = matchTable('upload.parquet', [...new Set([...required('regions'), ...required('population')])]);
    expect(m).toEqual({
      table: null,
      reason: 'ambiguous: its columns fit regions and population equally; rename the file after its table (e.g. regions.parquet)',
    });
  });
});
