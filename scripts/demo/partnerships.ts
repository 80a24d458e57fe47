import { PARTNER_TYPES, PROGRAMMES } from '../../src/data/contract';
import type { Facility } from './facilities';
import { distanceKm } from './geography';
import { PARTNERS } from './names';
import type { City } from './population';
import type { Rng } from './random';

export const BASE_PARTNERSHIPS = 450;

export interface Partnership {
  partnership_id: string; facility_id: string; partner_name: string; partner_type: string;
  programme: string; start_year: number; end_year: number | null;
}

const TYPE_WEIGHTS = [25, 15, 25, 15, 5, 10, 5]; // academic, international, ngo, charity, military, government, private
const TARGET: Record<string, number> = { hospital: 6, health_centre: 2, clinic: 0.6, health_post: 0.5, pharmacy: 0.05, mobile_unit: 1 };

/** Partnerships cluster (unfairly) around the capital: the weight decays with distance from it. */
export function buildPartnerships(facilities: Facility[], cities: City[], rng: Rng, scale: number): Partnership[] {
  const capital = cities.find((c) => c.capital)!;
  const weights = facilities.map((f) => TARGET[f.type] * Math.exp(-distanceKm(f.lon, f.lat, capital.lon, capital.lat) / 220));
  const out: Partnership[] = [];
  const n = Math.round(BASE_PARTNERSHIPS * scale);
  for (let i = 0; i < n; i++) {
    const f = rng.weighted(facilities, weights);
    const partner_type = rng.weighted(PARTNER_TYPES, TYPE_WEIGHTS);
    const start = rng.int(2008, 2024);
    out.push({
      partnership_id: `PS${String(i + 1).padStart(5, '0')}`, facility_id: f.facility_id,
      partner_name: rng.pick(PARTNERS[partner_type]), partner_type,
      programme: rng.pick(PROGRAMMES), start_year: start,
      end_year: rng.chance(0.55) ? null : Math.min(2030, start + rng.int(1, 6)),
    });
  }
  return out;
}
