/**
 * One facility's catchment over a friction surface: the cells within `maxMinutes` of one start cell, nearest first.
 * The analyses that run one search per facility (capacity-limited coverage, E2SFCA by travel time) call it thousands
 * of times, so the grid's arrays are allocated once and only the cells a search touched are reset after it. Moves
 * and costs are costSearch.ts's (GRASS r.cost conventions), which are symmetric: the time from a facility to a cell
 * equals the time from the cell to the facility, so a search from the facility gives the people's travel times.
 */
import { BucketQueue, bucketWidthFor } from './bucketQueue';
import { CellList, runSearch, type SearchGrid } from './costSearch';
import { MinHeap } from './minHeap';
import { moveLengths, type CellSize } from './moveLengths';

export interface SurfaceInput {
  width: number;
  height: number;
  /** Minutes per metre, row-major from the north-west cell; NaN = barrier. */
  minutesPerMetre: Float32Array;
  cellSizeM: CellSize;
  knightsMove?: boolean;
}

export interface Catchment {
  /** Cells reached within the bound, in non-decreasing order of minutes. */
  cells: Int32Array;
  minutes: Float32Array;
}

export class SourceSearch {
  private readonly grid: SearchGrid;
  private readonly minutes: Float32Array;
  private readonly nearest: Int32Array;
  // A bucket queue when the friction range allows it (as costDistance), else a heap; either is reused search after search.
  private readonly heap: MinHeap | BucketQueue;
  readonly cellCount: number;

  constructor(input: SurfaceInput) {
    const { width, height, minutesPerMetre } = input;
    if (minutesPerMetre.length !== width * height) {
      throw new RangeError(`minutesPerMetre has ${minutesPerMetre.length} cells, expected width x height = ${width * height}`);
    }
    this.cellCount = width * height;
    this.grid = { width, height, friction: minutesPerMetre, lengths: moveLengths(height, input.cellSizeM), knightsMove: input.knightsMove ?? false, maxMinutes: Infinity };
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < minutesPerMetre.length; i++) {
      const f = minutesPerMetre[i];
      if (f < 0) throw new RangeError(`minutesPerMetre[${i}] (row ${Math.floor(i / width)}, column ${i % width}) is negative: ${f}`);
      if (f < lo) lo = f;
      if (f > hi && f !== Infinity) hi = f;
    }
    const buckets = bucketWidthFor(lo, hi, this.grid.lengths.minLength, this.grid.lengths.maxLength);
    this.heap = buckets ? new BucketQueue(buckets.width, buckets.maxMove) : new MinHeap(1024);
    this.minutes = new Float32Array(this.cellCount).fill(Infinity);
    this.nearest = new Int32Array(this.cellCount).fill(-1);
  }

  /**
   * The cells within maxMinutes (inclusive) of `cell`; a start cell on a barrier reaches only itself. Nearest first
   * unless `sorted` is false (a bucket queue settles cells in order of buckets only; callers that just sum skip the sort).
   */
  from(cell: number, maxMinutes: number, sorted = true): Catchment {
    if (!Number.isInteger(cell) || cell < 0 || cell >= this.cellCount) throw new RangeError(`start cell ${cell} is outside the grid's ${this.cellCount} cells`);
    if (!(maxMinutes >= 0)) throw new RangeError(`maxMinutes must be >= 0, got ${maxMinutes}`);
    this.grid.maxMinutes = maxMinutes;
    const settled = new CellList();
    this.minutes[cell] = 0;
    this.nearest[cell] = 0;
    if (this.heap instanceof BucketQueue) this.heap.reset();
    this.heap.push(0, cell);
    runSearch(this.grid, this.minutes, this.nearest, this.heap, settled);
    let cells = settled.toArray();
    // The heap pops keys in order; the bucket queue only bucket by bucket.
    if (sorted && this.heap instanceof BucketQueue) {
      const t = this.minutes;
      cells = Int32Array.from(cells).sort((a, b) => t[a] - t[b] || a - b);
    }
    const minutes = new Float32Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      minutes[i] = this.minutes[cells[i]];
      this.minutes[cells[i]] = Infinity;
      this.nearest[cells[i]] = -1;
    }
    return { cells, minutes };
  }
}
