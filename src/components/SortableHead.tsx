import { FlexRender, type Header, type RowData, type TableFeatures } from '@tanstack/react-table';

/** What a sortable column offers (rowSortingFeature); typed here once so this header serves any table. */
interface SortableColumn {
  getIsSorted: () => false | 'asc' | 'desc';
  getToggleSortingHandler: () => ((event: unknown) => void) | undefined;
  columnDef: { meta?: unknown };
}

/** A table head whose column titles are sort buttons, with aria-sort and an arrow for the direction. */
export function SortableHead<TF extends TableFeatures, TD extends RowData>({ groups }: { groups: { id: string; headers: Header<TF, TD, unknown>[] }[] }) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const column = header.column as unknown as SortableColumn;
            const sorted = column.getIsSorted();
            const numeric = (column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
            return (
              <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={numeric ? 'num' : undefined}>
                <button type="button" onClick={column.getToggleSortingHandler()}>
                  <FlexRender header={header} />
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
