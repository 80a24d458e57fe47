import * as Plot from '@observablehq/plot';
import type { MessageKey } from '../i18n/en';
import type { CoverageCapacity } from '../metrics/capacityCoverage';
import { REFERRAL_LIMIT_MIN } from '../metrics/referralTime';
import { formatNumber, formatTick } from './measureMeta';
import { chartLanguage, type ChartLanguage } from './direction';

export interface DistrictBar { label: string; value: number }

/** What the bars measure: referral minutes (with the 2-hour line), or accessibility per 10,000 in the capacity's unit. */
export type DistrictBarsMeasure = { kind: 'referral' } | { kind: 'catchment'; capacity: CoverageCapacity };

export interface DistrictBarsInput extends ChartLanguage {
  /** Districts with a value (absent ones are left out by the caller and said in the table). */
  rows: readonly DistrictBar[];
  measure: DistrictBarsMeasure;
  width: number;
  caption: string;
}

/** One horizontal bar per district, largest at the top, values printed at the bars' ends (travel-time analyses). */
export function districtBarsSpec(i: DistrictBarsInput): Plot.PlotOptions {
  const { t, locale, side } = chartLanguage(i);
  const referral = i.measure.kind === 'referral';
  const digits = referral ? 0 : 2;
  const xLabel = i.measure.kind === 'referral' ? t('tta.refAxis') : t(`access.capUnit.${i.measure.capacity}` as MessageKey);
  const sorted = [...i.rows].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return {
    width: i.width,
    height: 40 + sorted.length * 15,
    ...side.bars(110, 48),
    caption: i.caption,
    ariaLabel: t(referral ? 'tta.refAria' : 'tta.fcaAria'),
    x: { label: xLabel, grid: true, nice: true, reverse: side.reverse, tickFormat: (d: number) => formatTick(d, locale) },
    y: { label: null, domain: sorted.map((r) => r.label), axis: side.yAxis },
    marks: [
      Plot.barX(sorted, { x: 'value', y: 'label', fill: '#2c7fb8', ariaHidden: 'true' }),
      Plot.text(sorted, { x: 'value', y: 'label', text: (r: DistrictBar) => formatNumber(r.value, digits, locale), dx: side.dx(4), textAnchor: side.after, fontSize: 10, ariaHidden: 'true' }),
      ...(referral ? [Plot.ruleX([REFERRAL_LIMIT_MIN], { stroke: '#c2410c', strokeWidth: 1.5, strokeDasharray: '4,3', ariaHidden: 'true' })] : []),
    ],
  };
}
