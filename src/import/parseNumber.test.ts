import { describe, expect, it } from 'vitest';
import { numberReader, parseNumber } from './parseNumber';

describe('parseNumber', () => {
  it.each([
    ['7 092 113', 7092113],
    ['7\u00a0092\u00a0113', 7092113],
    ['7,092,113', 7092113],
    ['7.092.113', 7092113],
    ['1 234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12,5', 12.5],
    ['0,123', 0.123],
    ['12.5', 12.5],
    ['-3', -3],
    ['(4)', -4],
    ['45%', 45],
    ['1e3', 1000],
    [42, 42],
  ])('%s -> %s', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it('treats blanks and dashes as absent, not zero', () => {
    for (const raw of ['', ' ', '-', '–', 'n/a', 'NA', '..', null, undefined]) expect(parseNumber(raw)).toBeNull();
  });

  it('returns NaN for text so that callers can report it', () => {
    expect(parseNumber('Total')).toBeNaN();
    expect(parseNumber('12 apples')).toBeNaN();
  });
});

describe('numberReader', () => {
  it('reads 8,721 as 8.721 in a column of decimal commas, and as 8721 in a column of thousands', () => {
    expect(['8,72155', '8,721'].map(numberReader(['8,72155', '8,721']))).toEqual([8.72155, 8.721]);
    expect(['1,234', '8,721'].map(numberReader(['1,234', '8,721']))).toEqual([1234, 8721]);
  });
});
