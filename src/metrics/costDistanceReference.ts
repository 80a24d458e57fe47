/**
 * Test support: cost distance by brute force, written from the r.cost conventions and nothing else of the engine
 * (no heap, no per-row tables, no float32 storage). Every move is listed as an edge with its cost, then Bellman-Ford
 * relaxes all edges until nothing changes, once per source, in float64. Slow (cells x edges), for grids of a few
 * hundred cells.
 */
export interface ReferenceInput {
  width: number;
  height: number;
  friction: ArrayLike<number>;
  /** East-west cell size per row, and the north-south size. */
  x: (row: number) => number;
  y: number;
  knightsMove: boolean;
}

interface Edge { from: number; to: number; cost: number }

// [rows, columns, cells crossed besides the two ends as [dr, dc] offsets] of every move from a cell.
const KING: [number, number, [number, number][]][] = [
  [0, -1, []], [0, 1, []], [-1, 0, []], [1, 0, []], [-1, -1, []], [-1, 1, []], [1, -1, []], [1, 1, []],
];
const KNIGHT: [number, number, [number, number][]][] = [-1, 1].flatMap((sr) => [-1, 1].flatMap((sc) => [
  // Two rows and one column: crosses the cell straight ahead and the diagonal one.
  [2 * sr, sc, [[sr, 0], [sr, sc]]] as [number, number, [number, number][]],
  // One row and two columns: crosses the cell beside and the diagonal one.
  [sr, 2 * sc, [[0, sc], [sr, sc]]] as [number, number, [number, number][]],
]));

export function referenceEdges(g: ReferenceInput): Edge[] {
  const edges: Edge[] = [];
  const moves = g.knightsMove ? [...KING, ...KNIGHT] : KING;
  for (let r = 0; r < g.height; r++) {
    for (let c = 0; c < g.width; c++) {
      for (const [dr, dc, crossed] of moves) {
        const r2 = r + dr;
        const c2 = c + dc;
        if (r2 < 0 || r2 >= g.height || c2 < 0 || c2 >= g.width) continue;
        const cells = [[r, c], [r2, c2], ...crossed.map(([a, b]) => [r + a, c + b])];
        const frictions = cells.map(([a, b]) => g.friction[a * g.width + b]);
        if (frictions.some((f) => Number.isNaN(f))) continue; // a barrier anywhere on the move blocks it
        const mean = frictions.reduce((s, f) => s + f, 0) / frictions.length;
        // East-west offset measured at the move's middle latitude: the mean x of the rows it spans, or the middle row.
        const xs = Math.abs(dr) === 2 ? g.x(r + dr / 2) : (g.x(r) + g.x(r2)) / 2;
        const length = Math.sqrt((dc * xs) ** 2 + (dr * g.y) ** 2);
        edges.push({ from: r * g.width + c, to: r2 * g.width + c2, cost: mean * length });
      }
    }
  }
  return edges;
}

/** Cost from one start cell to every cell (Infinity = unreachable). */
export function referenceFrom(g: ReferenceInput, edges: Edge[], source: number): Float64Array {
  const d = new Float64Array(g.width * g.height).fill(Infinity);
  d[source] = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const e of edges) {
      const c = d[e.from] + e.cost;
      if (c < d[e.to]) {
        d[e.to] = c;
        changed = true;
      }
    }
  }
  return d;
}

/** Minimum over sources, and every source within `tieTolerance` (relative) of that minimum, per cell. */
export function referenceCostDistance(g: ReferenceInput, sources: ArrayLike<number>, tieTolerance = 1e-9): { minutes: Float64Array; nearest: number[][] } {
  const edges = referenceEdges(g);
  const n = g.width * g.height;
  const per = Array.from(sources, (s) => referenceFrom(g, edges, s));
  const minutes = new Float64Array(n).fill(Infinity);
  const nearest: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (const d of per) minutes[i] = Math.min(minutes[i], d[i]);
    if (minutes[i] === Infinity) continue;
    per.forEach((d, k) => {
      if (d[i] <= minutes[i] * (1 + tieTolerance)) nearest[i].push(k);
    });
  }
  return { minutes, nearest };
}
