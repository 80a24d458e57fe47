import { describe, expect, it } from 'vitest';
import { parsePpid, parseProcStatus } from './processMemory';

describe('parseProcStatus', () => {
  it('reads kB fields as bytes and skips the others', () => {
    const text = 'Name:\tchromium\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t12\n';
    expect(parseProcStatus(text)).toEqual({ VmHWM: 204800 * 1024, VmRSS: 102400 * 1024 });
  });
});

describe('parsePpid', () => {
  it('reads the parent pid even when the command name has spaces and parentheses', () => {
    expect(parsePpid('4242 (Chrome_ChildIOT) S 17 4242 4242 0 -1')).toBe(17);
    expect(parsePpid('99 (a (b) c) R 1 99 99 0')).toBe(1);
  });
});
