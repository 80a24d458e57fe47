import { noisyOval, pointInRing } from './geography';
import type { City } from './population';
import { round, type Rng } from './random';

type Pt = [number, number]; // [lon, lat]
/** The land-cover classes the demo uses (src/data/travelLayers.ts lists every class the app knows). */
export type DemoLandCoverClass = 'low_vegetation' | 'medium_vegetation' | 'dense_vegetation';

export type LandCover = GeoJSON.FeatureCollection<GeoJSON.Polygon, { class: DemoLandCoverClass; name: string }>;

/**
 * Rough ground for Demo Republic, from its own random stream (the tables and the roads stay byte-identical): hills
 * in the west and the north, two forests, and the southern savanna, as irregular ovals kept off the cities (a city is
 * built-up ground: with another seed, an area that would cover a city's centre is left out). Walking there is slower
 * (AccessMod's speeds: medium vegetation 3, dense 2, low 4 km/h against 5); the roads through them keep their speed.
 */
export function buildLandCover(cities: City[], rng: Rng): LandCover {
  const areas: { name: string; cls: DemoLandCoverClass; centre: Pt; rx: number; ry: number }[] = [
    { name: 'Western Hills', cls: 'medium_vegetation', centre: [30.9, 10.9], rx: 0.7, ry: 0.6 },
    { name: 'Northern Highlands', cls: 'medium_vegetation', centre: [36.6, 15.0], rx: 0.9, ry: 0.6 },
    { name: 'Great Forest', cls: 'dense_vegetation', centre: [35.0, 12.3], rx: 0.55, ry: 0.45 },
    { name: 'Valley Forest', cls: 'dense_vegetation', centre: [30.6, 13.9], rx: 0.45, ry: 0.5 },
    { name: 'Southern Savanna', cls: 'low_vegetation', centre: [33.0, 10.6], rx: 1.1, ry: 0.45 },
  ];
  const features = areas.flatMap((a) => {
    const ring = noisyOval(a.centre, a.rx, a.ry, 32, 0.85, 0.3, rng).map(([x, y]) => [round(x, 4), round(y, 4)] as Pt);
    if (cities.some((c) => pointInRing(c.lon, c.lat, ring))) return [];
    return [{ type: 'Feature' as const, properties: { class: a.cls, name: a.name }, geometry: { type: 'Polygon' as const, coordinates: [ring] } }];
  });
  return { type: 'FeatureCollection', features };
}
