import { Bool, Field, Float64, Int32, List, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnType, TableSpec } from './contract';

export function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'string': return new Utf8();
    case 'int': return new Int32();
    case 'double': return new Float64();
    case 'bool': return new Bool();
    case 'string[]': return new List(new Field('item', new Utf8(), true));
  }
}

/** Columns of plain JS values -> an Arrow table typed by the contract (column order as in the contract). */
export function arrowTableFromColumns(spec: TableSpec, columns: Record<string, ArrayLike<unknown>>): Table {
  const vectors: Record<string, Vector> = {};
  for (const col of spec.columns) {
    const values = columns[col.name];
    if (values === undefined) {
      if (col.required) throw new Error(`${spec.name}: missing required column ${col.name}`);
      continue;
    }
    vectors[col.name] = vectorFromArray(Array.from(values), arrowType(col.type));
  }
  return new Table(vectors);
}
