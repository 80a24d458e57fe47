import { useCallback, useMemo } from 'react';
import { needScatterSpec } from '../../charts/needScatterSpec';
import { PlotFigure, type BrushExtent } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { NeedAccessRow } from '../../queries/needAccessSql';
import type { ViewProps } from '../viewRegistry';
import type { NeedData } from './useNeedData';

/** Districts by need and access, the fitted line and the "high need, low access" corner, its districts named below. */
export function NeedScatterPanel({ data, view, scope, needLabel, headline, onBrush, onChange }: Pick<ViewProps, 'view' | 'scope' | 'onChange'> & {
  data: NeedData; needLabel: string; headline: string; onBrush: (b: BrushExtent | null) => void;
}) {
  const { t, num, region, locale, dir, lang } = useI18n();
  const source = useSourceLabel();
  const { model: { rows, quadrant, flagged, flaggedRows, flaggedPopulation }, meta, needIsHigh } = data;
  // The chart names districts and provinces in the interface language.
  const named = useMemo(() => rows.map((r) => ({ ...r, name: region(r.region_id, r.name), province: region(r.province, r.province) })), [rows, region]);
  const caption = t('need.caption', { source });
  const selected = view.district;
  const spec = useCallback((width: number) => (named.length && quadrant ? needScatterSpec({
    rows: named, meta, needLabel, needIsHigh, needCut: quadrant.needCut, accessCut: quadrant.accessCut, flagged, selected, width, caption,
    loc: { locale, rtl: dir === 'rtl' }, t,
  }) : null), [named, meta, needLabel, needIsHigh, quadrant, flagged, selected, caption, locale, dir, t]);
  const name = (r: NeedAccessRow) => region(r.region_id, r.name);
  return (
    <Panel title={t('need.title', { scope })} subtitle={t('need.subtitle')} state={data.data} testId="need-panel">
      {named.length > 0 && quadrant && <PlotFigure spec={spec} testId="need-scatter" summary={headline || undefined} onBrush={onBrush}
        onSelect={(r) => onChange({ district: (r as NeedAccessRow).region_id })} />}
      {quadrant && (
        <p data-testid="need-flagged">
          <strong>{t('need.flagged', { n: num(flaggedRows.length), people: num(flaggedPopulation) })}</strong>{' '}
          {flaggedRows.length ? flaggedRows.map(name).join(lang === 'ar' ? '، ' : ', ') : t('need.none')}.
        </p>
      )}
    </Panel>
  );
}
