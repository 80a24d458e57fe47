import type { DataHolds } from '../../metrics/dataHolds';
import { hpsaShortage, priorityScores, workforceShortage } from '../../metrics/access';
import { knownStatus, type KnownMeasure } from '../../metrics/knownShare';
import {
  ACCESS_SERVICES, CATCHMENT_CAPACITIES,
  type AccessibilityRegionRow, type AccessService, type CatchmentCapacity, type DistanceBucketRow, type DistrictPovertyRow, type MapCell,
} from '../../queries/accessViewSql';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import type { AccessDistrictRow } from './AccessDistrictTable';
import { coverageAt, type Coverage } from './accessCoverage';
import type { AccessSettings } from './accessSettings';

/** A row of the distance or catchment summary: per-district figures, and the map's grid cells. */
export type SummaryRow = (DistanceBucketRow | AccessibilityRegionRow | MapCell) & { kind: 'region' | 'cell' };

export interface HeldSettings {
  /** The choices offered: what the data hold. */
  services: AccessService[];
  capacities: CatchmentCapacity[];
  /** A choice the link asks for that the data do not hold (shown with a notice), or null. */
  unheldService: AccessService | null;
  unheldCapacity: CatchmentCapacity | null;
  /** The settings used: an unheld choice falls back to "any service" / "each facility counts 1". */
  settings: AccessSettings;
}

/**
 * Offer only what the data hold: services some facility offers, capacities some facility reports (plus "each facility
 * counts 1" and "by type", always computable). Until the holdings are known (null), everything is offered.
 */
export function heldSettings(asked: AccessSettings, holds: DataHolds | null): HeldSettings {
  const services = holds ? ACCESS_SERVICES.filter((v) => v === 'any' || holds.services.includes(v)) : [...ACCESS_SERVICES];
  const capacities = holds ? CATCHMENT_CAPACITIES.filter((c) => c === 'facilities' || c === 'typed' || holds.known[c] > 0) : [...CATCHMENT_CAPACITIES];
  const unheldService = services.includes(asked.service) ? null : asked.service;
  const unheldCapacity = capacities.includes(asked.capacity) ? null : asked.capacity;
  const settings = { ...asked, service: unheldService ? 'any' : asked.service, capacity: unheldCapacity ? 'facilities' : asked.capacity } as AccessSettings;
  return { services, capacities, unheldService, unheldCapacity, settings };
}

export interface AccessModelInput {
  /** Distance buckets and cells of the last finished run, and the step width it was computed with. */
  distance: readonly SummaryRow[] | null;
  distanceStepKm: number | null;
  /** The slider's position on the current step grid. */
  steps: { stepKm: number; maxSteps: number; index: number };
  /** District densities; null until known (no district rows then). */
  densities: readonly DistrictDensityRow[] | null;
  /** Poverty per district; null or empty when not known: districts are then ranked on access alone. */
  poverty: readonly DistrictPovertyRow[] | null;
  /** Accessibility per district and cells of the last finished catchment run. */
  catchment: readonly SummaryRow[] | null;
  /** A district's display name (the interface language's, when the dataset has one). */
  regionName: (id: string, name: string) => string;
}

export interface AccessModel {
  /** Coverage at the slider's threshold; null until distances of the same step width are known. */
  coverage: Coverage | null;
  districts: AccessDistrictRow[];
  /** Districts with a priority score (accessibility known, and poverty when any district has it). */
  ranked: AccessDistrictRow[];
  /** Ranked on access alone: the dataset holds no poverty figure. */
  accessOnly: boolean;
  /** The three districts with the lowest share within the threshold, lowest first. */
  worst: { name: string; share: number }[];
  /** The three districts with the highest priority, highest first. */
  topPriority: AccessDistrictRow[];
  /** Population-weighted mean accessibility of the districts in scope (a district with none counts 0); null when none. */
  accessNational: number | null;
  /** Districts under the WHO workforce density and in an HPSA shortage; whether any district has a known staff figure. */
  whoShort: number;
  hpsaShort: number;
  staffShown: boolean;
}

const regions = <T extends { kind: string }>(rows: readonly T[] | null) => (rows ?? []).filter((r) => r.kind === 'region');

/** Everything the Access view shows, from its query rows: pure, so each figure is tested on hand-made rows. */
export function accessModel(i: AccessModelInput): AccessModel {
  const coverage = i.distance && i.distanceStepKm === i.steps.stepKm
    ? coverageAt(regions(i.distance) as DistanceBucketRow[], i.steps.index, i.steps.maxSteps)
    : null;
  const accessRows = regions(i.catchment) as AccessibilityRegionRow[];
  const districts = districtRows(i, coverage, accessRows);
  const ranked = districts.filter((d) => d.priority != null && d.accessibility != null);
  const names = new Map(districts.map((d) => [d.region_id, d.name]));
  const worst = coverage
    ? coverage.districts.filter((d) => d.share != null).sort((a, b) => a.share! - b.share!).slice(0, 3)
      .map((d) => ({ name: names.get(d.region_id) ?? d.region_id, share: d.share! }))
    : [];
  const population = accessRows.reduce((a, r) => a + r.population, 0);
  return {
    coverage, districts, ranked,
    accessOnly: ranked.length > 0 && ranked.every((d) => d.povertyNeed === undefined),
    worst,
    topPriority: [...ranked].sort((a, b) => b.priority! - a.priority!).slice(0, 3),
    accessNational: accessRows.length ? accessRows.reduce((a, r) => a + r.population * (r.value ?? 0), 0) / Math.max(1, population) : null,
    whoShort: districts.filter((d) => d.whoShortage).length,
    hpsaShort: districts.filter((d) => d.hpsaShortage).length,
    // No district with a known staff density: no shortage can be said either way.
    staffShown: districts.some((d) => d.workforce_per_10k != null || d.peoplePerDoctor != null),
  };
}

function districtRows(i: AccessModelInput, coverage: Coverage | null, accessRows: readonly AccessibilityRegionRow[]): AccessDistrictRow[] {
  if (!i.densities) return [];
  const share = new Map(coverage?.districts.map((d) => [d.region_id, d.share]) ?? []);
  const access = new Map(accessRows.map((r) => [r.region_id, r.value]));
  const pov = new Map((i.poverty ?? []).map((p) => [p.region_id, p.poverty]));
  // No poverty figure at all (no socio-economic table): rank on access alone rather than rank nothing.
  const ranked = priorityScores(
    i.densities
      .filter((d) => access.get(d.region_id) != null && (pov.size === 0 || pov.get(d.region_id) != null))
      .map((d) => ({ id: d.region_id, accessibility: access.get(d.region_id)!, poverty: pov.size === 0 ? null : pov.get(d.region_id)! })),
  );
  const priority = new Map(ranked.map((p) => [p.id, p]));
  // Absent is not zero: a density not known for enough of a district's facilities has no value and raises no flag.
  const note = (m: KnownMeasure) => (m.status === 'known' ? undefined : m);
  return i.densities.map((d) => {
    const doctorsKnown = d.doctors_per_10k != null && d.doctors != null;
    const hpsa = doctorsKnown ? hpsaShortage(d.population, d.doctors!) : { ratio: null, shortage: false };
    return {
      region_id: d.region_id, name: i.regionName(d.region_id, d.name), province: i.regionName(d.province_id, d.province), population: d.population,
      share: share.get(d.region_id) ?? null,
      accessibility: access.get(d.region_id) ?? null,
      poverty: pov.get(d.region_id) ?? null,
      priority: priority.get(d.region_id)?.priority ?? null,
      accessNeed: priority.get(d.region_id)?.accessNeed,
      povertyNeed: priority.get(d.region_id)?.povertyNeed ?? undefined,
      workforce_per_10k: d.workforce_per_10k,
      whoShortage: d.workforce_per_10k != null && workforceShortage(d.workforce_per_10k),
      peoplePerDoctor: hpsa.ratio === Infinity ? null : hpsa.ratio,
      hpsaShortage: hpsa.shortage,
      beds_per_10k: d.beds_per_10k,
      notes: {
        workforce: note(knownStatus(d.workforce, d.workforce_known, d.facilities)),
        doctors: note(knownStatus(d.doctors, d.doctors_known, d.facilities)),
        beds: note(knownStatus(d.beds, d.beds_known, d.facilities)),
      },
    };
  });
}
