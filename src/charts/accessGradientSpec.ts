import * as Plot from '@observablehq/plot';
import { chartLanguage, type ChartLanguage } from './direction';
import { formatNumber, formatTick } from '../i18n/format';

export interface GradientDistrict {
  name: string;
  population: number;
  povertyRate: number;
  workforcePer10k: number;
}

export interface AccessGradientInput extends ChartLanguage {
  /** Districts ranked from the poorest (first) to the least poor. */
  districts: readonly GradientDistrict[];
  /** Population-weighted mean and slope index (linear, per 10,000) for the fitted line. */
  mean: number;
  sii: number | null;
  /** A reference density, e.g. WHO's 44.5 health workers per 10,000. */
  threshold?: { value: number; label: string };
  width: number;
  caption: string;
}


/**
 * Inequality of access: each district a bar as wide as its population share, placed from the poorest
 * (left) to the least poor (right), as tall as its health workforce per 10,000. The fitted slope-index
 * line (population-weighted least squares on ridit scores) passes through the population mean at the middle rank (ridit 0.5), so y = mean + SII (x - 0.5).
 */
export function accessGradientSpec(p: AccessGradientInput): Plot.PlotOptions {
  const { t, locale } = chartLanguage(p);
  const DISTRICT = t('chart.gradientDistrict');
  const LINE = t('chart.gradientLine');
  const POV = t('chart.povertyRate');
  const WF = t('equity.colWorkforce');
  const total = p.districts.reduce((s, d) => s + d.population, 0);
  let before = 0;
  const bars = p.districts.map((d) => {
    const x1 = (100 * before) / total;
    before += d.population;
    return { ...d, x1, x2: (100 * before) / total };
  });
  // Drawn only across the ranks that have districts (first to last district's mid-point): the SII itself is
  // the fitted difference between rank 0 and rank 1, which the text reports.
  const ends = bars.length ? [(bars[0].x1 + bars[0].x2) / 2, (bars[bars.length - 1].x1 + bars[bars.length - 1].x2) / 2] : [];
  const line = p.sii === null ? [] : ends.map((x) => ({ x, y: p.mean + p.sii! * (x / 100 - 0.5) }));
  return {
    width: p.width,
    height: 300,
    marginLeft: 50,
    marginRight: 20,
    marginBottom: 44,
    caption: p.caption,
    ariaLabel: t('chart.gradientAria'),
    x: { label: t('chart.gradientX'), domain: [0, 100], tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: t('chart.gradientY'), grid: true, nice: true, tickFormat: (d: number) => formatTick(d, locale) },
    color: { domain: [DISTRICT, LINE], range: ['#7fa7c9', '#c2410c'], legend: true },
    marks: [
      Plot.rectY(bars, {
        x1: 'x1', x2: 'x2', y: 'workforcePer10k', fill: () => DISTRICT, stroke: 'white', strokeWidth: 0.5, ariaHidden: 'true',
        channels: { [t('col.district')]: 'name', [POV]: 'povertyRate', [WF]: 'workforcePer10k',
          [t('col.population')]: (d: GradientDistrict) => formatNumber(Math.round(d.population), 0, locale) },
        tip: { format: { x1: false, x2: false, y: false, fill: false, [WF]: (v: number) => formatNumber(v, 1, locale), [POV]: (v: number) => formatNumber(v, 1, locale) } },
      }),
      Plot.line(line, { x: 'x', y: 'y', stroke: () => LINE, strokeWidth: 2.5, ariaHidden: 'true' }),
      ...(p.threshold ? [
        Plot.ruleY([p.threshold.value], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([p.threshold.value], { y: (d: number) => d, frameAnchor: 'right', dy: -7, textAnchor: 'end', text: () => p.threshold!.label, fontSize: 10, ariaHidden: 'true' }),
      ] : []),
      Plot.ruleY([0]),
    ],
  };
}
