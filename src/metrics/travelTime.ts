/**
 * Travel time over a friction surface (cost distance), with the conventions of GRASS GIS r.cost, the engine WHO
 * AccessMod builds on (https://grass.osgeo.org/grass-stable/manuals/r.cost.html): a move to one of the 8 neighbours
 * costs the distance between the cell centres x the mean friction of the two cells; a knight's move (optional, 16
 * neighbours) costs its distance x the mean friction of the four cells it touches and is blocked if any is a barrier;
 * start cells cost 0. Friction is minutes per metre (the Malaria Atlas Project's unit), so the result is minutes.
 *
 * costDistance is a multi-source Dijkstra search (costSearch.ts) with typed arrays only, no object per cell: a
 * bucket queue (bucketQueue.ts) when the friction range allows it, else a binary heap (minHeap.ts).
 * addSource adds one facility to a finished result and updates it in place, visiting only the cells it improves.
 * Differences from r.cost: maxMinutes leaves every cell beyond it unreached (r.cost's max_cost keeps the last ring
 * of cells it computed past the limit), and a lat/lon grid may give each row its own east-west cell size.
 */
import { BucketQueue, bucketWidthFor } from './bucketQueue';
import { CellList, runSearch, type CellQueue, type SearchGrid } from './costSearch';
import { MinHeap } from './minHeap';
import { moveLengths, type CellSize } from './moveLengths';

export type { CellSize } from './moveLengths';

export interface CostDistanceInput {
  width: number;
  height: number;
  /** Row-major from the north-west cell; NaN = barrier (water without a bridge, no data). Never negative. */
  minutesPerMetre: Float32Array;
  /** Square cells of this many metres, or per-row east-west widths (lat/lon grids) and one north-south height. */
  cellSizeM: CellSize;
  /** Start cells, as row * width + col. */
  sources: Int32Array;
  /** Add the 8 knight's moves (16 neighbours): slower, closer to straight-line distance on uniform friction. */
  knightsMove?: boolean;
  /** Stop the search there: cells farther than this stay unreached. */
  maxMinutes?: number;
}

export interface CostDistanceResult {
  /** Minutes to the nearest source; Infinity = unreached (cut off by barriers or maxMinutes). */
  minutes: Float32Array;
  /** Index into `sources` of the nearest source; -1 = none. Ties go to the source that reached the cell first. */
  nearest: Int32Array;
}

/** The minutes to the nearest source from every cell, and which source that is. */
export function costDistance(input: CostDistanceInput): CostDistanceResult {
  const { grid, minFriction, maxFriction } = searchGrid(input, true);
  const n = input.width * input.height;
  const minutes = new Float32Array(n).fill(Infinity);
  const nearest = new Int32Array(n).fill(-1);
  const capacity = Math.max(1024, input.sources.length * 4);
  const buckets = bucketWidthFor(minFriction, maxFriction, grid.lengths.minLength, grid.lengths.maxLength);
  const heap: CellQueue = buckets ? new BucketQueue(buckets.width, buckets.maxMove) : new MinHeap(capacity);
  input.sources.forEach((cell, i) => {
    checkCell(cell, n, `sources[${i}]`);
    // Duplicate start cells: the first index keeps the cell.
    if (minutes[cell] > 0) {
      minutes[cell] = 0;
      nearest[cell] = i;
      heap.push(0, cell);
    }
  });
  runSearch(grid, minutes, nearest, heap);
  return { minutes, nearest };
}

/**
 * Adds a source at `cell` (reported as `index` in `nearest`) to a result of costDistance(input) and updates it in
 * place: a search bounded to the cells the new source reaches sooner than their current nearest. The result equals
 * a full recomputation with the source appended (up to float32 rounding where two sources tie). Returns the cells
 * that changed, so a caller can redraw or re-aggregate only those.
 */
export function addSource(result: CostDistanceResult, input: CostDistanceInput, cell: number, index: number): { changed: Int32Array } {
  const { grid } = searchGrid(input, false);
  const n = input.width * input.height;
  if (result.minutes.length !== n || result.nearest.length !== n) throw new RangeError(`result has ${result.minutes.length} cells, the grid ${n}`);
  checkCell(cell, n, 'the new source');
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`the new source's index must be a non-negative integer, got ${index}`);
  const changed = new CellList();
  if (!(result.minutes[cell] > 0)) return { changed: changed.toArray() }; // already a start cell: it keeps its source
  result.minutes[cell] = 0;
  result.nearest[cell] = index;
  // The few cells a new facility improves fit a small heap; buckets would need a scan of the friction range.
  const heap = new MinHeap(1024);
  heap.push(0, cell);
  runSearch(grid, result.minutes, result.nearest, heap, changed);
  return { changed: changed.toArray() };
}

function searchGrid(input: CostDistanceInput, scanFriction: boolean): { grid: SearchGrid; minFriction: number; maxFriction: number } {
  const { width, height, minutesPerMetre, knightsMove = false, maxMinutes = Infinity } = input;
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a positive integer, got ${width}`);
  if (!Number.isInteger(height) || height < 1) throw new RangeError(`height must be a positive integer, got ${height}`);
  if (minutesPerMetre.length !== width * height) {
    throw new RangeError(`minutesPerMetre has ${minutesPerMetre.length} cells, expected width x height = ${width * height}`);
  }
  if (!(maxMinutes >= 0)) throw new RangeError(`maxMinutes must be >= 0, got ${maxMinutes}`);
  let minFriction = Infinity;
  let maxFriction = 0;
  if (scanFriction) {
    for (let i = 0; i < minutesPerMetre.length; i++) {
      const f = minutesPerMetre[i];
      // r.cost turns a negative cost into a barrier with a warning; here it is bad input, named.
      if (f < 0) throw new RangeError(`minutesPerMetre[${i}] (row ${Math.floor(i / width)}, column ${i % width}) is negative: ${f}`);
      if (f < minFriction) minFriction = f;
      if (f > maxFriction && f !== Infinity) maxFriction = f;
    }
  }
  const grid = { width, height, friction: minutesPerMetre, lengths: moveLengths(height, input.cellSizeM), knightsMove, maxMinutes };
  return { grid, minFriction, maxFriction };
}

function checkCell(cell: number, n: number, what: string): void {
  if (!Number.isInteger(cell) || cell < 0 || cell >= n) throw new RangeError(`${what} is cell ${cell}, outside the grid's ${n} cells`);
}
