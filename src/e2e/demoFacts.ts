import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { parseBarriers, parseLandCover, parseRoads, type BarrierShape, type LandCoverArea, type RoadLine } from '../data/travelLayers';

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

const RAD = Math.PI / 180;
/** Great-circle distance in km (R = 6371), written out again: the tests' independent side uses no app code. */
export const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number) => {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
};

type LatLon = { lat: number; lon: number };

/**
 * "Is there a facility within km of this point?", with facilities bucketed on a 0.1-degree grid so a point
 * only looks at the buckets its radius can reach (100k points x 3.4k facilities by brute force would be
 * ~340M distances). `maxAbsLat` widens the longitude search for the most poleward point considered.
 */
export function facilityWithin(facilities: readonly LatLon[], maxAbsLat: number): (p: LatLon, km: number) => boolean {
  const G = 0.1;
  const buckets = new Map<string, LatLon[]>();
  for (const f of facilities) {
    const key = `${Math.floor(f.lat / G)},${Math.floor(f.lon / G)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), f]);
  }
  const top = Math.max(maxAbsLat, ...facilities.map((f) => Math.abs(f.lat)));
  return (p, km) => {
    const dLat = (km / 6371 / RAD) * 1.01;
    const dLon = dLat / Math.cos(top * RAD);
    for (let y = Math.floor((p.lat - dLat) / G); y <= Math.floor((p.lat + dLat) / G); y++)
      for (let x = Math.floor((p.lon - dLon) / G); x <= Math.floor((p.lon + dLon) / G); x++)
        for (const f of buckets.get(`${y},${x}`) ?? []) if (haversineKm(p.lat, p.lon, f.lat, f.lon) <= km) return true;
    return false;
  };
}

/** The demo's travel-time layers as the page reads them: roads, water and land cover from data/. */
export function demoTravelLayers(): { roads: RoadLine[]; barriers: BarrierShape[]; landCover: LandCoverArea[] } {
  const read = (file: string): unknown => JSON.parse(readFileSync(`data/${file}`, 'utf8'));
  return { roads: parseRoads(read('roads.geojson')), barriers: parseBarriers(read('barriers.geojson')), landCover: parseLandCover(read('landcover.geojson')) };
}
