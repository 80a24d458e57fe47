import { describe, expect, it } from 'vitest';
import { DataType, makeData, makeVector, Table, Utf8, type Vector, type Field } from 'apache-arrow';
import { createNodeDb } from './nodeDb';
import { tableToRows } from './sqlRunner';

/** The plain conversion, as the reference: Vector.get per cell, Decimal through String(). */
function perCell(table: Table): Record<string, unknown>[] {
  const convert = (f: Field) => DataType.isDecimal(f.type)
    ? (v: unknown) => (v == null ? null : Number(String(v)) / 10 ** (f.type as { scale: number }).scale)
    : (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
  return Array.from({ length: table.numRows }, (_, i) =>
    Object.fromEntries(table.schema.fields.map((f) => [f.name, convert(f)(table.getChild(f.name)!.get(i))])));
}

// Duck-typed: in Node, duckdb-wasm's CommonJS build brings its own copy of apache-arrow.
const isVector = (v: unknown): v is Vector => v != null && typeof v === 'object' && 'type' in v && Symbol.iterator in v;

/** Same keys in the same order, and the same values (lists compared by content: get makes a new Vector each time). */
const same = (a: Record<string, unknown>[], b: Record<string, unknown>[]) => {
  expect(a).toHaveLength(b.length);
  a.forEach((r, i) => {
    expect(Object.keys(r)).toEqual(Object.keys(b[i]));
    for (const k of Object.keys(r)) {
      const [x, y] = [r[k], b[i][k]];
      if (isVector(x) && isVector(y)) expect([String(x.type), ...x]).toEqual([String(y.type), ...y]);
      else expect([k, x]).toStrictEqual([k, y]);
    }
  });
};

/** A Utf8 column straight from bytes (so invalid UTF-8 and byte order marks can be tested). */
function utf8Vector(parts: (number[] | null)[]) {
  const offsets = [0];
  for (const p of parts) offsets.push(offsets[offsets.length - 1] + (p?.length ?? 0));
  const nullBitmap = Uint8Array.from({ length: Math.ceil(parts.length / 8) }, (_, byte) =>
    parts.slice(byte * 8, byte * 8 + 8).reduce((m, p, bit) => m | (p ? 1 << bit : 0), 0));
  return makeVector(makeData({ type: new Utf8(), length: parts.length, nullCount: parts.filter((p) => !p).length,
    valueOffsets: Int32Array.from(offsets), data: Uint8Array.from(parts.flatMap((p) => p ?? [])), nullBitmap }));
}

describe('tableToRows', () => {
  it('gives what per-cell conversion gives, on every type DuckDB returns', async () => {
    const db = await createNodeDb();
    const t = await db.arrow(`SELECT i::INTEGER AS int, i::DOUBLE / 3 AS dbl, i::BIGINT AS big, i::HUGEINT AS huge,
        SUM(i) OVER (ORDER BY i) AS dec_sum, (i / 7)::DECIMAL(10, 3) AS dec, i::TINYINT AS tiny, i::FLOAT AS flt,
        CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS with_nulls, CASE WHEN i % 4 = 0 THEN NULL ELSE 'x' || i END AS str_nulls,
        ['', 'ascii', 'ﺍﻟﺮﺑﺎﻁ مراكش', '😀 x', 'é', 'a😀b', '日本'][i % 7 + 1] AS str, [i, i + 1] AS list, i % 2 = 0 AS bool,
        DATE '2024-01-01' + i::INTEGER AS day, NULL::VARCHAR AS all_null
      FROM range(50) r(i)`);
    same(tableToRows(t), perCell(t));
    // Several record batches (the Table class of the engine's own apache-arrow copy).
    const two: Table = new (t.constructor as typeof Table)([...t.batches, ...t.batches]);
    expect(two.batches).toHaveLength(2);
    same(tableToRows(two), perCell(two));
    await db.close();
  });

  it('decodes strings exactly as a decoder does one by one: invalid UTF-8, split characters, byte order marks', () => {
    const enc = (s: string) => [...new TextEncoder().encode(s)];
    const cases: (number[] | null)[][] = [
      [enc('abc'), null, enc(''), enc('مراكش'), enc('😀'), null],
      [enc('ok'), [0xff, 0x41], enc('z')],                 // invalid byte
      [enc('a').concat(enc('é')[0]), [enc('é')[1]], enc('b')], // a character split across two strings
      [enc('x'), [0xef, 0xbb, 0xbf, 0x41], enc('y')],       // a string that starts with a byte order mark
      [[0xef, 0xbb, 0xbf, 0x42], enc('y')],
    ];
    for (const parts of cases) {
      const t = new Table({ s: utf8Vector(parts) });
      same(tableToRows(t), perCell(t));
    }
  });
});
