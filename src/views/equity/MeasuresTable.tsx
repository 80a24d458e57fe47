import { useI18n } from '../../i18n/I18nContext';
import { rich } from '../../i18n/rich';
import { MEASURES, type Availability, type MeasureCode, type MeasureResults } from '../../metrics/inequality';
import { displayed, measureDigits } from './equityMeasures';
import { measureName, measureUnit, readMeasureText } from './equityText';

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
