/**
 * A monotone bucket queue for Dijkstra's search (Dial 1969, with buckets as wide as the cheapest move): keys are
 * grouped in buckets of width `width`, and every move costs at least `width`, so a cell taken from the lowest bucket
 * can never be improved by another cell of that bucket. Its key is final when its bucket is reached, whatever the
 * order inside the bucket: the search stays exact (costs add up in float64 as with the heap) while push and pop are
 * O(1) instead of O(log n). Buckets form a ring long enough for the costliest move; entries are singly linked in
 * typed arrays with a free list, so no object is allocated per entry.
 *
 * Only usable when the cheapest move costs > 0 and the ring stays reasonably short; `bucketWidthFor` decides.
 */
export class BucketQueue {
  size = 0;
  /** The key of the entry pop() returned last. */
  key = 0;
  private readonly invWidth: number;
  private readonly mask: number;
  private readonly heads: Int32Array;
  private keys: Float64Array;
  private cells: Int32Array;
  private next: Int32Array;
  private free = -1;
  private used = 0;
  /** Absolute index of the lowest bucket that may hold entries. */
  private current = 0;

  /** `maxMove`: the costliest single move (sets the ring's length). */
  constructor(width: number, maxMove: number, capacity = 1024) {
    this.invWidth = 1 / width;
    let ring = 2;
    while (ring < maxMove / width + 3) ring *= 2;
    this.mask = ring - 1;
    this.heads = new Int32Array(ring).fill(-1);
    this.keys = new Float64Array(capacity);
    this.cells = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  push(key: number, cell: number): void {
    let b = Math.floor(key * this.invWidth);
    // Float rounding may put a key a hair below the bucket being emptied: it joins that bucket (its key is kept exact).
    if (b < this.current) b = this.current;
    let e = this.free;
    if (e >= 0) this.free = this.next[e];
    else {
      if (this.used === this.keys.length) this.grow();
      e = this.used++;
    }
    const slot = b & this.mask;
    this.keys[e] = key;
    this.cells[e] = cell;
    this.next[e] = this.heads[slot];
    this.heads[slot] = e;
    this.size++;
  }

  /** Removes an entry of the lowest non-empty bucket and returns its cell; its key is then in `key`. Callers check size. */
  pop(): number {
    const heads = this.heads;
    const mask = this.mask;
    let slot = this.current & mask;
    while (heads[slot] < 0) slot = ++this.current & mask;
    const e = heads[slot];
    heads[slot] = this.next[e];
    this.next[e] = this.free;
    this.free = e;
    this.size--;
    this.key = this.keys[e];
    return this.cells[e];
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Float64Array(n);
    const cells = new Int32Array(n);
    const next = new Int32Array(n);
    keys.set(this.keys);
    cells.set(this.cells);
    next.set(this.next);
    this.keys = keys;
    this.cells = cells;
    this.next = next;
  }
}

/** Longest ring accepted (buckets); past it the friction range is too wide for buckets and the heap is used. */
export const MAX_BUCKET_RING = 1 << 20;

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
