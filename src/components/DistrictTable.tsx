import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { formatNumber } from '../charts/measureMeta';
import type { DistrictDensityRow } from '../queries/overviewSql';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric } });
const helper = createColumnHelper<typeof features, DistrictDensityRow>();
const num = (digits: number) => ({ cell: (c: { getValue: () => unknown }) => formatNumber(c.getValue() as number, digits), meta: { numeric: true } });
const columns = helper.columns([
  helper.accessor('name', { header: 'District', sortFn: 'alphanumeric' }),
  helper.accessor('province', { header: 'Province', sortFn: 'alphanumeric' }),
  helper.accessor('population', { header: 'Population', ...num(0) }),
  helper.accessor('facilities', { header: 'Facilities', ...num(0) }),
  helper.accessor('facilities_per_10k', { header: 'Facilities / 10k', ...num(2) }),
  helper.accessor('beds_per_10k', { header: 'Beds / 10k', ...num(1) }),
  helper.accessor('doctors_per_10k', { header: 'Doctors / 10k', ...num(2) }),
  helper.accessor('workforce_per_10k', { header: 'Health workers / 10k', ...num(1) }),
]);

/** Districts with their counts and densities; click a header to sort. */
export function DistrictTable({ rows, selected, onSelect }: { rows: DistrictDensityRow[]; selected: string | null; onSelect: (id: string | null) => void }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'workforce_per_10k', desc: false }]);
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting });
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="district-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                return (
                  <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={numeric ? 'num' : undefined}>
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
            <tr key={row.id} data-region={row.original.region_id} aria-selected={row.original.region_id === selected}
              className={row.original.region_id === selected ? 'selected' : undefined}
              onClick={() => onSelect(row.original.region_id === selected ? null : row.original.region_id)}>
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
