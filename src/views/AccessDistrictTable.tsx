import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { formatNumber } from '../charts/measureMeta';

export interface AccessDistrictRow {
  region_id: string;
  name: string;
  province: string;
  population: number;
  /** Share of people within the threshold, 0..1. */
  share: number | null;
  accessibility: number | null;
  poverty: number | null;
  priority: number | null;
  /** The two halves of the priority score (percentile ranks, 0..1). */
  accessNeed?: number;
  povertyNeed?: number;
  workforce_per_10k: number | null;
  whoShortage: boolean;
  peoplePerDoctor: number | null;
  hpsaShortage: boolean;
  beds_per_10k: number | null;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric } });
const helper = createColumnHelper<typeof features, AccessDistrictRow>();
const numeric = { meta: { numeric: true } };
const fmt = (digits: number, scale = 1) => (c: { getValue: () => unknown }) => formatNumber((c.getValue() as number | null) == null ? null : (c.getValue() as number) * scale, digits);
const flagged = (digits: number, flag: (r: AccessDistrictRow) => boolean) => (c: { getValue: () => unknown; row: { original: AccessDistrictRow } }) => {
  const text = formatNumber(c.getValue() as number | null, digits);
  return flag(c.row.original) ? <span className="access-short">{text} <span className="access-short-tag">short</span></span> : text;
};

const columns = helper.columns([
  helper.accessor('name', { header: 'District', sortFn: 'alphanumeric' }),
  helper.accessor('province', { header: 'Province', sortFn: 'alphanumeric' }),
  helper.accessor('population', { header: 'Population', cell: fmt(0), ...numeric }),
  helper.accessor('share', { header: 'Within threshold (%)', cell: fmt(1, 100), ...numeric }),
  helper.accessor('accessibility', { header: 'Accessibility / 10k', cell: fmt(1), ...numeric }),
  helper.accessor('poverty', { header: 'Poverty (%)', cell: fmt(1), ...numeric }),
  helper.accessor('priority', { header: 'Priority score', cell: fmt(2), ...numeric }),
  helper.accessor('workforce_per_10k', { header: 'Health workers / 10k', cell: flagged(1, (r) => r.whoShortage), ...numeric }),
  helper.accessor('peoplePerDoctor', { header: 'People per doctor', cell: flagged(0, (r) => r.hpsaShortage), ...numeric }),
  helper.accessor('beds_per_10k', { header: 'Beds / 10k', cell: fmt(1), ...numeric }),
]);

/** Every district in scope with its access figures; sorted by priority (highest first) until a header is clicked. */
export function AccessDistrictTable({ rows }: { rows: AccessDistrictRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'priority', desc: true }]);
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting });
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="access-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const isNum = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                return (
                  <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={isNum ? 'num' : undefined}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-region={row.original.region_id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : undefined}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
