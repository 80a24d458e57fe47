import {
  MEASURES, MEASURE_CODES, measureAvailability, summaryMeasures, type MeasureCode, type MeasureValue,
} from '../../metrics/inequality';
import type { EquityIndicatorRow } from '../../queries/accessInequalitySql';
import { subgroupsFromRows, type SubgroupRow } from '../../queries/equitySql';

/** Ordered dimensions of economic status get the "richest fifth / poorest fifth" wording. */
export const isWealthDimension = (dimension: string) => /wealth|quintile|econom|income|asset/i.test(dimension);

/** The measures a dimension can have (HEAT applicability), in HEAT's order. */
export const measuresFor = (ordered: boolean): MeasureCode[] =>
  MEASURE_CODES.filter((c) => MEASURES[c].applies === 'any' || MEASURES[c].applies === (ordered ? 'ordered' : 'non-ordered'));

/** HEAT's usual headline measure: SII for ordered dimensions, D otherwise. */
export const defaultMeasure = (ordered: boolean): MeasureCode => (ordered ? 'SII' : 'D');

/** Digits a measure is shown with: 2 for ratios, 1 otherwise. */
export const measureDigits = (code: MeasureCode) => (MEASURES[code].unit === 'ratio' ? 2 : 1);

/** summaryMeasures() on query rows, with the reasons for the measures that are null. */
export function measuresOf(rows: readonly SubgroupRow[], indicator: Pick<EquityIndicatorRow, 'favourable' | 'scale'>) {
  const { subgroups, ordered } = subgroupsFromRows(rows);
  const input = { subgroups, ordered, favourable: indicator.favourable, scale: indicator.scale };
  return { ordered, results: summaryMeasures(input), availability: measureAvailability(input) };
}

/** Group rows by a key, keeping first-seen order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** One measure per group (a year, a setting), in the units HEAT displays (value x displayMultiplier). */
export function measureSeries<T extends SubgroupRow>(
  groups: Map<string, T[]>,
  code: MeasureCode,
  indicator: Pick<EquityIndicatorRow, 'favourable' | 'scale'>,
): { key: string; value: MeasureValue | null; reason?: string }[] {
  return [...groups].map(([key, rows]) => {
    const { results, availability } = measuresOf(rows, indicator);
    const a = availability[code];
    return { key, value: displayed(code, results[code]), reason: a.ok ? undefined : a.reason };
  });
}

/** A measure's value and CI as HEAT shows them (RCI x100). */
export function displayed(code: MeasureCode, v: MeasureValue | null): MeasureValue | null {
  if (!v) return null;
  const k = MEASURES[code].displayMultiplier;
  return k === 1 ? v : { ...v, value: v.value * k, ciLow: v.ciLow === undefined ? undefined : v.ciLow * k, ciHigh: v.ciHigh === undefined ? undefined : v.ciHigh * k };
}
