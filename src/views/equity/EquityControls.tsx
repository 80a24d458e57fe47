import { useI18n } from '../../i18n/I18nContext';
import type { EquityNotice } from './equityModel';
import { Picker } from './Picker';
import type { EquityPanelProps } from './useEquityData';

/** The indicator, dimension and year pickers, and what the link asked for that the data do not offer. */
export function EquityControls({ data, labels, set }: EquityPanelProps) {
  const { t, tx, year: yr } = useI18n();
  const { settings: s, indicators, indicatorId, dimension, dims, years } = data;
  const { dimLabel } = labels;
  // The link's settings that the data did not offer, in the interface language (names from the catalogue).
  const noticeText = (n: EquityNotice) => t(n.key, {
    wanted: n.wanted,
    shown: n.key === 'equity.notice.indicator' ? labels.indicatorName : n.key === 'equity.notice.dimension' ? dimLabel(n.shown) : yr(Number(n.shown)),
  });
  return (
    <>
      <div className="view-controls" data-testid="equity-controls">
        <Picker label={t('equity.indicator')} value={indicatorId} testId="equity-indicator" onChange={(v) => set({ indicator: v })}
          options={indicators.length ? indicators.map((i) => ({ value: i.indicator_id, label: tx(`indicator.${i.indicator_id}`, i.name) })) : [{ value: indicatorId, label: indicatorId || t('equity.loading') }]} />
        <Picker label={t('equity.dimension')} value={dimension} testId="equity-dimension" onChange={(v) => set({ dimension: v })}
          options={dims.length ? dims.map((d) => ({ value: d, label: dimLabel(d) })) : [{ value: dimension, label: dimension ? dimLabel(dimension) : t('equity.loading') }]} />
        <Picker label={t('equity.year')} value={String(s.year ?? '')} testId="equity-year" onChange={(v) => set({ year: v ? Number(v) : null })}
          options={years.length ? [...years].reverse().map((y) => ({ value: String(y), label: yr(y) })) : [{ value: String(s.year ?? ''), label: s.year ? yr(s.year) : t('equity.loading') }]} />
        <p className="muted controls-note">{t('equity.region', { scope: labels.scope })}</p>
      </div>
      {s.notices.length > 0 && <div className="notice" role="status" data-testid="equity-notice">{s.notices.map((n) => <p key={n.key}>{noticeText(n)}</p>)}</div>}
    </>
  );
}
