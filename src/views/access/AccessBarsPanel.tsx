import { useCallback } from 'react';
import { coverageBarsSpec } from '../../charts/coverageBarsSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { AccessData } from './useAccessData';
import type { AccessWords } from './useAccessWords';

/** Each district's share of people within the threshold, lowest first, against the national share and a target. */
export function AccessBarsPanel({ words, data, summary }: { words: AccessWords; data: AccessData; summary: string }) {
  const { t, locale, dir } = useI18n();
  const { what, target, source } = words;
  const { coverage, districts } = data.model;
  const ready = coverage !== null && districts.length > 0;
  const spec = useCallback((width: number) => {
    if (!coverage || !districts.length) return null;
    const names = new Map(districts.map((d) => [d.region_id, d.name]));
    const rows = coverage.districts.filter((d) => d.share != null).map((d) => ({ region_id: d.region_id, name: names.get(d.region_id) ?? d.region_id, population: d.population, share: d.share! }));
    return coverageBarsSpec({ rows, national: coverage.national.share ?? 0, what, target, width, caption: source, loc: { locale, rtl: dir === 'rtl' }, t });
  }, [coverage, districts, what, target, source, locale, dir, t]);
  return (
    <Panel title={t('access.barsTitle', { what })} subtitle={t(target ? 'access.barsSubtitleTarget' : 'access.barsSubtitle')} state={data.distance} testId="access-bars-panel" id="access-bars">
      <div>{ready && <PlotFigure spec={spec} testId="coverage-bars" summary={summary || undefined} />}</div>
    </Panel>
  );
}
