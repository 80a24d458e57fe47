import { oneOf, settingsCodec } from '../../state/settingsCodec';

/** The district table's sortable columns (DistrictTable.tsx). */
export const DISTRICT_COLUMNS = [
  'name', 'province', 'population', 'facilities', 'facilities_per_10k', 'beds_per_10k', 'doctors_per_10k', 'workforce_per_10k',
] as const;
export type DistrictColumn = (typeof DISTRICT_COLUMNS)[number];

/** A column ascending (`beds_per_10k`), descending (`-beds_per_10k`), or `none` (the table's own order). */
export type DistrictSort = DistrictColumn | `-${DistrictColumn}` | 'none';
const SORTS: readonly DistrictSort[] = ['none', ...DISTRICT_COLUMNS, ...DISTRICT_COLUMNS.map((c) => `-${c}` as const)];

export interface OverviewSettings {
  /** How the district table is sorted: the worst-served first unless the user sorts otherwise. */
  sort: DistrictSort;
}

/** The Overview's settings in the link: `overview.sort`. */
export const OVERVIEW_SETTINGS = settingsCodec<OverviewSettings>('overview', {
  sort: oneOf(SORTS),
}, (given) => ({ sort: 'workforce_per_10k', ...given }), 'overview');

/** The sort as TanStack Table's state, and back. */
export const sortingOf = (s: DistrictSort): { id: DistrictColumn; desc: boolean }[] =>
  s === 'none' ? [] : [{ id: s.replace(/^-/, '') as DistrictColumn, desc: s.startsWith('-') }];
export const sortOf = (sorting: readonly { id: string; desc: boolean }[]): DistrictSort => {
  const first = sorting[0];
  return first && (DISTRICT_COLUMNS as readonly string[]).includes(first.id) ? (`${first.desc ? '-' : ''}${first.id}` as DistrictSort) : 'none';
};
