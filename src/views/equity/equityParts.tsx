import type { MessageKey } from '../../i18n/en';
import { useI18n, type I18n } from '../../i18n/I18nContext';
import { rich } from '../../i18n/rich';
import { MEASURES, type Availability, type MeasureCode, type MeasureMeta, type MeasureResults, type MeasureValue } from '../../metrics/inequality';
import { displayed, measureDigits, type Headline } from './equityModel';

/** A labelled <select> for the view's own settings. */
export function Picker<T extends string>({ label, value, options, onChange, testId }: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  testId: string;
}) {
  return (
    <label className="picker">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** The table alternative of a chart (shared component, in the interface language). */
export { AltTable } from '../../components/AltTable';

/*
 * The inequality library (src/metrics/inequality) stays in English: its MEASURES metadata names each measure
 * and words its reading. The view maps each code to catalogue keys (`equity.measure.<code>.name`,
 * `equity.measure.<code>.reading`) with the placeholders readMeasure() fills, so every language reads it.
 */

/** A measure's name in the interface language. */
export const measureName = (t: I18n['t'], code: MeasureCode) => t(`equity.measure.${code}.name` as MessageKey);

/** How a measure's displayed number is expressed, in words (the view-layer twin of equityModel's unitLabel). */
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

/**
 * HEAT's summary measures for one indicator x dimension x setting x year: value, 95% CI, unit and a
 * one-line reading; a measure that could not be computed says why (the library's reason, in English).
 * Measures that do not apply to this kind of dimension are listed apart, with the rule.
 */
export function MeasuresTable({ results, availability, ordered, indicatorName, indicatorUnit, differenceUnit, subgroup }: {
  results: MeasureResults;
  availability: Record<MeasureCode, Availability>;
  ordered: boolean;
  indicatorName: string;
  indicatorUnit: string | null;
  differenceUnit: string;
  subgroup: (s: string) => string;
}) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  const codes = Object.keys(MEASURES) as MeasureCode[];
  const applies = (c: MeasureCode) => MEASURES[c].applies === 'any' || MEASURES[c].applies === (ordered ? 'ordered' : 'non-ordered');
  const shown = codes.filter(applies);
  const other = codes.filter((c) => !applies(c));
  // An interval of zero width comes from standard errors of 0: say so rather than print "100.0 to 100.0".
  const ci = (lo?: number, hi?: number, digits = 1) => (lo === undefined || hi === undefined ? '–'
    : !(hi > lo) ? t('chart.noUncertainty') : t('equity.ciRange', { low: num(lo, digits), high: num(hi, digits) }));
  const english = lang === 'en' ? undefined : 'en';
  return (
    <>
      <div className="measures-scroll">
        <table className="data-table measures-table" data-testid="measures-table">
          <thead>
            <tr>
              <th scope="col">{t('equity.measure')}</th><th scope="col" className="num">{t('col.value')}</th><th scope="col" className="num">{t('equity.colCi')}</th>
              <th scope="col">{t('equity.colUnit')}</th><th scope="col">{t('equity.colMeaning')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((code) => {
              const meta = MEASURES[code];
              const raw = results[code];
              const v = displayed(code, raw);
              const a = availability[code];
              const digits = measureDigits(code);
              const name = measureName(t, code);
              return (
                <tr key={code} data-measure={code} data-value={v ? String(v.value) : ''}>
                  <th scope="row"><abbr title={name}>{code}</abbr> <span className="measure-name">{name}</span></th>
                  <td className="num" data-testid={`measure-value-${code}`}>{v ? num(v.value, digits) : '–'}</td>
                  <td className="num">{v ? ci(v.ciLow, v.ciHigh, digits) : '–'}</td>
                  <td>{measureUnit(t, meta, indicatorUnit)}</td>
                  <td>{raw
                    ? readMeasureText(i18n, code, raw, { indicator: indicatorName, unit: differenceUnit, subgroup })
                    : <span className="muted">{rich(t('equity.notComputedReason'), { reason: <span lang={english}>{a.ok ? t('equity.noValue') : a.reason}</span> })}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {lang !== 'en' && <p className="muted small">{t('equity.libraryNote')}</p>}
      <details className="alt-table">
        <summary>{t(ordered ? 'equity.otherNonOrdered' : 'equity.otherOrdered', { n: num(other.length) })}</summary>
        <ul className="muted">
          {other.map((c) => {
            const reason = (availability[c] as { reason?: string }).reason;
            return <li key={c}><strong>{c}</strong> {measureName(t, c)}: {reason ? <span lang={english}>{reason}</span> : t('equity.notApplicable')}.</li>;
          })}
        </ul>
      </details>
    </>
  );
}

/** The headline answer in the interface language, with each number in its own element for readers and tests. */
export function HeadlineSentence({ h, indicatorName, scope, unit, subgroup }: { h: Headline; indicatorName: string; scope: string; unit: string; subgroup: (s: string) => string }) {
  const { t, num, year } = useI18n();
  const top = h.wealth ? t('equity.richest') : subgroup(h.top);
  const bottom = h.wealth ? t('equity.poorest') : subgroup(h.bottom);
  const rate = h.closingPerYear === null ? null : num(Math.abs(h.closingPerYear), 1);
  const rateNode = <span data-testid="headline-rate">{rate}</span>;
  const trendKey = ({ 'single-year': 'equity.singleYear', unchanged: 'equity.unchanged', closing: 'equity.closing', widening: 'equity.widening' } as const)[h.trend];
  return (
    <p className="headline" data-testid="equity-headline" data-trend={h.trend} aria-live="polite">
      {rich(t('equity.headline', { unit, direction: t(h.gap >= 0 ? 'equity.higher' : 'equity.lower'), top, bottom, scope }), {
        indicator: <strong>{indicatorName}</strong>,
        year: <span data-testid="headline-year">{year(h.year)}</span>,
        gap: <strong className="headline-number" data-testid="headline-gap">{num(Math.abs(h.gap), 1)}</strong>,
      })}
      {h.firstYear !== h.year && rich(t('equity.headlineFirst'), {
        year: <span data-testid="headline-first-year">{year(h.firstYear)}</span>,
        gap: <span data-testid="headline-first-gap">{num(Math.abs(h.firstGap), 1)}</span>,
      })}
      {t('equity.dash')}
      <span data-testid="headline-trend">
        {h.trend === 'closing' || h.trend === 'widening' ? <strong>{rich(t(trendKey), { rate: rateNode })}</strong> : rich(t(trendKey), { rate: rateNode })}
      </span>
    </p>
  );
}
