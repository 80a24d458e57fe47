import { useCallback } from 'react';
import { placementCurveSpec } from '../../charts/placementCurveSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n, type I18n } from '../../i18n/I18nContext';
import type { PlacementRequest } from './settings';
import type { PlacementOutcome } from './usePlanData';

/** What each proposed site adds, in the words of the objective. */
export function gainLabel(r: PlacementRequest, { t, num }: Pick<I18n, 't' | 'num'>): string {
  const km = num(r.thresholdKm);
  if (r.objective === 'coverage') return t(r.povertyWeighted ? 'plan.placement.gainCoverageWeighted' : 'plan.placement.gainCoverage', { km });
  return t(r.povertyWeighted ? 'plan.placement.gainMedianWeighted' : 'plan.placement.gainMedian', { km });
}

/** The proposed sites: a sentence, the curve of diminishing returns, the table of sites and the districts that gain. */
export function PlanPlacementResult({ o, running, onAdopt }: { o: PlacementOutcome; running: boolean; onAdopt: (o: PlacementOutcome) => void }) {
  const sourceLabel = useSourceLabel();
  const i18n = useI18n();
  const { t, num, region, locale, dir } = i18n;
  const spec = useCallback((width: number) => (o.sites.length
    ? placementCurveSpec({ gains: o.sites.map((s) => s.gain), yLabel: gainLabel(o.request, i18n), width,
      caption: t('plan.placement.caption', { source: sourceLabel }), loc: { locale, rtl: dir === 'rtl' }, t })
    : null), [o, sourceLabel, i18n, t, locale, dir]);
  const total = o.sites.reduce((s, x) => s + x.gain, 0);
  const people = o.districts.reduce((s, d) => s + d.people, 0);
  return (
    <div className={running ? 'access-updating' : undefined}>
      <p className="summary" data-testid="placement-summary">
        {o.sites.length === 0
          ? t('plan.placement.none', { km: num(o.request.thresholdKm) })
          : t(o.request.objective === 'p-median' ? 'plan.placement.summaryMedian' : 'plan.placement.summary', { n: num(o.sites.length), people: num(people), km: num(o.request.thresholdKm), districts: num(o.districts.length) })
            + (o.sites.length < o.request.k ? t('plan.placement.onlyHelp', { n: num(o.sites.length) }) : '')
            + t('plan.placement.took', { s: num(o.ms / 1000, 1) })}
      </p>
      <div className="grid-2">
        <div><PlotFigure spec={spec} testId="placement-curve" /></div>
        <div>
          <div className="scroll-x">
            <table className="data-table" data-testid="placement-sites">
              <caption className="sr-only">{t('plan.placement.sitesCaption')}</caption>
              <thead><tr><th>#</th><th>{t('col.district')}</th><th className="num">{t('plan.placement.latLon')}</th><th className="num">{gainLabel(o.request, i18n)}</th></tr></thead>
              <tbody>{o.sites.map((s, k) => (
                <tr key={s.id}><td>{num(k + 1)}</td><td>{region(s.region_id, s.district)}</td><td className="num">{num(s.lat, 3)}, {num(s.lon, 3)}</td><td className="num" data-gain={s.gain}>{num(s.gain)}</td></tr>
              ))}</tbody>
              {o.sites.length > 1 && <tfoot><tr><td /><td>{t('plan.placement.total')}</td><td /><td className="num">{num(total)}</td></tr></tfoot>}
            </table>
          </div>
          {o.districts.length > 0 && (
            <p className="access-note" data-testid="placement-districts">
              {t(o.request.objective === 'coverage' ? 'plan.placement.benefitCoverage' : 'plan.placement.benefitMedian', {
                list: o.districts.slice(0, 8).map((d) => `${region(d.region_id, d.name)} ${num(d.people)}`).join(', ')
                  + (o.districts.length > 8 ? t('plan.placement.andMore', { n: num(o.districts.length - 8) }) : ''),
              })}
            </p>
          )}
          {o.sites.length > 0 && <button type="button" className="access-button" onClick={() => onAdopt(o)} data-testid="placement-adopt">{t('plan.placement.adopt')}</button>}
        </div>
      </div>
    </div>
  );
}
