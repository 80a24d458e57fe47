/** Quote an identifier. Identifiers come from the contract (an allow-list), never from user text. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A SQL string literal, for constants from the contract only (user values go in as parameters). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
