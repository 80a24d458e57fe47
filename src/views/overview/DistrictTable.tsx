import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type SortingState,
} from '@tanstack/react-table';
import { SortableHead } from '../../components/SortableHead';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import type { DistrictDensityRow } from '../../queries/overviewSql';
import { DistrictRows } from '../../components/DistrictRows';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric } });
const helper = createColumnHelper<typeof features, DistrictDensityRow>();

/** Header and cells render as components, so the module-scope columns follow the interface language. */
function Head({ k }: { k: MessageKey }) {
  return <>{useI18n().t(k)}</>;
}
function Num({ value, digits }: { value: unknown; digits: number }) {
  return <>{useI18n().num(value as number, digits)}</>;
}
function Region({ id, name }: { id: string; name: string }) {
  return <>{useI18n().region(id, name)}</>;
}
const num = (digits: number) => ({ cell: (c: { getValue: () => unknown }) => <Num value={c.getValue()} digits={digits} />, meta: { numeric: true } });
/** A density that may be unknown: "not in this dataset", "30% known" (too few), or the value with "62% known" beside it. */
function Known({ value, digits, share }: { value: number | null; digits: number; share: number | null }) {
  const { t, num, pct } = useI18n();
  if (share == null) return <span className="not-in-data">{t('known.notInDataShort')}</span>;
  const known = share < 1 ? <span className="muted small"> ({t('known.shareShort', { share: pct(100 * share, 0) })})</span> : null;
  return value == null ? <span className="not-in-data">{t('known.shareShort', { share: pct(100 * share, 0) })}</span> : <>{num(value, digits)}{known}</>;
}
const known = (digits: number, share: (r: DistrictDensityRow) => number | null) => ({
  cell: (c: { getValue: () => unknown; row: { original: DistrictDensityRow } }) => <Known value={c.getValue() as number | null} digits={digits} share={share(c.row.original)} />,
  meta: { numeric: true },
});
const columns = helper.columns([
  helper.accessor('name', { header: () => <Head k="col.district" />, sortFn: 'alphanumeric', meta: { select: true } }),
  helper.accessor('province', { header: () => <Head k="col.province" />, sortFn: 'alphanumeric',
    cell: (c) => <Region id={c.row.original.province_id} name={c.getValue() as string} /> }),
  helper.accessor('population', { header: () => <Head k="col.population" />, ...num(0) }),
  helper.accessor('facilities', { header: () => <Head k="col.facilities" />, ...num(0) }),
  helper.accessor('facilities_per_10k', { header: () => <Head k="measure.facilities.short" />, ...num(2) }),
  helper.accessor('beds_per_10k', { header: () => <Head k="measure.beds.short" />, ...known(1, (r) => r.beds_known_share) }),
  helper.accessor('doctors_per_10k', { header: () => <Head k="measure.doctors.short" />, ...known(2, (r) => r.doctors_known_share) }),
  helper.accessor('workforce_per_10k', { header: () => <Head k="measure.workforce.short" />, ...known(1, (r) => r.workforce_known_share) }),
]);


interface Props {
  rows: DistrictDensityRow[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** How the table is sorted (the caller keeps it, e.g. in the link). */
  sorting: SortingState;
  onSort: (sorting: SortingState) => void;
}

/** Districts with their counts and densities; a header button sorts, a district's name selects it (mouse or keyboard). */
export function DistrictTable({ rows, selected, onSelect, sorting, onSort }: Props) {
  const { region } = useI18n();
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: (u) => onSort(typeof u === 'function' ? u(sorting) : u) });
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="district-table">
        <SortableHead groups={table.getHeaderGroups()} />
        <DistrictRows rows={table.getRowModel().rows} selected={selected} onSelect={onSelect} name={(r) => region(r.region_id, r.name)}
          cell={(c) => <table.FlexRender cell={c} />} />
      </table>
    </div>
  );
}
