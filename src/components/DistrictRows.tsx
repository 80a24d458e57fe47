import type { ReactNode } from 'react';
import { SelectCell } from './SelectCell';

/** Column meta the district tables set: `numeric` aligns right, `select` makes the cell the row's select button. */
type Meta = { numeric?: boolean; select?: boolean } | undefined;

interface CellLike { id: string; column: { columnDef: { meta?: unknown } } }
interface RowLike<R, C extends CellLike> { id: string; original: R; getAllCells(): C[] }

interface Props<R, C extends CellLike> {
  rows: readonly RowLike<R, C>[];
  selected: string | null;
  /** Without it the rows only show; with it a click on the row or its name button (Tab, Enter) toggles the district. */
  onSelect?: (id: string | null) => void;
  /** The district's name as shown in the select button. */
  name: (row: R) => ReactNode;
  /** Draws one cell (the table's FlexRender). */
  cell: (cell: C) => ReactNode;
}

/** The body rows of a district table: one row per district, the selected one marked for the eye and for screen readers. */
export function DistrictRows<R extends { region_id: string }, C extends CellLike>({ rows, selected, onSelect, name, cell }: Props<R, C>) {
  const toggle = (id: string) => onSelect?.(id === selected ? null : id);
  return (
    <tbody>
      {rows.map((row) => {
        const id = row.original.region_id;
        return (
          <tr key={row.id} data-region={id} aria-selected={onSelect ? id === selected : undefined}
            className={id === selected ? 'selected' : undefined} onClick={onSelect ? () => toggle(id) : undefined}>
            {row.getAllCells().map((c) => {
              const meta = c.column.columnDef.meta as Meta;
              return meta?.select && onSelect ? (
                <td key={c.id}>
                  <SelectCell selected={id === selected} onToggle={() => toggle(id)}>{name(row.original)}</SelectCell>
                </td>
              ) : (
                <td key={c.id} className={meta?.numeric ? 'num' : undefined}>{cell(c)}</td>
              );
            })}
          </tr>
        );
      })}
    </tbody>
  );
}
