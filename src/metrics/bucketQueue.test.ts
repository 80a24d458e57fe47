import { describe, expect, it } from 'vitest';
import { BucketQueue, bucketWidthFor, MAX_BUCKET_RING } from './bucketQueue';
import { MinHeap } from './minHeap';
import { mulberry32 } from './random';

describe('the search queues', () => {
  it('MinHeap pops every entry in key order, growing past its first capacity', () => {
    const rnd = mulberry32(4);
    const h = new MinHeap(16);
    const keys = Array.from({ length: 5000 }, () => rnd() * 100);
    keys.forEach((k, i) => h.push(k, i));
    const out: number[] = [];
    while (h.size > 0) {
      const cell = h.pop();
      expect(h.key).toBe(keys[cell]);
      out.push(h.key);
    }
    expect(out).toEqual([...keys].sort((a, b) => a - b));
  });

  it('BucketQueue pops bucket by bucket (order inside a bucket is free), as a Dijkstra search pushes: never below the last pop', () => {
    const rnd = mulberry32(5);
    const width = 0.5;
    const maxMove = 7;
    const q = new BucketQueue(width, maxMove);
    let pushed = 0;
    let last = 0;
    for (let i = 0; i < 50; i++) q.push(rnd() * maxMove, pushed++);
    const seen = new Set<number>();
    while (q.size > 0) {
      const cell = q.pop();
      expect(seen.has(cell)).toBe(false);
      seen.add(cell);
      expect(Math.floor(q.key / width)).toBeGreaterThanOrEqual(Math.floor(last / width));
      last = q.key;
      // A move costs between width and maxMove: push like a search would, for a while.
      if (pushed < 20000) for (let k = 0; k < 2; k++) q.push(q.key + width + rnd() * (maxMove - width), pushed++);
    }
    expect(seen.size).toBe(pushed);
  });

  it('buckets only where every move costs > 0 and the range of move costs fits the ring', () => {
    expect(bucketWidthFor(0.001, 0.03, 1000, 2236)).toEqual({ width: 1, maxMove: 0.03 * 2236 });
    expect(bucketWidthFor(0, 0.03, 1000, 2236)).toBeNull(); // a zero-friction cell: the heap
    expect(bucketWidthFor(1e-9, 1, 1000, 1414)).toBeNull(); // ratio past MAX_BUCKET_RING
    expect(bucketWidthFor(1, 1, 1, 1)).not.toBeNull();
    expect(MAX_BUCKET_RING).toBeGreaterThan(1000);
  });
});
