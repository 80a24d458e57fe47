import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readParquet, Table as WasmTable, writeParquet } from 'parquet-wasm';

/** The facility columns a real registry often lacks: beds, staff and services. */
export const STAFF_COLUMNS = ['beds', 'doctors', 'nurses', 'midwives', 'services'] as const;

/**
 * A dataset built from the demo as a registry with coordinates, type and ownership only would load it: the demo's
 * facilities without beds, doctors, nurses, midwives and services; its regions, population, socio-economic indicators
 * and catalogue as they are; its boundaries; no partnerships and no coverage table. Files as the upload input takes them.
 */
export function stafflessFiles(dir = 'data'): { name: string; buffer: Buffer }[] {
  const facilities = tableFromIPC(readParquet(readFileSync(`${dir}/facilities.parquet`)).intoIPCStream());
  const kept = facilities.schema.fields.map((f) => f.name).filter((n) => !(STAFF_COLUMNS as readonly string[]).includes(n));
  const stripped = facilities.select(kept);
  return [
    { name: 'regions.parquet', buffer: readFileSync(`${dir}/regions.parquet`) },
    { name: 'facilities.parquet', buffer: Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(stripped, 'stream')))) },
    { name: 'population.parquet', buffer: readFileSync(`${dir}/population.parquet`) },
    { name: 'socioeconomic.parquet', buffer: readFileSync(`${dir}/socioeconomic.parquet`) },
    { name: 'indicator_catalog.parquet', buffer: readFileSync(`${dir}/indicator_catalog.parquet`) },
    { name: 'boundaries.geojson', buffer: readFileSync(`${dir}/boundaries.geojson`) },
  ];
}
