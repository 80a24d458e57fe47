/**
 * Lengths of the moves between cell centres, per row, already divided by the number of cells whose friction is
 * averaged (2 for the 8 neighbours, 4 for a knight's move), so a move's cost is `sum of frictions x factor`.
 *
 * Convention, as GRASS r.cost in a projected location (raster/r.cost/main.c: EW_fac, NS_fac, DIAG_fac, V_DIAG_fac,
 * H_DIAG_fac): a move of dc columns and dr rows has length sqrt((dc * x)^2 + (dr * y)^2). On a lat/lon grid the
 * east-west cell size x differs per row; a move between rows then uses the x of the rows it spans at its middle:
 * the mean of the two rows for a one-row move, the middle row for a two-row knight's move. GRASS itself uses one x
 * for the whole region, so the per-row case is ours (tested analytically, not against GRASS).
 */
export interface MoveLengths {
  /** East-west move within row r (x[r] / 2). */
  ew: Float64Array;
  /** North-south move (y / 2). */
  ns: number;
  /** Diagonal move from row r to r - 1 (index r) / to r + 1 (index r): half the centre distance. */
  diagUp: Float64Array;
  diagDown: Float64Array;
  /** Knight's moves, a quarter of the centre distance: two rows up / down and one column across. */
  knightUp2: Float64Array;
  knightDown2: Float64Array;
  /** Knight's moves one row up / down and two columns across. */
  knightUp1: Float64Array;
  knightDown1: Float64Array;
  /** Shortest and longest move between centres, in metres (knight's moves included in the longest). */
  minLength: number;
  maxLength: number;
}

export type CellSize = number | { x: Float64Array | readonly number[]; y: number };

/** Per-row move lengths for a grid of `height` rows; throws on a non-positive or missing size, naming it. */
export function moveLengths(height: number, cellSizeM: CellSize): MoveLengths {
  const x = new Float64Array(height);
  let y: number;
  if (typeof cellSizeM === 'number') {
    if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM)) throw new RangeError(`cellSizeM must be a positive number of metres, got ${cellSizeM}`);
    x.fill(cellSizeM);
    y = cellSizeM;
  } else {
    y = cellSizeM.y;
    if (!(y > 0) || !Number.isFinite(y)) throw new RangeError(`cellSizeM.y must be a positive number of metres, got ${y}`);
    if (cellSizeM.x.length !== height) throw new RangeError(`cellSizeM.x must have one width per row (${height}), got ${cellSizeM.x.length}`);
    for (let r = 0; r < height; r++) {
      const v = cellSizeM.x[r];
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`cellSizeM.x[${r}] must be a positive number of metres, got ${v}`);
      x[r] = v;
    }
  }
  const m: MoveLengths = {
    ew: new Float64Array(height), ns: y / 2,
    diagUp: new Float64Array(height), diagDown: new Float64Array(height),
    knightUp2: new Float64Array(height), knightDown2: new Float64Array(height),
    knightUp1: new Float64Array(height), knightDown1: new Float64Array(height),
    minLength: y, maxLength: 0,
  };
  for (let r = 0; r < height; r++) {
    m.ew[r] = x[r] / 2;
    m.minLength = Math.min(m.minLength, x[r]);
    if (r > 0) {
      const dx = (x[r] + x[r - 1]) / 2;
      m.diagUp[r] = Math.hypot(dx, y) / 2;
      m.knightUp1[r] = Math.hypot(2 * dx, y) / 4;
    }
    if (r + 1 < height) {
      const dx = (x[r] + x[r + 1]) / 2;
      m.diagDown[r] = Math.hypot(dx, y) / 2;
      m.knightDown1[r] = Math.hypot(2 * dx, y) / 4;
    }
    if (r > 1) m.knightUp2[r] = Math.hypot(x[r - 1], 2 * y) / 4;
    if (r + 2 < height) m.knightDown2[r] = Math.hypot(x[r + 1], 2 * y) / 4;
    m.maxLength = Math.max(m.maxLength, 2 * m.ew[r], 2 * m.diagUp[r], 2 * m.diagDown[r], 4 * m.knightUp2[r], 4 * m.knightDown2[r],
      4 * m.knightUp1[r], 4 * m.knightDown1[r], y);
  }
  return m;
}
