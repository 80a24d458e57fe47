import { nullable, settingsCodec, textLike } from '../../state/settingsCodec';

/** The Trends view's link: the indicator drawn (null: DTP3 where the data have it, else the first). */
export interface TrendsLink {
  indicator: string | null;
}

export const TRENDS_SETTINGS = settingsCodec<TrendsLink>('trends', {
  indicator: nullable(textLike(/^[^\p{Cc}]+$/u, 'indicator')),
}, (given) => ({ indicator: null, ...given }), 'trends');
