/**
 * A monotone bucket queue for Dijkstra's search (Dial 1969, with buckets as wide as the cheapest move): keys are
 * grouped in buckets of width `width`, and every move costs at least `width`, so a cell taken from the lowest bucket
 * can never be improved by another cell of that bucket. Its key is final when its bucket is reached, whatever the
 * order inside the bucket: the search stays exact (costs add up in float64 as with the heap) while push and pop are
 * O(1) instead of O(log n). Buckets form a ring long enough for the costliest move; each bucket is a pair of growable
 * typed arrays, so no object is allocated per entry.
 *
 * Only usable when the cheapest move costs > 0 and the ring stays reasonably short; `bucketWidthFor` decides.
 */
const NO_KEYS = new Float64Array(0);
const NO_CELLS = new Int32Array(0);

export class BucketQueue {
  size = 0;
  /** The key of the entry pop() returned last. */
  key = 0;
  private readonly invWidth: number;
  private readonly mask: number;
  // One growable stack per bucket of the ring: a pop reads the end of a contiguous array (no pointer chasing).
  private readonly keys: Float64Array[];
  private readonly cells: Int32Array[];
  private readonly lengths: Int32Array;
  /** Absolute index of the lowest bucket that may hold entries. */
  private current = 0;

  /** `maxMove`: the costliest single move (sets the ring's length). */
  constructor(width: number, maxMove: number) {
    this.invWidth = 1 / width;
    let ring = 2;
    while (ring < maxMove / width + 3) ring *= 2;
    this.mask = ring - 1;
    // Buckets start empty (a shared zero-length array) and grow on first use: a long ring costs little.
    this.keys = new Array<Float64Array>(ring).fill(NO_KEYS);
    this.cells = new Array<Int32Array>(ring).fill(NO_CELLS);
    this.lengths = new Int32Array(ring);
  }

  push(key: number, cell: number): void {
    let b = Math.floor(key * this.invWidth);
    // Float rounding may put a key a hair below the bucket being emptied: it joins that bucket (its key is kept exact).
    if (b < this.current) b = this.current;
    const slot = b & this.mask;
    const len = this.lengths[slot];
    if (len === this.cells[slot].length) this.grow(slot);
    this.keys[slot][len] = key;
    this.cells[slot][len] = cell;
    this.lengths[slot] = len + 1;
    this.size++;
  }

  /** Removes an entry of the lowest non-empty bucket and returns its cell; its key is then in `key`. Callers check size. */
  pop(): number {
    const lengths = this.lengths;
    let slot = this.current & this.mask;
    while (lengths[slot] === 0) slot = ++this.current & this.mask;
    const len = --lengths[slot];
    this.size--;
    this.key = this.keys[slot][len];
    return this.cells[slot][len];
  }

  /** Back to the first bucket, for a new search on an emptied queue (bounded searches reuse one queue). */
  reset(): void {
    if (this.size !== 0) throw new Error('BucketQueue.reset on a queue that still holds entries');
    this.current = 0;
  }

  private grow(slot: number): void {
    const keys = new Float64Array(Math.max(16, this.keys[slot].length * 2));
    keys.set(this.keys[slot]);
    this.keys[slot] = keys;
    const cells = new Int32Array(Math.max(16, this.cells[slot].length * 2));
    cells.set(this.cells[slot]);
    this.cells[slot] = cells;
  }
}

/** Longest ring accepted (buckets); past it the friction range is too wide for buckets and the heap is used. */
export const MAX_BUCKET_RING = 1 << 16;

/**
 * The bucket width (the cheapest possible move) and the costliest move for a surface whose finite frictions lie in
 * [minFriction, maxFriction], with moves between `minLength` and `maxLength` metres; null when buckets do not fit
 * (a zero friction, or a ratio so wide that the ring would pass MAX_BUCKET_RING).
 */
export function bucketWidthFor(minFriction: number, maxFriction: number, minLength: number, maxLength: number): { width: number; maxMove: number } | null {
  // A move costs (sum of its cells' frictions / their count) x its length: at least minFriction x minLength.
  const width = minFriction * minLength;
  const maxMove = maxFriction * maxLength;
  if (!(width > 0) || !Number.isFinite(maxMove) || maxMove / width > MAX_BUCKET_RING - 3) return null;
  return { width, maxMove };
}
