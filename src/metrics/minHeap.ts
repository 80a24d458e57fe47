/**
 * A binary min-heap of (key, cell) pairs in two parallel typed arrays: no object per entry, so a search over millions
 * of cells allocates a few arrays and nothing else. Keys are float64 so costs accumulate at full precision along a
 * path even when the surface itself is stored as float32. Entries are never updated in place: a search pushes a cell
 * again with a lower key and skips the stale entry when it surfaces ("lazy deletion"), as GRASS r.cost does.
 */
export class MinHeap {
  keys: Float64Array;
  cells: Int32Array;
  size = 0;
  /** The key of the entry pop() returned last. */
  key = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.cells = new Int32Array(Math.max(16, capacity));
  }

  push(key: number, cell: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const cells = this.cells;
    let i = this.size++;
    // Sift up: move parents down until the new key's place is found, then write it once.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk <= key) break;
      keys[i] = pk;
      cells[i] = cells[parent];
      i = parent;
    }
    keys[i] = key;
    cells[i] = cell;
  }

  /** Removes the entry with the smallest key and returns its cell; its key is then in `key`. Callers check size. */
  pop(): number {
    const keys = this.keys;
    const cells = this.cells;
    const top = cells[0];
    this.key = keys[0];
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n];
    const cell = cells[n];
    let i = 0;
    // Sift down the former last entry: at each level take the smaller child, stop when the key fits.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ck = keys[child];
      const right = child + 1;
      if (right < n) {
        const rk = keys[right];
        if (rk < ck) {
          child = right;
          ck = rk;
        }
      }
      if (ck >= key) break;
      keys[i] = ck;
      cells[i] = cells[child];
      i = child;
    }
    keys[i] = key;
    cells[i] = cell;
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const cells = new Int32Array(this.cells.length * 2);
    keys.set(this.keys);
    cells.set(this.cells);
    this.keys = keys;
    this.cells = cells;
  }
}
