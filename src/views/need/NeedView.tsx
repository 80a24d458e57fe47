import { useState } from 'react';
import type { BrushExtent } from '../../charts/PlotFigure';
import { MeasurePicker } from '../../components/MeasurePicker';
import { useI18n } from '../../i18n/I18nContext';
import type { ViewProps } from '../viewRegistry';
import { NeedScatterPanel } from './NeedScatterPanel';
import { NeedTablePanel } from './NeedTablePanel';
import { NEED_SETTINGS } from './settings';
import { useNeedData } from './useNeedData';

/** Are the districts that need care most the ones that have least of it? */
export function NeedView({ view, scope, onChange }: ViewProps) {
  const { t, tx, num, locale } = useI18n();
  const data = useNeedData(view);
  const { list, indicator, year, held, meta, model: { fit, perTen, verdict, rows } } = data;
  const [brush, setBrush] = useState<BrushExtent | null>(null);
  const iname = (i: NonNullable<typeof indicator>) => tx(`indicator.${i.indicator_id}`, i.name);
  const needLabel = indicator ? `${iname(indicator)} (${indicator.unit}, ${rows[0]?.need_year ?? ''})` : '';
  const headline = fit && verdict && indicator
    ? t('need.headline', {
      verdict: t(verdict),
      unit: indicator.unit === '%' ? t('need.points') : indicator.unit, need: iname(indicator).toLocaleLowerCase(locale),
      value: num(Math.abs(perTen), meta.digits), direction: t(perTen < 0 ? 'need.fewer' : 'need.more'),
      measure: meta.short.toLocaleLowerCase(locale).replace(/ \/ (10k|10 000|١٠ آلاف)$/, ''), r: num(fit.r, 2),
    })
    : '';
  const set = (patch: Parameters<typeof NEED_SETTINGS.write>[1]) => onChange({ extra: NEED_SETTINGS.write(view.extra, patch) });

  return (
    <>
      <div className="view-controls">
        <MeasurePicker value={held.measure} offered={held.offered} unheld={held.unheld} onChange={(m) => onChange({ measure: m })} />
        <label className="picker">{t('need.indicator')}
          <select value={indicator?.indicator_id ?? ''} onChange={(e) => set({ indicator: e.target.value })} data-testid="need-indicator">
            {list.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{iname(i)} ({i.unit})</option>)}
          </select>
        </label>
        {indicator && (
          <label className="picker">{t('need.year')}
            <select value={year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : null })} data-testid="need-year">
              <option value="">{t('need.latest', { year: indicator.last_year })}</option>
              {Array.from({ length: indicator.last_year - indicator.first_year + 1 }, (_, k) => indicator.last_year - k).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
        )}
      </div>
      {headline && <p className="summary" data-testid="need-headline">{headline}</p>}
      <NeedScatterPanel data={data} view={view} scope={scope} needLabel={needLabel} headline={headline} onBrush={setBrush} onChange={onChange} />
      <NeedTablePanel data={data} view={view} scope={scope} brush={brush} clearBrush={() => setBrush(null)} onChange={onChange} />
    </>
  );
}
