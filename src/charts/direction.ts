import type * as Plot from '@observablehq/plot';
import type { MessageKey } from '../i18n/en';
import { formatTick } from '../i18n/format';
import { translate, type Params } from '../i18n/translate';

/**
 * Locale of a chart: number formatting and reading direction. Horizontal bar charts mirror in right-to-left
 * languages (values grow leftwards, category labels on the right, value labels on the bars' left end);
 * time axes keep running left to right, as Arabic statistical publications usually print them.
 */
export interface ChartLocale {
  locale: string;
  rtl: boolean;
}

export const LTR_EN: ChartLocale = { locale: 'en', rtl: false };

/** Anchors and offsets for text placed "after" a bar's end, and the axis layout of a horizontal bar chart. */
export function sides(loc: ChartLocale = LTR_EN) {
  const r = loc.rtl;
  return {
    /** Text just past the end of a bar. */
    after: r ? ('end' as const) : ('start' as const),
    before: r ? ('start' as const) : ('end' as const),
    dx: (n: number) => (r ? -n : n),
    /** Frame side where labels of reference lines sit ("left" in LTR). */
    near: r ? ('right' as const) : ('left' as const),
    far: r ? ('left' as const) : ('right' as const),
    /** x scale options and margins for horizontal bars: categories on the start side. */
    bars: (labelMargin: number, valueMargin: number) => ({
      marginLeft: r ? valueMargin : labelMargin,
      marginRight: r ? labelMargin : valueMargin,
    }),
    /**
     * Margins and scales of a horizontal bar chart: the categories `domain` down the start side, a value grid along x
     * with ticks in the locale's digits; `x` adds to or overrides the x scale (label, domain, nice).
     */
    barScales: (labelMargin: number, valueMargin: number, x: Plot.ScaleOptions, domain: readonly string[]) => ({
      marginLeft: r ? valueMargin : labelMargin,
      marginRight: r ? labelMargin : valueMargin,
      x: { grid: true, reverse: r, tickFormat: (d: number) => formatTick(d, loc.locale), ...x },
      y: { label: null, domain: [...domain], axis: r ? ('right' as const) : ('left' as const) },
    }),
    reverse: r,
    yAxis: r ? ('right' as const) : ('left' as const),
  };
}

/** Chart words from the message catalogue. */
export type ChartWords = (key: MessageKey, params?: Params) => string;
const ENGLISH: ChartWords = (key, params) => translate('en', key, params);

/** What a chart spec takes of the interface language; English, left to right, when omitted. */
export interface ChartLanguage {
  /** Interface language: numbers, mirrored layout in RTL. */
  loc?: ChartLocale;
  /** Chart words from the message catalogue. */
  t?: ChartWords;
}

/** The words, locale and reading-direction helpers of a chart, with English defaults. */
export function chartLanguage({ loc, t }: ChartLanguage) {
  return { t: t ?? ENGLISH, locale: loc?.locale ?? 'en', side: sides(loc) };
}
