/**
 * "Absent is not zero": how a facility measure (beds, doctors, health workers) is shown when some or all facilities do
 * not report it. A facility's value is known when its column is not null; health workers are known only when doctors,
 * nurses and midwives all are (the WHO SDG 3.c.1 workforce is their sum, and a missing cadre is not a zero cadre).
 *
 * The rule, in one place (the SQL in overviewSql.ts applies the same constant):
 *  - no facility in the dataset reports it (column missing, or null everywhere): "not in this dataset" — no number,
 *    no rank, no shortage flag, no gap to a threshold;
 *  - known for fewer than MIN_KNOWN_SHARE of the facilities in scope: "too incomplete" — same as above, with the share;
 *  - otherwise the density is the sum of the known values per 10,000 people, with the known share beside it. It is
 *    never scaled up: below 100% it is a floor (the unreported facilities add to it, never subtract).
 * A scope with no facility at all, in a dataset that does report the measure, has a known total of 0.
 */

/** Below this share of facilities with a known value, a district's or a scope's density is not shown. */
export const MIN_KNOWN_SHARE = 0.5;

export type KnownStatus = 'known' | 'partial' | 'incomplete' | 'absent';

/** What the numbers of one measure in one scope can say. */
export interface KnownMeasure {
  status: KnownStatus;
  /** Known facilities / facilities in scope, 0..1 (1 when the scope has no facility); null when absent from the dataset. */
  share: number | null;
}

/**
 * The status of a measure from its summed value (null when no facility in the dataset reports it), the facilities with a
 * known value, and the facilities in scope.
 */
export function knownStatus(sum: number | null | undefined, known: number, facilities: number): KnownMeasure {
  if (sum == null) return { status: 'absent', share: null };
  const share = facilities > 0 ? known / facilities : 1;
  if (share < MIN_KNOWN_SHARE) return { status: 'incomplete', share };
  return { status: share < 1 ? 'partial' : 'known', share };
}

/** True when a value may be shown, ranked and compared with a threshold. */
export const isShown = (m: KnownMeasure) => m.status === 'known' || m.status === 'partial';
