import type { FACILITY_TYPES, OWNERSHIPS, SERVICES } from '../../src/data/contract';
import type { Geography } from './geography';
import type { City, PopulationPoints } from './population';
import { round, type Rng } from './random';

type FacilityType = (typeof FACILITY_TYPES)[number];
type Ownership = (typeof OWNERSHIPS)[number];
type Service = (typeof SERVICES)[number];

export interface Facility {
  facility_id: string;
  name: string;
  district: number;
  lat: number;
  lon: number;
  type: FacilityType;
  ownership: Ownership;
  beds: number;
  doctors: number;
  nurses: number;
  midwives: number;
  services: Service[];
  open_year: number;
}

export const BASE_FACILITIES = 3_400;

// Share of facilities by type, and how strongly each type clusters in towns (urban weight multiplier).
const TYPE_MIX: [FacilityType, number, number][] = [
  ['hospital', 0.025, 12], ['health_centre', 0.2, 2], ['clinic', 0.25, 6],
  ['health_post', 0.3, 0.5], ['pharmacy', 0.18, 8], ['mobile_unit', 0.045, 0.4],
];
const OWNERSHIP_MIX: Record<FacilityType, [Ownership[], number[]]> = {
  hospital: [['public', 'private', 'faith_based', 'military', 'ngo'], [70, 15, 8, 5, 2]],
  health_centre: [['public', 'faith_based', 'ngo', 'private'], [75, 12, 8, 5]],
  clinic: [['private', 'public', 'ngo', 'faith_based'], [55, 20, 12, 13]],
  health_post: [['public', 'ngo', 'faith_based'], [85, 10, 5]],
  pharmacy: [['private', 'public'], [90, 10]],
  mobile_unit: [['ngo', 'public', 'military'], [50, 40, 10]],
};
const TYPE_LABEL: Record<FacilityType, string> = {
  hospital: 'Hospital', health_centre: 'Health Centre', clinic: 'Clinic',
  health_post: 'Health Post', pharmacy: 'Pharmacy', mobile_unit: 'Mobile Unit',
};

function services(type: FacilityType, rng: Rng): Service[] {
  const s: Service[] = [];
  const add = (svc: Service, p = 1) => { if (rng.chance(p)) s.push(svc); };
  switch (type) {
    case 'hospital':
      add('emergency'); add('maternity'); add('immunization', 0.9); add('surgery', 0.8); add('outpatient');
      add('laboratory'); add('pharmacy'); add('imaging', 0.6); break;
    case 'health_centre':
      add('maternity', 0.7); add('immunization'); add('outpatient'); add('laboratory', 0.5); add('pharmacy', 0.6); break;
    case 'clinic':
      add('immunization', 0.3); add('outpatient'); add('laboratory', 0.3); add('pharmacy', 0.4); break;
    case 'health_post':
      add('maternity', 0.2); add('immunization', 0.8); add('outpatient'); break;
    case 'pharmacy':
      add('pharmacy'); break;
    case 'mobile_unit':
      add('immunization'); add('outpatient'); break;
  }
  return s;
}

/** Staff and beds by type; calibrated so the country lands near WHO/WDI ranges for lower-middle-income states. */
function capacity(type: FacilityType, urban: boolean, big: boolean, rng: Rng) {
  const ln = (median: number, sd: number) => median * Math.exp(rng.normal(0, sd));
  switch (type) {
    case 'hospital': {
      const beds = Math.round(ln(big ? 400 : urban ? 110 : 50, 0.4));
      return { beds, doctors: Math.round(beds * ln(urban ? 0.7 : 0.5, 0.3)), nurses: Math.round(beds * ln(1.3, 0.25)), midwives: Math.round(beds * ln(0.15, 0.3)) };
    }
    case 'health_centre':
      return { beds: Math.round(ln(10, 0.4)), doctors: Math.round(ln(urban ? 3 : 1.5, 0.5)), nurses: Math.round(ln(6, 0.4)), midwives: Math.round(ln(2, 0.5)) };
    case 'clinic':
      return { beds: rng.int(0, 4), doctors: Math.round(ln(urban ? 2.5 : 1, 0.5)), nurses: Math.round(ln(2, 0.5)), midwives: rng.int(0, 1) };
    case 'health_post':
      return { beds: 0, doctors: 0, nurses: rng.int(1, 2), midwives: rng.int(0, 1) };
    case 'pharmacy':
      return { beds: 0, doctors: 0, nurses: 0, midwives: 0 };
    case 'mobile_unit':
      return { beds: 0, doctors: rng.int(0, 1), nurses: rng.int(1, 3), midwives: rng.int(0, 1) };
  }
}

export function buildFacilities(
  geo: Geography, cities: City[], pop: PopulationPoints, districtNames: string[], rng: Rng, scale: number,
): Facility[] {
  const out: Facility[] = [];
  const counters = new Map<string, number>();
  const make = (type: FacilityType, at: number, opts: { big?: boolean; name?: string } = {}) => {
    const urban = pop.urban[at] === 1;
    const district = pop.district[at];
    const key = `${district}:${type}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const [owners, weights] = OWNERSHIP_MIX[type];
    out.push({
      facility_id: '', district, type,
      name: opts.name ?? `${districtNames[district]} ${TYPE_LABEL[type]}${n > 1 ? ` ${n}` : ''}`,
      lat: round(pop.lat[at] + rng.normal(0, 0.01), 5), lon: round(pop.lon[at] + rng.normal(0, 0.01), 5),
      ownership: opts.big ? 'public' : rng.weighted(owners, weights),
      ...capacity(type, urban, opts.big ?? false, rng),
      services: services(type, rng),
      open_year: type === 'hospital' ? rng.int(1950, 2015) : rng.int(1970, 2024),
    });
  };

  // Every district has a health centre at its most populous point; every province a hospital.
  const biggest = new Int32Array(geo.districts.length).fill(-1);
  for (let i = 0; i < pop.n; i++) {
    const d = pop.district[i];
    if (biggest[d] < 0 || pop.population[i] > pop.population[biggest[d]]) biggest[d] = i;
  }
  geo.districts.forEach((d) => biggest[d.index] >= 0 && make('health_centre', biggest[d.index]));
  const districtPop = new Float64Array(geo.districts.length);
  for (let i = 0; i < pop.n; i++) districtPop[pop.district[i]] += pop.population[i];
  for (const p of geo.provinces) {
    const ds = geo.districts.filter((d) => d.province === p.index);
    const top = ds.reduce((a, b) => (districtPop[b.index] > districtPop[a.index] ? b : a));
    make('hospital', biggest[top.index], { name: `${districtNames[top.index]} Provincial Hospital` });
  }
  // The capital's national referral hospitals.
  const capital = cities.find((c) => c.capital)!;
  for (let h = 0; h < 3; h++) {
    make('hospital', biggest[capital.district], { big: true, name: ['National Referral Hospital', 'University Teaching Hospital', 'National Maternity Hospital'][h] });
  }

  // The rest: sample population points, weighted by people and by how much each type favours towns.
  const total = Math.round(BASE_FACILITIES * scale) - out.length;
  for (const [type, share, urbanBoost] of TYPE_MIX) {
    const cum = new Float64Array(pop.n);
    let acc = 0;
    for (let i = 0; i < pop.n; i++) cum[i] = acc += pop.population[i] ** 0.6 * (pop.urban[i] ? urbanBoost : 1);
    const m = Math.round(total * share);
    for (let j = 0; j < m; j++) make(type, searchCumulative(cum, rng() * acc));
  }
  out.forEach((f, i) => (f.facility_id = `F${String(i + 1).padStart(6, '0')}`));
  return out;
}

function searchCumulative(cum: Float64Array, x: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
