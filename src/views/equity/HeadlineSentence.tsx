import { useI18n } from '../../i18n/I18nContext';
import { rich } from '../../i18n/rich';
import type { Headline } from './headlineGap';

/** The headline answer in the interface language, with each number in its own element for readers and tests. */
export function HeadlineSentence({ h, indicatorName, scope, unit, subgroup }: { h: Headline; indicatorName: string; scope: string; unit: string; subgroup: (s: string) => string }) {
  const { t, num, year } = useI18n();
  const top = h.wealth ? t('equity.richest') : subgroup(h.top);
  const bottom = h.wealth ? t('equity.poorest') : subgroup(h.bottom);
  const rate = h.closingPerYear === null ? null : num(Math.abs(h.closingPerYear), 1);
  const rateNode = <span data-testid="headline-rate">{rate}</span>;
  const trendKey = ({ 'single-year': 'equity.singleYear', unchanged: 'equity.unchanged', closing: 'equity.closing', widening: 'equity.widening' } as const)[h.trend];
  return (
    <p className="headline" data-testid="equity-headline" data-trend={h.trend} aria-live="polite">
      {rich(t('equity.headline', { unit, direction: t(h.gap >= 0 ? 'equity.higher' : 'equity.lower'), top, bottom, scope }), {
        indicator: <strong>{indicatorName}</strong>,
        year: <span data-testid="headline-year">{year(h.year)}</span>,
        gap: <strong className="headline-number" data-testid="headline-gap">{num(Math.abs(h.gap), 1)}</strong>,
      })}
      {h.firstYear !== h.year && rich(t('equity.headlineFirst'), {
        year: <span data-testid="headline-first-year">{year(h.firstYear)}</span>,
        gap: <span data-testid="headline-first-gap">{num(Math.abs(h.firstGap), 1)}</span>,
      })}
      {t('equity.dash')}
      <span data-testid="headline-trend">
        {h.trend === 'closing' || h.trend === 'widening' ? <strong>{rich(t(trendKey), { rate: rateNode })}</strong> : rich(t(trendKey), { rate: rateNode })}
      </span>
    </p>
  );
}
