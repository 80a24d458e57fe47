import { useCallback } from 'react';
import { coverageCurveSpec } from '../../charts/coverageCurveSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { LANCET_SURGERY_TARGET } from '../../metrics/accessThresholds';
import type { AccessSettings } from './accessSettings';
import type { AccessData } from './useAccessData';
import type { AccessWords } from './useAccessWords';

/** How coverage grows with the threshold: the whole curve, the slider's choice and the target marked. */
export function AccessCurvePanel({ s, scope, inProvince, words, data }: { s: AccessSettings; scope: string; inProvince: boolean; words: AccessWords; data: AccessData }) {
  const { t, pct, locale, dir } = useI18n();
  const { target, xUnit, source } = words;
  const { coverage } = data.model;
  const index = data.steps.index;
  const spec = useCallback((width: number) => {
    if (!coverage) return null;
    const stepX = s.unit === 'km' ? 0.5 : 5;
    const points = coverage.curve.map((c) => ({ x: c.step * stepX, share: c.share }));
    const selected = { x: index * stepX, share: coverage.national.share ?? 0 };
    const curveTarget = target && s.unit === 'min' ? { ...target, x: LANCET_SURGERY_TARGET.hours * 60 } : target;
    return coverageCurveSpec({ points, selected, xLabel: t('access.curveX', { unit: xUnit }), target: curveTarget, width, caption: source, loc: { locale, rtl: dir === 'rtl' }, t });
  }, [coverage, s.unit, index, xUnit, target, source, locale, dir, t]);
  const share = coverage?.national.share;
  return (
    <Panel title={t('access.curveTitle')} subtitle={inProvince ? t('access.curveSubtitleIn', { scope }) : t('access.curveSubtitleNational')} state={data.distance} testId="access-curve-panel" id="access-curve">
      <div>{coverage && <PlotFigure spec={spec} testId="coverage-curve" summary={share != null ? t('access.curveSummary', { share: pct(100 * share, 1) }) : undefined} />}</div>
    </Panel>
  );
}
