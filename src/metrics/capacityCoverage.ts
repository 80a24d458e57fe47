/**
 * Capacity-limited coverage, WHO AccessMod's "geographic coverage" analysis (amCapacityAnalysis, AccessMod 5,
 * github.com/unige-geohealth/accessmod): facilities, in a chosen order, take the people within their travel-time
 * catchment, nearest first, up to their capacity, from a residual population that each facility then leaves to the
 * next. As in AccessMod, people are taken by whole-minute travel-time bands: every band whose cumulative population
 * fits the remaining capacity is served in full, and the first band that does not fit is served in proportion
 * (the same share of every cell in it), which uses the capacity up exactly.
 *
 * Absent is not zero: a facility whose capacity the dataset does not report is not processed (it serves nobody in
 * the count), and the people left unserved within its catchment are reported beside it, so the unserved total reads
 * as an upper bound. The search is sourceSearch.ts's (GRASS r.cost moves); population is people per grid cell.
 */
import { HPSA_POPULATION_PER_PHYSICIAN, UHC_BEDS_PER_10K_FULL_SCORE, WHO_WORKFORCE_PER_10K, WORKFORCE_BY_TYPE } from './accessThresholds';
import { knownStatus, type KnownMeasure } from './knownShare';
import { SourceSearch, type SurfaceInput } from './sourceSearch';

export const COVERAGE_ORDERS = ['capacity', 'population', 'type', 'given'] as const;
/** capacity: largest first; population: most people within reach first (AccessMod's "travel time" order); type: hospitals first; given: the dataset's order. */
export type CoverageOrder = (typeof COVERAGE_ORDERS)[number];
/** Referral level, highest first: the order "by type" processes facilities in (unknown types last). */
export const TYPE_ORDER = ['hospital', 'health_centre', 'clinic', 'health_post', 'mobile_unit', 'pharmacy'] as const;

export type CoverageCapacity = 'workforce' | 'doctors' | 'beds' | 'facilities' | 'typed';

/**
 * People one unit of capacity serves, from the norms the rest of the dashboard uses: a health worker serves
 * 10,000 / 44.5 people (WHO 2016 SDG threshold), a doctor 3,500 (HRSA HPSA ratio), a bed 10,000 / 18 (UHC index beds
 * tracer); a facility 10,000 people, an ASSUMPTION (about 1 public facility per 10,000 people, the typical density
 * for lower-middle-income countries in the design's calibration table, Maina et al. 2019): shown, to be replaced.
 */
export const PEOPLE_PER_UNIT: Readonly<Record<CoverageCapacity, number>> = {
  workforce: 10_000 / WHO_WORKFORCE_PER_10K,
  typed: 10_000 / WHO_WORKFORCE_PER_10K,
  doctors: HPSA_POPULATION_PER_PHYSICIAN,
  beds: 10_000 / UHC_BEDS_PER_10K_FULL_SCORE,
  facilities: 10_000,
};

export interface CapacityFields { type: string | null; beds: number | null; doctors: number | null; nurses: number | null; midwives: number | null }

/**
 * A facility's capacity in units of the option, or null when the dataset does not report it (knownShare.ts: health
 * workers are known only when doctors, nurses and midwives all are). `facilities` and `typed` are always known.
 */
export function capacityUnits(f: CapacityFields, capacity: CoverageCapacity): number | null {
  const workforce = f.doctors != null && f.nurses != null && f.midwives != null ? f.doctors + f.nurses + f.midwives : null;
  switch (capacity) {
    case 'facilities': return 1;
    // As accessSql.ts's `typed`: the type's default staff, 1 for a type outside the list.
    case 'typed': return workforce ?? (f.type != null && f.type in WORKFORCE_BY_TYPE ? WORKFORCE_BY_TYPE[f.type] : 1);
    case 'workforce': return workforce;
    case 'doctors': return f.doctors;
    case 'beds': return f.beds;
    default: throw new Error(`unknown capacity: ${String(capacity)}`);
  }
}

/**
 * The facilities in scope with their capacity in people (null = not reported), and what the data can say
 * (knownShare.ts): "absent" when no facility in the whole dataset reports the capacity, "incomplete" under 50% of the
 * facilities in scope; coverage is computed only when the capacity may be shown.
 */
export function coverageCapacities<T extends CapacityFields>(dataset: readonly T[], scoped: readonly T[], capacity: CoverageCapacity): { facilities: (T & { people: number | null })[]; known: KnownMeasure } {
  const facilities = scoped.map((f) => {
    const units = capacityUnits(f, capacity);
    return { ...f, people: units == null ? null : units * PEOPLE_PER_UNIT[capacity] };
  });
  const reported = facilities.filter((f) => f.people != null).length;
  const inDataset = dataset.some((f) => capacityUnits(f, capacity) != null);
  return { facilities, known: knownStatus(inDataset ? reported : null, reported, facilities.length) };
}

export interface CoverageFacility {
  /** Start cell on the grid, -1 when the facility is off the grid or surrounded by water. */
  cell: number;
  /** People it can serve; null = not reported (not processed). */
  capacity: number | null;
  type?: string | null;
}

export interface CoverageInput {
  surface: SurfaceInput;
  /** People per grid cell. */
  population: Float64Array;
  facilities: readonly CoverageFacility[];
  /** The catchment: cells within this many minutes (inclusive). */
  maxMinutes: number;
  order: CoverageOrder;
}

export interface FacilityCoverage {
  /** 1-based processing rank; null when not processed (capacity not reported, or no start cell). */
  rank: number | null;
  /** People in its catchment, not yet served by the facilities before it, when its turn came (AccessMod amPopTimeMax). */
  withinReach: number | null;
  served: number | null;
  /** Capacity left when its catchment ran out of people (AccessMod amCapacityResidual). */
  unused: number | null;
  /** Last whole-minute band served in full, and the band served in part (AccessMod's inner and outer rings). */
  fullTo: number | null;
  partBand: number | null;
  /** Capacity not reported: the people still unserved within its catchment after every other facility took its share. */
  unservedWithinReach: number | null;
}

export interface CoverageResult {
  /** People per cell nobody served. */
  residual: Float64Array;
  facilities: FacilityCoverage[];
  population: number;
  served: number;
}

const sumOf = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

/** The processing order: indices of the facilities to process, ties in the dataset's order. */
function processingOrder(input: CoverageInput, search: SourceSearch): number[] {
  const idx = input.facilities.map((_, i) => i).filter((i) => input.facilities[i].capacity != null && input.facilities[i].cell >= 0);
  const key = new Float64Array(input.facilities.length);
  if (input.order === 'capacity') idx.forEach((i) => { key[i] = -input.facilities[i].capacity!; });
  else if (input.order === 'type') {
    idx.forEach((i) => {
      const k = (TYPE_ORDER as readonly string[]).indexOf(input.facilities[i].type ?? '');
      key[i] = k < 0 ? TYPE_ORDER.length : k;
    });
  } else if (input.order === 'population') {
    // AccessMod's nested run: the people within reach of each facility on the whole population, most first.
    idx.forEach((i) => {
      const { cells } = search.from(input.facilities[i].cell, input.maxMinutes, false);
      let p = 0;
      for (const c of cells) p += input.population[c];
      key[i] = -p;
    });
  } else if (input.order !== 'given') throw new Error(`unknown coverage order: ${String(input.order)}`);
  return idx.sort((a, b) => key[a] - key[b] || a - b);
}

export function capacityCoverage(input: CoverageInput): CoverageResult {
  const search = new SourceSearch(input.surface);
  if (input.population.length !== search.cellCount) throw new RangeError(`population has ${input.population.length} cells, the grid ${search.cellCount}`);
  input.population.forEach((p, i) => {
    if (!(p >= 0) || !Number.isFinite(p)) throw new RangeError(`population of cell ${i} must be a finite number >= 0, got ${p}`);
  });
  input.facilities.forEach((f, i) => {
    if (f.capacity != null && !(f.capacity >= 0 && Number.isFinite(f.capacity))) throw new RangeError(`capacity of facility ${i} must be a finite number >= 0 or null, got ${f.capacity}`);
    if (f.cell >= search.cellCount || !Number.isInteger(f.cell)) throw new RangeError(`facility ${i} is on cell ${f.cell}, outside the grid's ${search.cellCount} cells`);
  });
  const residual = input.population.slice();
  const out: FacilityCoverage[] = input.facilities.map(() => ({ rank: null, withinReach: null, served: null, unused: null, fullTo: null, partBand: null, unservedWithinReach: null }));
  if (!Number.isFinite(input.maxMinutes)) throw new RangeError(`maxMinutes must be a finite number of minutes, got ${input.maxMinutes}`);
  // Whole-minute bands 0..maxMinutes: cells are grouped by band with a counting sort (no comparison sort per facility).
  const bands = Math.floor(input.maxMinutes) + 1;
  const start = new Int32Array(bands + 1);
  let order = new Int32Array(1024);
  processingOrder(input, search).forEach((j, rank) => {
    const { cells, minutes } = search.from(input.facilities[j].cell, input.maxMinutes, false);
    let withinReach = 0;
    start.fill(0);
    for (let k = 0; k < cells.length; k++) {
      withinReach += residual[cells[k]];
      start[Math.floor(minutes[k]) + 1]++;
    }
    for (let b = 0; b < bands; b++) start[b + 1] += start[b];
    if (order.length < cells.length) order = new Int32Array(2 * cells.length);
    const fill = start.slice(0, bands);
    for (let k = 0; k < cells.length; k++) order[fill[Math.floor(minutes[k])]++] = cells[k];
    const capacity = input.facilities[j].capacity!;
    let left = capacity;
    let fullTo: number | null = null;
    let partBand: number | null = null;
    // Nearest band first; a band with nobody left in it changes nothing.
    for (let band = 0; band < bands && left > 0; band++) {
      const a = start[band], b = start[band + 1];
      if (a === b) continue;
      let people = 0;
      for (let k = a; k < b; k++) people += residual[order[k]];
      if (people <= left) {
        for (let k = a; k < b; k++) residual[order[k]] = 0;
        left -= people;
        fullTo = band;
      } else {
        const keep = 1 - left / people;
        for (let k = a; k < b; k++) residual[order[k]] *= keep;
        left = 0;
        partBand = band;
      }
    }
    out[j] = { rank: rank + 1, withinReach, served: capacity - left, unused: left, fullTo, partBand, unservedWithinReach: null };
  });
  input.facilities.forEach((f, j) => {
    if (f.capacity != null || f.cell < 0) return;
    let p = 0;
    for (const c of search.from(f.cell, input.maxMinutes, false).cells) p += residual[c];
    out[j].unservedWithinReach = p;
  });
  const population = sumOf(input.population);
  return { residual, facilities: out, population, served: population - sumOf(residual) };
}

export interface CoverageRow { region_id: string; population: number; served: number; unserved: number }

/**
 * Served and unserved people per district (and nationally, region_id ''), from each point's cell: a point shares its
 * cell's served fraction. A point on no cell (off the grid, or in water with no dry neighbour) is unserved.
 */
export function coverageByDistrict(points: { regionIds: readonly string[]; population: ArrayLike<number>; cells: Int32Array }, initial: Float64Array, residual: Float64Array): { districts: CoverageRow[]; national: CoverageRow } {
  const by = new Map<string, CoverageRow>();
  const national: CoverageRow = { region_id: '', population: 0, served: 0, unserved: 0 };
  for (let i = 0; i < points.regionIds.length; i++) {
    const id = points.regionIds[i];
    let row = by.get(id);
    if (!row) by.set(id, (row = { region_id: id, population: 0, served: 0, unserved: 0 }));
    const p = points.population[i];
    const c = points.cells[i];
    const served = c >= 0 && initial[c] > 0 ? p * (1 - residual[c] / initial[c]) : 0;
    for (const r of [row, national]) {
      r.population += p;
      r.served += served;
      r.unserved += p - served;
    }
  }
  return { districts: [...by.values()].sort((a, b) => (a.region_id < b.region_id ? -1 : 1)), national };
}

/** People per grid cell from the points' cells (-1 = on no cell, left out). */
export function cellPopulation(cells: Int32Array, population: ArrayLike<number>, cellCount: number): Float64Array {
  const out = new Float64Array(cellCount);
  for (let i = 0; i < cells.length; i++) if (cells[i] >= 0) out[cells[i]] += population[i];
  return out;
}
