import { BBOX, noisyOval, pointInRing, type Geography } from './geography';
import type { City } from './population';
import { round, type Rng } from './random';

type Pt = [number, number]; // [lon, lat]
export type RoadClass = 'primary' | 'secondary' | 'tertiary';

export interface Transport {
  roads: GeoJSON.FeatureCollection<GeoJSON.LineString, { class: RoadClass; name: string }>;
  barriers: GeoJSON.FeatureCollection<GeoJSON.LineString | GeoJSON.Polygon, { kind: 'river' | 'lake'; name: string }>;
}

/** Cut short of a river by this much (degrees, ~2 km): a track that ends at the bank, no bridge. */
const BANK_GAP = 0.02;

/**
 * Roads, rivers and lakes for Demo Republic, from their own random stream (so the tables stay byte-identical):
 *  - primary roads from the capital to every city, secondary roads between neighbouring cities; both bridge every
 *    river they cross;
 *  - a tertiary road from each district's centre to its nearest town or city; one that meets a river stops at the bank
 *    (no bridge), so on foot the people beyond it must walk to a bridge;
 *  - three rivers (two north-south, one east-west from the eastern hills) and two lakes, away from the cities.
 */
export function buildTransport(geo: Geography, cities: City[], rng: Rng): Transport {
  const wiggle = (a: Pt, b: Pt, n: number, amp: number): Pt[] => {
    // A polyline from a to b, displaced sideways by a smooth random sway (sum of two sines), ends fixed.
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len = Math.hypot(dx, dy) || 1;
    const [nx, ny] = [-dy / len, dx / len];
    const p1 = rng() * Math.PI * 2, p2 = rng() * Math.PI * 2, k = 0.4 + rng() * 0.6;
    return Array.from({ length: n + 1 }, (_, i) => {
      const t = i / n;
      const s = amp * len * Math.sin(Math.PI * t) * (Math.sin(p1 + 2 * Math.PI * t) + k * Math.sin(p2 + 5 * Math.PI * t)) / 2;
      return [a[0] + dx * t + nx * s, a[1] + dy * t + ny * s] as Pt;
    });
  };
  const at = (c: City): Pt => [c.lon, c.lat];

  const w = BBOX.west, e = BBOX.east, s = BBOX.south, n = BBOX.north;
  const rivers: { name: string; line: Pt[] }[] = [
    { name: 'Amber River', line: wiggle([w + 1.55, n + 0.1], [w + 2.35, s - 0.1], 40, 0.08) },
    { name: 'Cedar River', line: wiggle([w + 4.75, n + 0.1], [w + 5.2, s - 0.1], 40, 0.08) },
    { name: 'Falls River', line: wiggle([e + 0.1, s + 2.55], [w + 4.9, s + 1.75], 30, 0.1) },
  ];
  const lakes = [
    { name: 'Lake Serein', ring: noisyOval([w + 0.9, s + 3.05], 0.32, 0.2, 24, 0.8, 0.35, rng) },
    { name: 'Lake Oro', ring: noisyOval([w + 6.6, s + 5.1], 0.26, 0.18, 24, 0.8, 0.35, rng) },
  ];

  const capital = cities.find((c) => c.capital)!;
  const roads: { cls: RoadClass; name: string; line: Pt[] }[] = [];
  for (const c of cities) if (c !== capital) roads.push({ cls: 'primary', name: `${capital.name} - ${c.name}`, line: wiggle(at(capital), at(c), 24, 0.06) });
  // Secondary: each city (not the capital) to its nearest other non-capital city, once per pair.
  const seen = new Set<string>();
  for (const c of cities) {
    if (c === capital) continue;
    const other = cities.filter((o) => o !== c && o !== capital).sort((a, b) => d2(at(c), at(a)) - d2(at(c), at(b)))[0];
    const key = [c.name, other.name].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    roads.push({ cls: 'secondary', name: `${c.name} - ${other.name}`, line: wiggle(at(c), at(other), 20, 0.08) });
  }
  for (const d of geo.districts) {
    const from = d.centroid as Pt;
    const city = [...cities].sort((a, b) => d2(from, at(a)) - d2(from, at(b)))[0];
    if (d2(from, at(city)) < 0.15 ** 2) continue; // a city district: its streets are the city's
    const line = cutAtRiver(wiggle(from, at(city), 12, 0.1), rivers.map((r) => r.line));
    if (line.length >= 2) roads.push({ cls: 'tertiary', name: `District road ${d.index + 1}`, line });
  }

  const r5 = (p: Pt): Pt => [round(p[0], 4), round(p[1], 4)];
  // Lakes must not drown a city.
  for (const l of lakes) for (const c of cities) if (pointInRing(c.lon, c.lat, l.ring)) throw new Error(`demo generator: ${l.name} covers ${c.name}`);
  return {
    roads: {
      type: 'FeatureCollection',
      features: roads.map((r) => ({ type: 'Feature', properties: { class: r.cls, name: r.name }, geometry: { type: 'LineString', coordinates: r.line.map(r5) } })),
    },
    barriers: {
      type: 'FeatureCollection',
      features: [
        ...rivers.map((r) => ({ type: 'Feature' as const, properties: { kind: 'river' as const, name: r.name }, geometry: { type: 'LineString' as const, coordinates: r.line.map(r5) } })),
        ...lakes.map((l) => ({ type: 'Feature' as const, properties: { kind: 'lake' as const, name: l.name }, geometry: { type: 'Polygon' as const, coordinates: [l.ring.map(r5)] } })),
      ],
    },
  };
}

const d2 = (a: Pt, b: Pt) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** The line up to BANK_GAP before its first crossing with any river (the whole line if it crosses none). */
function cutAtRiver(line: Pt[], rivers: Pt[][]): Pt[] {
  let walked = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i], line[i + 1]];
    const seg = Math.sqrt(d2(a, b));
    let first = Infinity;
    for (const river of rivers) for (let j = 0; j + 1 < river.length; j++) first = Math.min(first, crossing(a, b, river[j], river[j + 1]));
    if (first < Infinity) {
      const stop = first * seg - BANK_GAP;
      if (stop <= 0) return walked > BANK_GAP ? line.slice(0, i + 1) : [];
      const t = stop / seg;
      return [...line.slice(0, i + 1), [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]];
    }
    walked += seg;
  }
  return line;
}

/** Where segment ab crosses segment cd, as a fraction of ab (Infinity if they do not cross). */
function crossing(a: Pt, b: Pt, c: Pt, d: Pt): number {
  const r = [b[0] - a[0], b[1] - a[1]], q = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * q[1] - r[1] * q[0];
  if (den === 0) return Infinity;
  const t = ((c[0] - a[0]) * q[1] - (c[1] - a[1]) * q[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : Infinity;
}
