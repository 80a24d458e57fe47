/** What a dataset's facilities hold, from dataHoldsQuery's row: which measures, capacities and filters can be offered. */
export interface DataHolds {
  facilities: number;
  /** Facilities reporting each measure (0: not in this dataset). */
  known: { beds: number; doctors: number; nurses: number; midwives: number; workforce: number; services: number };
  types: string[];
  ownerships: string[];
  /** Services offered by at least one facility (empty: no service filter). */
  services: string[];
}

export function dataHoldsOf(r: {
  facilities: number; beds: number; doctors: number; nurses: number; midwives: number; workforce: number; services_known: number;
  types: string | null; ownerships: string | null; services: string | null;
}): DataHolds {
  const list = (s: string | null) => (s ? s.split(',') : []);
  return {
    facilities: r.facilities,
    known: { beds: r.beds, doctors: r.doctors, nurses: r.nurses, midwives: r.midwives, workforce: r.workforce, services: r.services_known },
    types: list(r.types), ownerships: list(r.ownerships), services: list(r.services),
  };
}

/** The density measures (overview, need view) the data hold: facilities always; beds, doctors, workforce when reported. */
export function heldMeasures<M extends string>(all: readonly M[], holds: DataHolds | null): M[] {
  if (!holds) return [...all];
  return all.filter((m) => m === 'facilities' || (holds.known as Record<string, number>)[m] > 0);
}
