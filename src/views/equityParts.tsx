import { MEASURES, readMeasure, type Availability, type MeasureCode, type MeasureResults } from '../metrics/inequality';
import { displayed, fmt1, measureDigits, unitLabel, type Headline } from './equityModel';

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
export { AltTable } from '../components/AltTable';

const ci = (lo?: number, hi?: number, digits = 1) => (lo === undefined || hi === undefined ? '–' : `${fmt1(lo, digits)} to ${fmt1(hi, digits)}`);

/**
 * HEAT's summary measures for one indicator x dimension x setting x year: value, 95% CI, unit and a
 * one-line reading; a measure that could not be computed says why. Measures that do not apply to this
 * kind of dimension are listed apart, with the rule.
 */
export function MeasuresTable({ results, availability, ordered, indicatorName, indicatorUnit, differenceUnit, favourable }: {
  results: MeasureResults;
  availability: Record<MeasureCode, Availability>;
  ordered: boolean;
  indicatorName: string;
  indicatorUnit: string | null;
  differenceUnit: string;
  favourable: boolean;
}) {
  const codes = Object.keys(MEASURES) as MeasureCode[];
  const applies = (c: MeasureCode) => MEASURES[c].applies === 'any' || MEASURES[c].applies === (ordered ? 'ordered' : 'non-ordered');
  const shown = codes.filter(applies);
  const other = codes.filter((c) => !applies(c));
  return (
    <>
      <div className="measures-scroll">
        <table className="data-table measures-table" data-testid="measures-table">
          <thead>
            <tr><th scope="col">Measure</th><th scope="col" className="num">Value</th><th scope="col" className="num">95% CI</th><th scope="col">Unit</th><th scope="col">What it means</th></tr>
          </thead>
          <tbody>
            {shown.map((code) => {
              const meta = MEASURES[code];
              const raw = results[code];
              const v = displayed(code, raw);
              const a = availability[code];
              const digits = measureDigits(code);
              return (
                <tr key={code} data-measure={code} data-value={v ? String(v.value) : ''}>
                  <th scope="row"><abbr title={meta.name}>{code}</abbr> <span className="measure-name">{meta.name}</span></th>
                  <td className="num" data-testid={`measure-value-${code}`}>{v ? fmt1(v.value, digits) : '–'}</td>
                  <td className="num">{v ? ci(v.ciLow, v.ciHigh, digits) : '–'}</td>
                  <td>{unitLabel(meta, indicatorUnit)}</td>
                  <td>{raw ? readMeasure(code, raw, { indicator: indicatorName, unit: differenceUnit, favourable }) : <span className="muted">Not computed: {a.ok ? 'no value' : a.reason}.</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details className="alt-table">
        <summary>{other.length} measures that apply only to {ordered ? 'non-ordered' : 'ordered'} dimensions</summary>
        <ul className="muted">
          {other.map((c) => <li key={c}><strong>{c}</strong> {MEASURES[c].name}: {(availability[c] as { reason?: string }).reason ?? 'not applicable'}.</li>)}
        </ul>
      </details>
    </>
  );
}

/** The headline answer, with each number in its own element for readers and tests. */
export function HeadlineSentence({ h, indicatorName, scope, unit }: { h: Headline; indicatorName: string; scope: string; unit: string }) {
  const higher = h.gap >= 0 ? 'higher' : 'lower';
  const top = h.wealth ? 'the richest fifth' : h.top;
  const bottom = h.wealth ? 'the poorest' : h.bottom;
  const rate = h.closingPerYear === null ? null : fmt1(Math.abs(h.closingPerYear));
  return (
    <p className="headline" data-testid="equity-headline" data-trend={h.trend} aria-live="polite">
      <strong>{indicatorName}</strong>, {scope}: in <span data-testid="headline-year">{h.year}</span> it was{' '}
      <strong className="headline-number" data-testid="headline-gap">{fmt1(Math.abs(h.gap))}</strong> {unit} {higher} in {top} than in {bottom}
      {h.firstYear !== h.year && <> (<span data-testid="headline-first-year">{h.firstYear}</span>: <span data-testid="headline-first-gap">{fmt1(Math.abs(h.firstGap))}</span>)</>}
      {' — '}
      <span data-testid="headline-trend">
        {h.trend === 'single-year' && 'no earlier year to compare.'}
        {h.trend === 'unchanged' && <>the gap has hardly changed (<span data-testid="headline-rate">{rate}</span> points a year).</>}
        {h.trend === 'closing' && <>the gap is <strong>closing</strong> by <span data-testid="headline-rate">{rate}</span> points a year.</>}
        {h.trend === 'widening' && <>the gap is <strong>widening</strong> by <span data-testid="headline-rate">{rate}</span> points a year.</>}
      </span>
    </p>
  );
}
