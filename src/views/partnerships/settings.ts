import { PARTNER_TYPES, PROGRAMMES } from '../../data/contract';
import { orNone } from '../../state/facilityFilters';
import { oneOf, settingsCodec, type Field } from '../../state/settingsCodec';

export interface PartnershipsSettings {
  /** Partnerships active in this year; null for all. */
  year: number | null;
  /** Partner type; null for all. */
  partner: (typeof PARTNER_TYPES)[number] | null;
  programme: (typeof PROGRAMMES)[number] | null;
}

/** A four-digit year, or none. */
const year: Field<number | null> = { read: (t) => (/^\d{4}$/.test(t) ? Number(t) : undefined), write: (v) => (v === null ? '' : String(v)), legacy: 'active' };

/** The Partnerships view's settings in the link: `partnerships.year`, `partnerships.partner`, `partnerships.programme`. */
export const PARTNERSHIPS_SETTINGS = settingsCodec<PartnershipsSettings>('partnerships', {
  year,
  partner: orNone(oneOf(PARTNER_TYPES, 'partner')),
  programme: orNone(oneOf(PROGRAMMES, 'programme')),
}, (given) => ({ year: null, partner: null, programme: null, ...given }), 'partnerships');

/** The years the active-year picker offers, latest first. */
export const ACTIVE_YEARS = Array.from({ length: 2030 - 2008 + 1 }, (_, k) => 2030 - k);
