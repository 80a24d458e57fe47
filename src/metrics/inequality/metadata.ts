import type { MeasureCode, MeasureValue } from './types';

/**
 * What each measure is, how its number is expressed and how to read it in one line. Sources: WHO HEAT
 * technical notes; Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697), Table 1; healthequal's manual.
 *
 * Units of the values returned by summaryMeasures():
 *  - D, PAR, ACI, SII, BGSD, MD*: the indicator's unit (percentage points for a percentage).
 *  - BGV: the indicator's unit squared.
 *  - R, RII: plain ratios (1 = no inequality).
 *  - PAF, COV, IDISU, IDISW: percent (already x100).
 *  - TI, MLD: x1000 (as HEAT shows them).
 *  - RCI: a fraction between -1 and 1; HEAT displays it x100, so `displayMultiplier` is 100.
 */
export interface MeasureMeta {
  code: MeasureCode;
  name: string;
  kind: 'absolute' | 'relative';
  weighted: boolean;
  applies: 'any' | 'ordered' | 'non-ordered';
  /** How the returned value is expressed. */
  unit: 'indicator' | 'indicator squared' | 'ratio' | 'percent' | 'x1000' | 'fraction';
  /** Multiply the returned value by this to display it as HEAT does. */
  displayMultiplier: number;
  /** Value meaning "no inequality". */
  none: 0 | 1;
  ci: 'analytic' | 'simulated';
  /** One-line reading; placeholders {value} {abs} {unit} {indicator} {first} {second} {reference} {direction}. */
  reading: string;
}

const m = (
  code: MeasureCode, name: string, kind: MeasureMeta['kind'], weighted: boolean, applies: MeasureMeta['applies'],
  unit: MeasureMeta['unit'], ci: MeasureMeta['ci'], reading: string, displayMultiplier = 1,
): MeasureMeta => ({ code, name, kind, weighted, applies, unit, displayMultiplier, none: unit === 'ratio' ? 1 : 0, ci, reading });

export const MEASURES: Record<MeasureCode, MeasureMeta> = {
  D: m('D', 'Difference', 'absolute', false, 'any', 'indicator', 'analytic',
    '{indicator} in {first} is {abs} {unit} {direction} than in {second}.'),
  R: m('R', 'Ratio', 'relative', false, 'any', 'ratio', 'analytic',
    '{indicator} in {first} is {value} times that in {second}.'),
  PAF: m('PAF', 'Population attributable fraction', 'relative', true, 'any', 'percent', 'analytic',
    'The average would be {abs}% {direction} if every subgroup reached the level of {reference}.'),
  PAR: m('PAR', 'Population attributable risk', 'absolute', true, 'any', 'indicator', 'analytic',
    'The average would be {abs} {unit} {direction} if every subgroup reached the level of {reference}.'),
  ACI: m('ACI', 'Absolute concentration index', 'absolute', true, 'ordered', 'indicator', 'analytic',
    '{indicator} is concentrated among the {direction} (ACI {value}; 0 means no inequality).'),
  RCI: m('RCI', 'Relative concentration index', 'relative', true, 'ordered', 'fraction', 'analytic',
    '{indicator} is concentrated among the {direction} (RCI {value} on a -100 to 100 scale; 0 means no inequality).', 100),
  SII: m('SII', 'Slope index of inequality', 'absolute', true, 'ordered', 'indicator', 'analytic',
    'Across the whole distribution, {indicator} is {abs} {unit} {direction} at the most advantaged end than at the most disadvantaged end.'),
  RII: m('RII', 'Relative index of inequality', 'relative', true, 'ordered', 'ratio', 'analytic',
    'Across the whole distribution, {indicator} at the most advantaged end is {value} times that at the most disadvantaged end.'),
  BGV: m('BGV', 'Between-group variance', 'absolute', true, 'non-ordered', 'indicator squared', 'analytic',
    'Subgroups vary around the average with a population-weighted variance of {value} ({unit} squared).'),
  BGSD: m('BGSD', 'Between-group standard deviation', 'absolute', true, 'non-ordered', 'indicator', 'simulated',
    'Subgroups typically differ from the average by {value} {unit} (population-weighted standard deviation).'),
  COV: m('COV', 'Coefficient of variation', 'relative', true, 'non-ordered', 'percent', 'simulated',
    'The spread between subgroups is {value}% of the average.'),
  MDMU: m('MDMU', 'Mean difference from mean (unweighted)', 'absolute', false, 'non-ordered', 'indicator', 'simulated',
    'On average, a subgroup differs from the setting average by {value} {unit} (each subgroup counts equally).'),
  MDMW: m('MDMW', 'Mean difference from mean (weighted)', 'absolute', true, 'non-ordered', 'indicator', 'simulated',
    'On average, a person lives in a subgroup {value} {unit} away from the setting average.'),
  MDBU: m('MDBU', 'Mean difference from best-performing subgroup (unweighted)', 'absolute', false, 'non-ordered', 'indicator', 'simulated',
    'On average, a subgroup is {value} {unit} behind the best-performing subgroup ({reference}).'),
  MDBW: m('MDBW', 'Mean difference from best-performing subgroup (weighted)', 'absolute', true, 'non-ordered', 'indicator', 'simulated',
    'On average, a person lives in a subgroup {value} {unit} behind the best-performing subgroup ({reference}).'),
  MDRU: m('MDRU', 'Mean difference from reference subgroup (unweighted)', 'absolute', false, 'non-ordered', 'indicator', 'simulated',
    'On average, a subgroup differs from the reference subgroup ({reference}) by {value} {unit}.'),
  MDRW: m('MDRW', 'Mean difference from reference subgroup (weighted)', 'absolute', true, 'non-ordered', 'indicator', 'simulated',
    'On average, a person lives in a subgroup that differs from the reference subgroup ({reference}) by {value} {unit}.'),
  IDISU: m('IDISU', 'Index of disparity (unweighted)', 'relative', false, 'non-ordered', 'percent', 'simulated',
    'On average, a subgroup differs from the setting average by {value}% of that average.'),
  IDISW: m('IDISW', 'Index of disparity (weighted)', 'relative', true, 'non-ordered', 'percent', 'simulated',
    'On average, a person lives in a subgroup that differs from the setting average by {value}% of that average.'),
  TI: m('TI', 'Theil index', 'relative', true, 'non-ordered', 'x1000', 'analytic',
    'Theil index {value} (x1000): 0 means every subgroup has the average level; larger means more unequal.'),
  MLD: m('MLD', 'Mean log deviation', 'relative', true, 'non-ordered', 'x1000', 'analytic',
    'Mean log deviation {value} (x1000): 0 means every subgroup has the average level; larger means more unequal.'),
};

export interface ReadingContext {
  /** Indicator name, e.g. "Skilled birth attendance". */
  indicator: string;
  /** Unit of absolute differences, e.g. "percentage points". */
  unit: string;
  favourable: boolean;
  digits?: number;
}

/** Fill a measure's reading template; `value` as summaryMeasures returns it. */
export function readMeasure(code: MeasureCode, result: MeasureValue, ctx: ReadingContext): string {
  const meta = MEASURES[code];
  const digits = ctx.digits ?? (meta.unit === 'ratio' ? 2 : 1);
  const shown = result.value * meta.displayMultiplier;
  const sign = Math.sign(result.value - meta.none);
  const direction =
    code === 'ACI' || code === 'RCI'
      ? sign >= 0 ? 'more advantaged' : 'more disadvantaged'
      : sign >= 0 ? 'higher' : 'lower';
  const fields: Record<string, string> = {
    value: shown.toFixed(digits),
    abs: Math.abs(shown).toFixed(digits),
    unit: ctx.unit,
    indicator: ctx.indicator,
    first: result.compared?.[0] ?? '',
    second: result.compared?.[1] ?? '',
    reference: result.reference ?? 'the reference subgroup',
    direction,
  };
  const text = meta.reading.replace(/\{(\w+)\}/g, (_, k: string) => fields[k] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
