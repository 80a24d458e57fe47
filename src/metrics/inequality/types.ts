/** WHO HEAT summary measures of inequality: the codes HEAT uses, in HEAT's order. */
export const MEASURE_CODES = [
  'D', 'R', 'PAF', 'PAR',
  'ACI', 'RCI', 'SII', 'RII',
  'BGV', 'BGSD', 'COV', 'MDMU', 'MDMW', 'MDBU', 'MDBW', 'MDRU', 'MDRW', 'IDISU', 'IDISW', 'TI', 'MLD',
] as const;

export type MeasureCode = (typeof MEASURE_CODES)[number];

export interface Subgroup {
  name: string;
  /** Subgroup estimate in the indicator's unit (e.g. 0-100 for a percentage). NaN/undefined = missing. */
  estimate: number | null | undefined;
  se?: number | null;
  population?: number | null;
  /** Rank in an ordered dimension: 1 = most disadvantaged. */
  order?: number | null;
  /** Reference subgroup of a non-ordered dimension (e.g. the capital region, urban). */
  reference?: boolean | null;
}

/** `logistic` = HEAT/healthequal (quasibinomial, weights = pop on count response); `binomial` = plain
 *  binomial on counts; `linear` = weighted least squares on the estimate. */
export type SiiMethod = 'logistic' | 'binomial' | 'linear';

export interface MeasureOptions {
  siiMethod?: SiiMethod;
  /** Draws for the simulated confidence intervals (default 1000; healthequal defaults to 100, which
   *  makes 2.5th/97.5th percentiles jumpy, and 1000 draws cost milliseconds here). */
  simulations?: number;
  /** Seed of the simulated confidence intervals (default 123456, as healthequal). */
  seed?: number;
}

export interface SummaryInput {
  subgroups: Subgroup[];
  /** Subgroups have a natural order (`order`: 1 = most disadvantaged). */
  ordered: boolean;
  /** Higher is better (coverage) when true; higher is worse (mortality) when false. */
  favourable: boolean;
  /** 100 for percentages, 1000 for rates per 1000... */
  scale: number;
  options?: MeasureOptions;
}

export interface MeasureValue {
  value: number;
  /** 95% confidence interval, absent when standard errors (or populations) do not allow one. */
  ciLow?: number;
  ciHigh?: number;
  /** Subgroups compared (D, R): value = f(first, second). */
  compared?: [string, string];
  /** Reference subgroup used (PAR, PAF, MDBU, MDBW, MDRU, MDRW). */
  reference?: string;
}

export type MeasureResults = Record<MeasureCode, MeasureValue | null>;

export type Availability = { ok: true } | { ok: false; reason: string };

/** A subgroup whose estimate is present, with the fields the formulas need. */
export interface CleanSubgroup {
  name: string;
  est: number;
  se: number | undefined;
  pop: number | undefined;
  order: number | undefined;
  reference: boolean;
}
