import { BBOX, distanceKm, type Geography } from './geography';
import type { Rng } from './random';

export interface City {
  name: string;
  district: number;
  lon: number;
  lat: number;
  population: number;
  sigmaDeg: number;
  capital: boolean;
}

// [col, row, population, spread in degrees]; the capital first. Sizes give ~40% urban, as in many LMICs.
const CITY_SPECS: [number, number, number, number][] = [
  [3, 3, 3_200_000, 0.16], [6, 3, 1_000_000, 0.1], [1, 4, 700_000, 0.09], [5, 5, 600_000, 0.08],
  [1, 1, 500_000, 0.08], [3, 1, 400_000, 0.07], [7, 0, 150_000, 0.05],
];
const NATIONAL_POPULATION = 20_000_000;
export const BASE_POINTS = 100_000;

export function buildCities(geo: Geography, rng: Rng): City[] {
  return CITY_SPECS.map(([col, row, population, sigmaDeg], i) => {
    const d = geo.districts.find((x) => x.col === col && x.row === row)!;
    return {
      name: `City ${i + 1}`, district: d.index, population, sigmaDeg, capital: i === 0,
      lon: d.centroid[0] + rng.normal(0, 0.05), lat: d.centroid[1] + rng.normal(0, 0.05),
    };
  });
}

export interface PopulationPoints {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  district: Int32Array;
  urban: Uint8Array;
  /** 0 (next to a city) .. 1 (remote); drives poverty and coverage. */
  remoteness: Float64Array;
  /** Latent household wealth; quintiles are cut from it. */
  wealth: Float64Array;
  quintile: Int8Array;
}

export function remotenessAt(cities: City[], lon: number, lat: number): number {
  // Distance to the nearest city, with big cities reaching further (km scaled by sqrt of size).
  let best = Infinity;
  for (const c of cities) best = Math.min(best, distanceKm(lon, lat, c.lon, c.lat) / Math.sqrt(c.population / 1e6));
  return Math.min(1, best / 300);
}

export function buildPopulation(geo: Geography, cities: City[], rng: Rng, scale: number): PopulationPoints {
  const n = Math.round(BASE_POINTS * scale);
  const urbanTotal = cities.reduce((s, c) => s + c.population, 0);
  const urbanPoints = Math.round(n * 0.3);
  const p: PopulationPoints = {
    n, lon: new Float64Array(n), lat: new Float64Array(n), population: new Float64Array(n), district: new Int32Array(n),
    urban: new Uint8Array(n), remoteness: new Float64Array(n), wealth: new Float64Array(n), quintile: new Int8Array(n),
  };
  let k = 0;
  // Urban points: Gaussian around each city, in proportion to its size.
  for (const c of cities) {
    const m = c === cities[cities.length - 1] ? urbanPoints - k : Math.round((urbanPoints * c.population) / urbanTotal);
    for (let i = 0; i < m; ) {
      const lon = rng.normal(c.lon, c.sigmaDeg), lat = rng.normal(c.lat, c.sigmaDeg);
      const d = geo.locate(lon, lat);
      if (d < 0) continue;
      p.lon[k] = lon; p.lat[k] = lat; p.district[k] = d; p.urban[k] = 1;
      p.population[k] = (c.population / m) * Math.exp(rng.normal(0, 0.3));
      k++; i++;
    }
  }
  // Rural points: denser near cities and in the west and south (rain-fed farmland), sparse in the eastern desert.
  const ruralTotal = NATIONAL_POPULATION - urbanTotal;
  const ruralStart = k;
  while (k < n) {
    const lon = BBOX.west + rng() * (BBOX.east - BBOX.west), lat = BBOX.south + rng() * (BBOX.north - BBOX.south);
    const remote = remotenessAt(cities, lon, lat);
    const desert = Math.max(0, (lon - 35.5) / 2.5) * Math.max(0, (13 - lat) / 3);
    if (rng() > (1 - 0.75 * remote) * (1 - 0.8 * desert)) continue;
    const d = geo.locate(lon, lat);
    if (d < 0) continue;
    p.lon[k] = lon; p.lat[k] = lat; p.district[k] = d; p.urban[k] = 0;
    p.population[k] = Math.exp(rng.normal(0, 0.5));
    k++;
  }
  const ruralRaw = p.population.subarray(ruralStart).reduce((s, x) => s + x, 0);
  for (let i = ruralStart; i < n; i++) p.population[i] *= ruralTotal / ruralRaw;
  for (let i = 0; i < n; i++) {
    p.population[i] = Math.max(1, Math.round(p.population[i]));
    p.remoteness[i] = remotenessAt(cities, p.lon[i], p.lat[i]);
    p.wealth[i] = -1.8 * p.remoteness[i] + 0.7 * p.urban[i] + rng.normal(0, 0.8);
  }
  assignQuintiles(p);
  return p;
}

/** National population-weighted wealth quintiles: each holds a fifth of the people, as in DHS. */
function assignQuintiles(p: PopulationPoints): void {
  const order = Array.from({ length: p.n }, (_, i) => i).sort((a, b) => p.wealth[a] - p.wealth[b] || a - b);
  const total = p.population.reduce((s, x) => s + x, 0);
  let cum = 0;
  for (const i of order) {
    cum += p.population[i];
    p.quintile[i] = Math.min(5, 1 + Math.floor((5 * (cum - p.population[i] / 2)) / total));
  }
}
