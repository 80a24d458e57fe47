import { describe, expect, it } from 'vitest';
import { codeOrParam, ident, literal, quoteTable } from './sqlText';

describe('codeOrParam', () => {
  it('writes codes as literals and everything else as parameters', () => {
    const params: unknown[] = [];
    expect(['P3', 'D03-07', 'health_centre', 'faith_based', 'ICD:10.2'].map((v) => codeOrParam(v, params))).toEqual(["'P3'", "'D03-07'", "'health_centre'", "'faith_based'", "'ICD:10.2'"]);
    expect(params).toEqual([]);
    const hostile = ["P2' OR 1=1 --", 'a b', 'x;DROP TABLE t', '\\', 'naïve', '"q"', '', 'x'.repeat(65), "'", 'a--b\n'];
    expect(hostile.map((v) => codeOrParam(v, params))).toEqual(hostile.map(() => '?'));
    expect(params).toEqual(hostile);
  });
});

describe('quoteTable, ident, literal', () => {
  it('quotes plain table names and refuses anything else', () => {
    expect(quoteTable('plan_near_0')).toBe('"plan_near_0"');
    for (const bad of ['', '0t', 'a b', 'a"b', 't; DROP TABLE x', 'a.b', 'naïve']) expect(() => quoteTable(bad)).toThrow(`invalid table name: ${bad}`);
  });
  it('doubles the quote character inside identifiers and string literals', () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(literal("it's")).toBe("'it''s'");
  });
});
