import { useMemo } from 'react';
import type { ChartLanguage } from '../../charts/direction';
import { countBarsSpec } from '../../charts/partnershipSpecs';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { QueryState } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { countsBy, type CountRow } from './partnershipsModel';

const barsFor = (rows: { key: string; n: number }[], what: string, caption: string, lang: ChartLanguage) =>
  (width: number) => (rows.length ? countBarsSpec({ rows, what, width, caption, ...lang }) : null);

/** How many partnerships of each partner type and of each programme, in scope. */
export function PartnershipCounts({ counts, rows, source }: { counts: QueryState<CountRow>; rows: readonly CountRow[]; source: string }) {
  const { t, tx, num, locale, dir } = useI18n();
  const lang = useMemo(() => ({ loc: { locale, rtl: dir === 'rtl' }, t }), [locale, dir, t]);
  const types = useStable(countsBy(rows, 'partner_type', (c) => tx(`partner.${c}`, c.replace(/_/g, ' '))));
  const programmes = useStable(countsBy(rows, 'programme', (c) => tx(`programme.${c}`, c.replace(/_/g, ' '))));
  const typeSpec = useMemo(() => barsFor(types, t('partner.byType'), source, lang), [types, source, lang, t]);
  const programmeSpec = useMemo(() => barsFor(programmes, t('partner.byProgramme'), source, lang), [programmes, source, lang, t]);
  const top = [...types].sort((a, b) => b.n - a.n)[0];
  return (
    <Panel title={t('partner.countsTitle')} subtitle={t('partner.countsSubtitle')} state={counts} empty={t('partner.countsEmpty')} testId="partner-counts-panel">
      {types.length > 0 && <PlotFigure spec={typeSpec} testId="partner-type-bars" summary={top ? t('partner.countsSummary', { top: top.key, n: num(top.n) }) : ''} />}
      {programmes.length > 0 && <PlotFigure spec={programmeSpec} testId="partner-programme-bars" summary={programmes.map((r) => `${r.key}: ${num(r.n)}`).join(', ')} />}
    </Panel>
  );
}
