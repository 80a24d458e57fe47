import { tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { arrowTableFromColumns } from '../data/arrowTable';
import { CONTRACT, type TableName } from '../data/contract';

// Small and odd data draw well: a two-district country with one year of data, every district at the same
// poverty rate and facility density, coverage by subnational region only, standard errors of 0 and a CI past 100%.
const parquet = (table: TableName, cols: Record<string, unknown[]>) => ({
  name: `${table}.parquet`,
  buffer: Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT[table], cols), 'stream')))),
});
export const ODD_FILES = [
  parquet('regions', { region_id: ['T', 'P', 'D1', 'D2'], name: ['Tinyland', 'Middle', 'North', 'South'], level: [0, 1, 2, 2], parent_id: [null, 'T', 'P', 'P'], population: [20000, 20000, 10000, 10000] }),
  parquet('facilities', {
    facility_id: ['F1', 'F2'], name: ['North clinic', 'South clinic'], region_id: ['D1', 'D2'], lat: [10.1, 10.0], lon: [20.0, 20.0],
    type: ['clinic', 'clinic'], beds: [4, 4], doctors: [1, 1], nurses: [2, 2], midwives: [1, 1], services: [['outpatient'], ['outpatient']],
  }),
  parquet('population', { cell_id: [1, 2, 3, 4], region_id: ['D1', 'D1', 'D2', 'D2'], lat: [10.11, 10.12, 10.01, 9.99], lon: [20.01, 19.99, 20.02, 20.0], population: [5000, 5000, 5000, 5000] }),
  parquet('socioeconomic', { indicator_id: ['poverty_rate', 'poverty_rate'], region_id: ['D1', 'D2'], year: [2024, 2024], value: [40, 40] }),
  parquet('indicator_catalog', {
    indicator_id: ['sba', 'poverty_rate'], name: ['Skilled birth attendance', 'Poverty rate'], unit: ['%', '%'], favourable: [true, false], scale: [100, 100],
    domain: ['coverage', 'socioeconomic'],
  }),
  parquet('coverage', {
    indicator_id: ['sba', 'sba'], region_id: ['T', 'T'], year: [2024, 2024], dimension: ['Subnational region', 'Subnational region'], subgroup: ['North', 'South'],
    subgroup_order: [null, null], estimate: [100, 97], se: [0, 0], ci_low: [100, 91], ci_high: [100, 104], population: [10000, 10000],
  }),
];

