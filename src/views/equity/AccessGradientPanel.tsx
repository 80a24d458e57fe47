import { useCallback } from 'react';
import { accessGradientSpec } from '../../charts/accessGradientSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { AltTable } from '../../components/AltTable';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { rich } from '../../i18n/rich';
import { WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import { displayed } from './equityMeasures';
import type { EquityPanelProps } from './useEquityData';

/** Inequality of access: health workers per 10,000 across districts ranked by poverty, with the SII and RCI. */
export function AccessGradientPanel({ data, labels }: Omit<EquityPanelProps, 'set'>) {
  const { t, num, year: yr, region } = useI18n();
  const { model: { access, gradient }, queries: { accessQ } } = data;
  const { chart, source, scope } = labels;
  const sii = access?.results.SII ?? null;
  const rci = access?.results.RCI ?? null;
  const spec = useCallback((width: number) => (access && gradient.length ? accessGradientSpec({
    districts: gradient, mean: access.mean, sii: sii?.value ?? null, width,
    threshold: { value: WHO_WORKFORCE_PER_10K, label: t('equity.whoThreshold', { value: num(WHO_WORKFORCE_PER_10K, 1) }) },
    caption: t('equity.accessCaption', { source, year: access.povertyYear ? `, ${yr(access.povertyYear)}` : '' }), ...chart,
  }) : null), [access, gradient, sii, num, source, yr, chart, t]);
  /** The RCI's reading without its number (the sentence gives it), e.g. "Health workforce is concentrated among the more advantaged". */
  const rciReading = (v: NonNullable<typeof rci>) => {
    const text = t('equity.rciReading', { indicator: t('equity.healthWorkforce'), direction: t(v.value >= 0 ? 'equity.dir.advantaged' : 'equity.dir.disadvantaged') });
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return (
    <Panel title={t('equity.accessTitle')} testId="access-panel" id="equity-access" state={accessQ}
      subtitle={t('equity.accessSubtitle', { scope, year: access?.povertyYear ? ` (${yr(access.povertyYear)})` : '' })}
      empty={t('equity.noDistricts', { scope })}>
      {access ? (
        <>
          <p className="chart-summary" data-testid="access-answer">
            <strong>{t(sii && sii.ciLow !== undefined && sii.ciLow > 0 ? 'equity.yes' : sii && sii.ciHigh !== undefined && sii.ciHigh < 0 ? 'equity.reverse' : 'equity.noGradient')}</strong>
            {sii && rich(t('equity.siiSentence', { direction: t(sii.value >= 0 ? 'equity.rises' : 'equity.falls'), low: num(sii.ciLow, 1), high: num(sii.ciHigh, 1) }), {
              value: <span data-testid="access-sii">{num(Math.abs(sii.value), 1)}</span>,
            })}
            {!sii && access.reasons.SII && t('equity.siiNotComputed', { reason: access.reasons.SII })}
            {rci && rich(t('equity.rciSentence', { reading: rciReading(rci) }), {
              value: <span data-testid="access-rci">{num(displayed('RCI', rci)!.value, 1)}</span>,
            })}
          </p>
          {gradient.length > 0 && <PlotFigure spec={spec} testId="access-gradient" summary={t('equity.gradientSummary', { n: num(access.districts), mean: num(access.mean, 1) })} />}
          <p className="muted small">
            {t('equity.gradientNote', { n: num(access.districts) })}
            {access.missing > 0 && t('equity.gradientMissing', { n: num(access.missing) })}
          </p>
          <AltTable caption={t('equity.districtsByPoverty')} head={[t('col.district'), t('chart.povertyRate'), t('equity.colWorkforce'), t('col.population')]} testId="access-table"
            rows={gradient.map((d) => [region(d.name, d.name), num(d.povertyRate, 1), num(d.workforcePer10k, 1), num(d.population, 0)])} />
        </>
      ) : accessQ.status === 'ready' && <p className="panel-status">{t('equity.fewDistricts', { scope })}</p>}
    </Panel>
  );
}
