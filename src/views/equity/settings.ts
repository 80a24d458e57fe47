import { MEASURE_CODES, type MeasureCode } from '../../metrics/inequality';
import { intIn, nullable, oneOf, settingsCodec, textLike } from '../../state/settingsCodec';

/** What the Equity view's link asks for; null: the view picks from what the data offer (equityModel.resolveSettings). */
export interface EquityLink {
  indicator: string | null;
  /** A coverage dimension's name, e.g. "Economic status (wealth quintile)". */
  dimension: string | null;
  year: number | null;
  /** The summary measure of the trend and benchmark panels. */
  measure: MeasureCode | null;
  /** Equiplot lines: one per year in the selected setting, or one per setting in the selected year. */
  lines: 'year' | 'region';
}

/** Ids and names come from the user's data: any text without control characters (the data decide if it is offered). */
const DATA_TEXT = /^[^\p{Cc}]+$/u;

export const EQUITY_SETTINGS = settingsCodec<EquityLink>('equity', {
  indicator: nullable(textLike(DATA_TEXT, 'indicator')),
  dimension: nullable(textLike(DATA_TEXT, 'dimension')),
  year: nullable(intIn(1, 9999, 'year')),
  measure: nullable(oneOf(MEASURE_CODES, 'measure_code')),
  lines: oneOf(['year', 'region'] as const, 'lines'),
}, (given) => ({ indicator: null, dimension: null, year: null, measure: null, lines: 'year', ...given }), 'equity');

/** Link texts the codec refused, kept so the view can say "no data for the year “abc”" as it does for a year not offered. */
export type RefusedLink = Partial<Record<'year', string>>;

export function readEquityLink(extra: Readonly<Record<string, string>>): { link: EquityLink; refused: RefusedLink } {
  const { settings, invalid } = EQUITY_SETTINGS.read(extra);
  const key = EQUITY_SETTINGS.key('year');
  return { link: settings, refused: invalid.includes(key) ? { year: extra[key] } : {} };
}
