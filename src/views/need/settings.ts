import { intIn, nullable, settingsCodec, textLike } from '../../state/settingsCodec';

/** The Need view's link: the socio-economic need indicator and its year (null: poverty rate, its latest year). */
export interface NeedLink {
  indicator: string | null;
  year: number | null;
}

export const NEED_SETTINGS = settingsCodec<NeedLink>('need', {
  indicator: nullable(textLike(/^[^\p{Cc}]+$/u, 'need')),
  year: nullable(intIn(1, 9999, 'need_year')),
}, (given) => ({ indicator: null, year: null, ...given }), 'need');
