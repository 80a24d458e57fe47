import { describe, expect, it } from 'vitest';
import { fmt, markdownTable, times } from './markdown';

describe('fmt and times', () => {
  it('formats with separators and fixed decimals, and shows missing values as a dash', () => {
    expect(fmt(1234567.891, 1)).toBe('1,234,567.9');
    expect(fmt(0.5)).toBe('1');
    expect(fmt(null)).toBe('–');
    expect(fmt(Number.NaN, 2)).toBe('–');
    expect(times(1.234)).toBe('1.23x');
    expect(times(undefined)).toBe('–');
  });
});

describe('markdownTable', () => {
  it('right-aligns numeric columns and escapes pipes', () => {
    expect(markdownTable(['query', 'ms', 'ratio'], [['a|b', '1,200.5', '1.20x'], ['c', '–', '–']])).toBe(
      ['| query | ms | ratio |', '| --- | ---: | ---: |', '| a\\|b | 1,200.5 | 1.20x |', '| c | – | – |'].join('\n'),
    );
  });
  it('rejects a row of the wrong width', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow('row 0 has 1 cells, expected 2');
  });
});
