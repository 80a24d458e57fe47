import { useCallback } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { priorityBarsSpec } from '../../charts/priorityBarsSpec';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { AccessData } from './useAccessData';
import type { AccessWords } from './useAccessWords';

const PRIORITY_TOP = 15;

/** Districts to go to first: low catchment accessibility and high poverty, each half of the score. */
export function AccessPriorityPanel({ words, data }: { words: AccessWords; data: AccessData }) {
  const { t, num, pct, lang, locale, dir } = useI18n();
  const { accessUnit, source } = words;
  const { ranked, accessOnly, topPriority } = data.model;
  const { acc } = data;
  const spec = useCallback((width: number) => {
    if (!ranked.length) return null;
    const rows = ranked.map((d) => ({ name: d.name, priority: d.priority!, accessNeed: d.accessNeed!, povertyNeed: d.povertyNeed ?? null, accessibility: d.accessibility!, poverty: d.poverty }));
    return priorityBarsSpec({ rows, top: PRIORITY_TOP, accessUnit, width, caption: `${source} ${t('access.prioCaption')}`, loc: { locale, rtl: dir === 'rtl' }, t });
  }, [ranked, accessUnit, source, locale, dir, t]);
  const summary = topPriority.length ? t('access.prioSummary', {
    list: topPriority.map((d) => t(d.poverty == null ? 'access.prioItemNoPoverty' : 'access.prioItem', {
      name: d.name, priority: num(d.priority, 2), poverty: pct(d.poverty, 0), access: num(d.accessibility, 1), unit: accessUnit,
    })).join(lang === 'ar' ? '؛ ' : '; '),
  }) : '';
  return (
    <Panel
      title={t('access.prioTitle', { n: num(Math.min(PRIORITY_TOP, ranked.length)) })}
      subtitle={t(accessOnly ? 'access.prioSubtitleAccessOnly' : 'access.prioSubtitle')}
      state={data.catchment}
      testId="access-priority-panel" id="access-priority"
    >
      <div className={acc.updating && acc.rows ? 'access-updating' : undefined}>
        {ranked.length > 0 && <PlotFigure spec={spec} testId="priority-bars" summary={summary || undefined} />}
      </div>
      {summary && <p className="access-note" data-testid="priority-summary">{summary}</p>}
    </Panel>
  );
}
