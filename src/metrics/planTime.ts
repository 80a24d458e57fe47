/**
 * The Plan view by travel time, pure: a scenario's surface from today's and the incremental updates of its new
 * facilities (travelTime.ts addSource replies), the people per cell, and the candidate sites for placement by minutes
 * (the most populous inhabited cell of each block of cells, as the straight-line placement's candidate grid).
 */

/** One addSource reply: the cells it changed and their new minutes. */
export interface SurfaceUpdate { changed: Int32Array; minutes: Float32Array }

/** Today's minutes with each update written over them in order (a copy: today's array is left as it was). */
export function applyUpdates(today: Float32Array, updates: readonly SurfaceUpdate[]): Float32Array {
  const out = today.slice();
  for (const u of updates) {
    if (u.changed.length !== u.minutes.length) throw new RangeError(`an update lists ${u.changed.length} cells but ${u.minutes.length} values`);
    u.changed.forEach((cell, i) => {
      if (!(cell >= 0 && cell < out.length)) throw new RangeError(`an update changes cell ${cell}, outside the grid's ${out.length} cells`);
      out[cell] = u.minutes[i];
    });
  }
  return out;
}

/** People per cell from each point's cell (-1: the point is off the grid or on water with no dry neighbour, so left out). */
export function cellPopulation(cellCount: number, cells: Int32Array, population: ArrayLike<number>): Float64Array {
  const out = new Float64Array(cellCount);
  cells.forEach((c, i) => {
    if (c >= 0) out[c] += population[i];
  });
  return out;
}

/**
 * Candidate cells: in each block of `block` x `block` cells, the inhabited cell with the most people (ties: the lower
 * index); block 0 = every inhabited cell. Sorted by cell index.
 */
export function candidateCells(width: number, height: number, people: Float64Array, block: number): Int32Array {
  if (people.length !== width * height) throw new RangeError(`people has ${people.length} cells, the grid ${width * height}`);
  if (!(Number.isInteger(block) && block >= 0)) throw new RangeError(`block must be a whole number >= 0, got ${block}`);
  if (block <= 1) return Int32Array.from(people.keys()).filter((c) => people[c] > 0);
  const bw = Math.ceil(width / block);
  const best = new Int32Array(bw * Math.ceil(height / block)).fill(-1);
  for (let c = 0; c < people.length; c++) {
    if (!(people[c] > 0)) continue;
    const b = Math.floor(Math.floor(c / width) / block) * bw + Math.floor((c % width) / block);
    if (best[b] < 0 || people[c] > people[best[b]]) best[b] = c;
  }
  return best.filter((c) => c >= 0).sort();
}
