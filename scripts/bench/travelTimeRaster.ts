/**
 * The bench's friction surface: a deterministic, country-like raster (the same in the browser page and for GRASS in
 * Node). Walking over terrain of varying roughness (5 km/h on flat ground, 1.7-7 km/h), a grid of tertiary roads
 * (30 km/h) every 40 cells with primary roads (70 km/h) every 200, meandering rivers as 4-connected barriers with
 * bridges where roads cross, round lakes, and facilities on random passable cells.
 */
import { mulberry32 } from '../../src/metrics/random';

export const TRAVEL_TIME_BENCH = { width: 2000, height: 2000, cellSizeM: 1000, facilities: 3400, newFacilities: 9, seed: 17 } as const;

const KMH = (speed: number) => 60 / (speed * 1000); // minutes per metre

export interface BenchSurface { minutesPerMetre: Float32Array; sources: Int32Array; newFacilities: Int32Array; barriers: number }

export function benchSurface(width: number, height: number, facilities: number, newFacilities: number, seed: number): BenchSurface {
  const rnd = mulberry32(seed);
  const f = new Float32Array(width * height);
  const walk = KMH(5);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      // Roughness 0.7-2.9 x flat walking: smooth hills plus finer ridges.
      const hills = Math.sin(c / 37 + 1.3) * Math.sin(r / 53 + 0.4) + 0.5 * Math.sin((c + 2 * r) / 11);
      f[r * width + c] = walk * Math.min(2.9, Math.max(0.7, 1.3 + 0.8 * hills));
    }
  }
  const isRoadRow = (r: number) => r % 40 === 17;
  const isRoadCol = (c: number) => c % 40 === 23;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (isRoadRow(r) || isRoadCol(c)) f[r * width + c] = (r % 200 === 17 || c % 200 === 23) ? KMH(70) : KMH(30);
    }
  }
  let barriers = 0;
  const block = (r: number, c: number) => {
    if (r < 0 || r >= height || c < 0 || c >= width || isRoadRow(r) || isRoadCol(c)) return; // roads cross on bridges
    if (!Number.isNaN(f[r * width + c])) barriers++;
    f[r * width + c] = NaN;
  };
  // Rivers: west to east, meandering; consecutive columns joined vertically so that no diagonal move slips through.
  for (let k = 0; k < 4; k++) {
    const base = (height * (k + 0.5)) / 4;
    const amp = 30 + rnd() * 60;
    const period = 80 + rnd() * 120;
    let prev = Math.round(base);
    for (let c = 0; c < width; c++) {
      const r = Math.round(base + amp * Math.sin(c / period + k));
      for (let y = Math.min(prev, r); y <= Math.max(prev, r); y++) block(y, c);
      prev = r;
    }
  }
  for (let k = 0; k < 12; k++) {
    const cr = rnd() * height;
    const cc = rnd() * width;
    const radius = 10 + rnd() * 30;
    for (let r = Math.floor(cr - radius); r <= cr + radius; r++) {
      for (let c = Math.floor(cc - radius); c <= cc + radius; c++) if ((r - cr) ** 2 + (c - cc) ** 2 <= radius * radius) block(r, c);
    }
  }
  const passable = () => {
    for (;;) {
      const cell = Math.floor(rnd() * width * height);
      if (!Number.isNaN(f[cell])) return cell;
    }
  };
  const sources = Int32Array.from({ length: facilities }, passable);
  return { minutesPerMetre: f, sources, newFacilities: Int32Array.from({ length: newFacilities }, passable), barriers };
}
