import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';

/** Demo tables decoded in Node without SQL: the independent side of the browser tests' comparisons. */
export function readDemoTable<T = Record<string, unknown>>(table: string): T[] {
  return tableFromIPC(readParquet(readFileSync(`data/${table}.parquet`)).intoIPCStream()).toArray().map((r) => r.toJSON() as T);
}

export interface DistrictFacts { region_id: string; name: string; province_id: string; population: number; facilities: number; beds: number; doctors: number; workforce: number }

export function districtFacts(): DistrictFacts[] {
  const regions = readDemoTable<{ region_id: string; name: string; level: number; parent_id: string; population: number }>('regions');
  const facilities = readDemoTable<{ region_id: string; beds: number; doctors: number; nurses: number; midwives: number }>('facilities');
  return regions.filter((r) => r.level === 2).map((r) => {
    const fs = facilities.filter((f) => f.region_id === r.region_id);
    const sum = (k: 'beds' | 'doctors' | 'nurses' | 'midwives') => fs.reduce((s, f) => s + (f[k] ?? 0), 0);
    return { region_id: r.region_id, name: r.name, province_id: r.parent_id, population: r.population, facilities: fs.length, beds: sum('beds'), doctors: sum('doctors'), workforce: sum('doctors') + sum('nurses') + sum('midwives') };
  });
}

export const fmt = (x: number, digits = 0) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
