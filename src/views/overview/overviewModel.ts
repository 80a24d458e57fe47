import type { MeasureMeta } from '../../charts/measureMeta';
import type { BoundaryFeature } from '../../data/boundaries';
import type { MessageKey } from '../../i18n/en';
import type { Params } from '../../i18n/translate';
import { MIN_KNOWN_SHARE } from '../../metrics/knownShare';
import { kpiOf, type Kpi } from '../../metrics/kpi';
import type { DistrictDensityRow } from '../../queries/overviewSql';

export interface OverviewModel {
  rows: DistrictDensityRow[];
  /** The districts whose value of the measure is known, ranked worst-served first (ties keep the query's order). */
  ranked: DistrictDensityRow[];
  /** Districts whose value is not known (too few facilities report it): never ranked or named among the worst. */
  unvalued: number;
  /** Ranked districts below the measure's reference line (0 without one). */
  belowRef: number;
  /** The headline numbers: the sums of the districts shown, so the cards always agree with the table. */
  kpi: Kpi | null;
}

/** What the overview shows of the district rows for one measure; null rows (nothing answered yet) show nothing. */
export function overviewModel(shown: readonly DistrictDensityRow[] | null, meta: Pick<MeasureMeta, 'column' | 'reference'>): OverviewModel {
  const rows = shown ? [...shown] : [];
  const value = (r: DistrictDensityRow) => r[meta.column] as number;
  const ranked = rows.filter((r) => r[meta.column] != null).sort((a, b) => value(a) - value(b));
  const ref = meta.reference;
  return {
    rows, ranked,
    unvalued: rows.length - ranked.length,
    belowRef: ref ? ranked.filter((r) => value(r) < ref.value).length : 0,
    kpi: shown ? kpiOf(shown) : null,
  };
}

/** The map needs boundaries for at least one district in scope; otherwise the ranking and table carry the data. */
export function hasMappedDistrict(rows: readonly DistrictDensityRow[], boundaries: readonly BoundaryFeature[] | null | undefined): boolean {
  const ids = new Set(rows.map((r) => r.region_id));
  return boundaries?.some((f) => f.properties.level === 2 && ids.has(f.properties.region_id)) ?? false;
}

/** What the sentences need of the interface language. */
export interface Words {
  t: (key: MessageKey, params?: Params) => string;
  num: (x: number | null | undefined, digits?: number) => string;
  pct: (x: number | null | undefined, digits?: number) => string;
  region: (id: string | null | undefined, fallback?: string) => string;
  /** The list separator ("، " in Arabic). */
  comma: string;
}

/**
 * The sentences of the overview: the three worst-served districts, and for screen readers one sentence with each chart
 * (the table alternatives carry every value).
 */
export function overviewSentences(m: OverviewModel, meta: MeasureMeta, w: Words) {
  const { t, num } = w;
  const name = (r: DistrictDensityRow) => w.region(r.region_id, r.name);
  const value = (r: DistrictDensityRow) => num(r[meta.column] as number, meta.digits);
  const worst = m.ranked.slice(0, 3);
  const summary = worst.length ? t('overview.lowest', { measure: meta.short.toLowerCase(), list: worst.map((r) => `${name(r)} (${value(r)})`).join(w.comma) }) : '';
  const low = m.ranked[0];
  const high = m.ranked[m.ranked.length - 1];
  const ends = low ? { low: name(low), lowValue: value(low), high: name(high), highValue: value(high) } : null;
  const refSentence = meta.reference ? ` ${t('overview.belowRef', { n: num(m.belowRef), total: num(m.ranked.length), ref: meta.reference.label })}` : '';
  const omitted = m.unvalued ? ` ${t('known.districtsOmitted', { n: num(m.unvalued), total: num(m.rows.length), min: w.pct(100 * MIN_KNOWN_SHARE, 0) })}` : '';
  const about = (key: 'overview.mapSummary' | 'overview.barsSummary') => (ends ? t(key, { n: num(m.ranked.length), measure: meta.label, ...ends }) + refSentence + omitted : '');
  return { summary, omitted: omitted.trim(), mapSummary: about('overview.mapSummary'), barsSummary: about('overview.barsSummary') };
}

/** The table alternative of the map and the ranking: district, province, value, worst-served first. */
export function altTable(m: OverviewModel, meta: MeasureMeta, w: Words, head: { district: string; province: string }) {
  return {
    head: [head.district, head.province, meta.short],
    rows: m.ranked.map((r) => [w.region(r.region_id, r.name), w.region(r.province_id, r.province), w.num(r[meta.column] as number, meta.digits)]),
  };
}
