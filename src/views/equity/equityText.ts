import type { ChartLanguage } from '../../charts/direction';
import type { MessageKey } from '../../i18n/en';
import type { I18n } from '../../i18n/I18nContext';
import { MEASURES, type MeasureCode, type MeasureMeta, type MeasureValue } from '../../metrics/inequality';
import type { EquitySettings } from './equityModel';

/*
 * The inequality library (src/metrics/inequality) stays in English: its MEASURES metadata names each measure
 * and words its reading. The view maps each code to catalogue keys (`equity.measure.<code>.name`,
 * `equity.measure.<code>.reading`) with the placeholders readMeasureText() fills, so every language reads it.
 */

/** A measure's name in the interface language. */
export const measureName = (t: I18n['t'], code: MeasureCode) => t(`equity.measure.${code}.name` as MessageKey);

/** How a measure's displayed number is expressed, in words. */
export function measureUnit(t: I18n['t'], meta: MeasureMeta, indicatorUnit: string | null): string {
  const pct = indicatorUnit === '%' || indicatorUnit === null;
  switch (meta.unit) {
    case 'indicator': return pct ? t('equity.percentagePoints') : indicatorUnit!;
    case 'indicator squared': return pct ? t('equity.unit.pointsSq') : `(${indicatorUnit})²`;
    case 'ratio': return t('equity.unit.ratio');
    case 'percent': return '%';
    case 'x1000': return t('equity.unit.x1000');
    case 'fraction': return t('equity.unit.fraction');
  }
}

/** Unit of absolute differences: "percentage points" for percentages, in the interface language. */
export const differenceUnitText = (t: I18n['t'], indicatorUnit: string | null) =>
  indicatorUnit === '%' || indicatorUnit === null ? t('equity.percentagePoints') : indicatorUnit;

/** A 95% CI as text; a zero-width interval (standard errors of 0) says nothing: "no uncertainty given", never "100.0 to 100.0". */
export const ciText = ({ t, num }: I18n, lo: number | null | undefined, hi: number | null | undefined, digits = 1) =>
  (lo != null && hi != null && !(hi > lo) ? t('chart.noUncertainty') : t('equity.ciRange', { low: num(lo, digits), high: num(hi, digits) }));

/**
 * readMeasure() in the interface language: the same fields (value, abs, unit, indicator, first, second,
 * reference, direction), numbers in the locale's digits, subgroup names through `subgroup`.
 */
export function readMeasureText(i18n: I18n, code: MeasureCode, result: MeasureValue, ctx: { indicator: string; unit: string; subgroup: (s: string) => string; digits?: number }): string {
  const { t, num } = i18n;
  const meta = MEASURES[code];
  const digits = ctx.digits ?? (meta.unit === 'ratio' ? 2 : 1);
  const shown = result.value * meta.displayMultiplier;
  const sign = Math.sign(result.value - meta.none);
  const direction = t(code === 'ACI' || code === 'RCI'
    ? sign >= 0 ? 'equity.dir.advantaged' : 'equity.dir.disadvantaged'
    : sign >= 0 ? 'equity.dir.higher' : 'equity.dir.lower');
  const text = t(`equity.measure.${code}.reading` as MessageKey, {
    value: num(shown, digits),
    abs: num(Math.abs(shown), digits),
    unit: ctx.unit,
    indicator: ctx.indicator,
    first: result.compared?.[0] ? ctx.subgroup(result.compared[0]) : '',
    second: result.compared?.[1] ? ctx.subgroup(result.compared[1]) : '',
    reference: result.reference ? ctx.subgroup(result.reference) : t('equity.referenceSubgroup'),
    direction,
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The words every Equity panel shares: the indicator's name and unit, axis labels, the source line, chart language. */
export function equityLabels(i18n: I18n, s: EquitySettings, indicatorId: string, source: string, scope: string) {
  const { t, tx, locale, dir } = i18n;
  const unit = s.indicator?.unit ?? '%';
  const indicatorName = s.indicator ? tx(`indicator.${s.indicator.indicator_id}`, s.indicator.name) : indicatorId;
  const chart: ChartLanguage = { loc: { locale, rtl: dir === 'rtl' }, t };
  return {
    indicatorName, unit, pct: unit === '%', scope, source,
    diffUnit: differenceUnitText(t, s.indicator?.unit ?? null),
    caption: t('equity.caption', { source, scope }),
    xLabel: `${indicatorName} (${unit})`,
    measureAxis: `${s.measure} (${measureUnit(t, MEASURES[s.measure], s.indicator?.unit ?? null)})`,
    dimLabel: (d: string) => tx(`dimension.${d}`, d),
    chart,
  };
}
export type EquityLabels = ReturnType<typeof equityLabels>;
