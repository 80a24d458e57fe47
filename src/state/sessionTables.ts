import { CONTRACT, TABLE_NAMES, type TableName } from '../data/contract';

/**
 * The tables a session must load to serve `requested`: those tables plus every table their foreign keys point
 * to (recursively), so that validation can check the keys. Returned in `order` (the manifest's load order,
 * keys before their users). No request means every table in `order`.
 */
export function sessionTables(order: readonly TableName[], requested?: readonly TableName[]): TableName[] {
  if (!requested) return [...order];
  const wanted = new Set<TableName>();
  const add = (t: TableName) => {
    if (wanted.has(t)) return;
    wanted.add(t);
    for (const c of CONTRACT[t].columns) if (c.references && c.references.table !== t) add(c.references.table);
  };
  for (const t of requested) {
    if (!(TABLE_NAMES as readonly string[]).includes(t)) throw new Error(`unknown table: ${t}`);
    add(t);
  }
  return order.filter((t) => wanted.has(t));
}
