/**
 * The Dijkstra search behind costDistance and addSource, on the caller's arrays: `minutes` (float32, Infinity =
 * not reached yet) and `nearest` are read as the current best answer and lowered in place. The caller seeds the heap
 * with its start cells (minutes 0). A cell is pushed only when a move improves it, so a search seeded from one new
 * source visits exactly the cells that source brings closer: the bounded incremental update comes for free.
 *
 * Move costs follow GRASS r.cost (raster/r.cost/main.c): distance between centres x the mean friction of the two
 * cells (8 neighbours), or x the mean of the four cells a knight's move touches. A barrier (NaN friction) makes the
 * move's cost NaN, and NaN never compares lower, so barriers need no test of their own; a start cell on a barrier
 * gets 0 and spreads nothing, as in r.cost.
 *
 * Precision: costs add up in float64 along a path (the heap keys); a cell's stored value is the float32 rounding of
 * its best key. A move is taken only when it lowers that float32 value, so a cell is settled at most once per search.
 */
import type { MoveLengths } from './moveLengths';

/** What the search needs of its queue: MinHeap (any friction) or BucketQueue (faster, when the range allows). */
export interface CellQueue {
  size: number;
  /** Key of the entry pop() returned last. */
  key: number;
  push(key: number, cell: number): void;
  pop(): number;
}

export interface SearchGrid {
  width: number;
  height: number;
  friction: Float32Array;
  lengths: MoveLengths;
  knightsMove: boolean;
  /** Cells costing more stay unreached (Infinity to search everything). */
  maxMinutes: number;
}

/**
 * Runs the search until the heap is empty. Each settled cell (its final value for this search) is appended to
 * `settled` when given. Returns the number of cells settled.
 */
export function runSearch(g: SearchGrid, minutes: Float32Array, nearest: Int32Array, heap: CellQueue, settled?: CellList): number {
  const { width: w, height: h, friction: fr, knightsMove, maxMinutes: max } = g;
  const { ew, ns, diagUp, diagDown, knightUp2, knightDown2, knightUp1, knightDown1 } = g.lengths;
  let count = 0;

  // One relaxation: the cost c reaches cell v from source s. NaN (a barrier on the way) fails the first test.
  const relax = (v: number, c: number, s: number): void => {
    const cf = Math.fround(c);
    if (cf < minutes[v] && cf <= max) {
      minutes[v] = cf;
      nearest[v] = s;
      heap.push(c, v);
    }
  };

  while (heap.size > 0) {
    const u = heap.pop();
    const key = heap.key;
    // Stale entry: the cell was lowered after this push (or settled already from an equal float32 value).
    if (Math.fround(key) !== minutes[u]) continue;
    count++;
    if (settled) settled.push(u);
    const s = nearest[u];
    const fu = fr[u];
    const r = (u / w) | 0;
    const c = u - r * w;
    const west = c > 0;
    const east = c < w - 1;
    const north = r > 0;
    const south = r < h - 1;
    const fW = west ? fr[u - 1] : NaN;
    const fE = east ? fr[u + 1] : NaN;
    if (west) relax(u - 1, key + (fu + fW) * ew[r], s);
    if (east) relax(u + 1, key + (fu + fE) * ew[r], s);
    let fN = NaN;
    let fNW = NaN;
    let fNE = NaN;
    if (north) {
      const n = u - w;
      fN = fr[n];
      relax(n, key + (fu + fN) * ns, s);
      const d = diagUp[r];
      if (west) relax(n - 1, key + (fu + (fNW = fr[n - 1])) * d, s);
      if (east) relax(n + 1, key + (fu + (fNE = fr[n + 1])) * d, s);
    }
    let fS = NaN;
    let fSW = NaN;
    let fSE = NaN;
    if (south) {
      const n = u + w;
      fS = fr[n];
      relax(n, key + (fu + fS) * ns, s);
      const d = diagDown[r];
      if (west) relax(n - 1, key + (fu + (fSW = fr[n - 1])) * d, s);
      if (east) relax(n + 1, key + (fu + (fSE = fr[n + 1])) * d, s);
    }
    if (!knightsMove) continue;
    // Knight's moves: the four cells are this one, the target and the two cells the move crosses (r.cost's sets).
    if (r > 1) {
      const n = u - 2 * w;
      const d = knightUp2[r];
      const base = fu + fN;
      if (west) relax(n - 1, key + (base + fNW + fr[n - 1]) * d, s);
      if (east) relax(n + 1, key + (base + fNE + fr[n + 1]) * d, s);
    }
    if (r < h - 2) {
      const n = u + 2 * w;
      const d = knightDown2[r];
      const base = fu + fS;
      if (west) relax(n - 1, key + (base + fSW + fr[n - 1]) * d, s);
      if (east) relax(n + 1, key + (base + fSE + fr[n + 1]) * d, s);
    }
    if (c > 1) {
      const base = fu + fW;
      if (north) relax(u - w - 2, key + (base + fNW + fr[u - w - 2]) * knightUp1[r], s);
      if (south) relax(u + w - 2, key + (base + fSW + fr[u + w - 2]) * knightDown1[r], s);
    }
    if (c < w - 2) {
      const base = fu + fE;
      if (north) relax(u - w + 2, key + (base + fNE + fr[u - w + 2]) * knightUp1[r], s);
      if (south) relax(u + w + 2, key + (base + fSE + fr[u + w + 2]) * knightDown1[r], s);
    }
  }
  return count;
}

/** A growable list of cell indices (the cells an incremental search changed). */
export class CellList {
  items = new Int32Array(256);
  length = 0;

  push(cell: number): void {
    if (this.length === this.items.length) {
      const next = new Int32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = cell;
  }

  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}
