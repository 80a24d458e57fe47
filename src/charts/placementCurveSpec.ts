import * as Plot from '@observablehq/plot';
import { formatNumber, formatTick } from '../i18n/format';
import { chartLanguage, type ChartLanguage } from './direction';

export interface PlacementCurveInput extends ChartLanguage {
  /** gains[t]: what the (t+1)-th proposed site adds (people, or weighted people / person-km). */
  gains: readonly number[];
  yLabel: string;
  width: number;
  caption: string;
}

/** Diminishing returns: cumulative gain after each added site (line) and each site's own gain (bars). */
export function placementCurveSpec({ gains, yLabel, width, caption, ...language }: PlacementCurveInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(language);
  const num = (x: number) => formatNumber(x, 0, locale);
  let sum = 0;
  const rows = gains.map((g, t) => ({ k: t + 1, gain: g, total: (sum += g) }));
  return {
    width,
    height: Math.round(Math.min(320, width * 0.6)),
    marginLeft: 60,
    caption,
    ariaLabel: t('plan.curve.aria', { label: yLabel, n: num(gains.length) }),
    x: { label: t('plan.curve.x'), ticks: rows.map((r) => r.k), tickFormat: (d: number) => num(d), domain: [0.5, Math.max(1, rows.length) + 0.5] },
    y: { label: yLabel, grid: true, tickFormat: (d: number) => formatTick(d, locale) },
    marks: [
      Plot.rectY(rows, { x1: (r) => r.k - 0.3, x2: (r) => r.k + 0.3, y: 'gain', fill: '#9ecae1', ariaHidden: 'true',
        channels: { [t('plan.curve.added')]: 'gain' }, tip: { format: { x1: false, x2: false, y: false, [t('plan.curve.added')]: (d: number) => num(d) } } }),
      Plot.lineY([{ k: 0.5, total: 0 }, ...rows], { x: 'k', y: 'total', stroke: '#0b62a4', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(rows, { x: 'k', y: 'total', fill: '#0b62a4', r: 4, ariaHidden: 'true' }),
      Plot.text(rows, { x: 'k', y: 'total', text: (r) => num(r.total), dy: -10, fontSize: 10, fill: '#0b62a4', ariaHidden: 'true' }),
      Plot.ruleY([0]),
    ],
  };
}
