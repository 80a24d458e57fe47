import { FACILITY_TYPES, OWNERSHIPS, SERVICES } from '../data/contract';
import type { FacilityFilters } from '../queries/overviewSql';
import { oneOf, settingsCodec, type Field } from './settingsCodec';
import type { ViewState } from './urlState';

/** A setting that may be unset (null): absent from the link. */
export const orNone = <T extends string>(f: Field<T>): Field<T | null> => ({ ...f, write: (v) => (v === null ? '' : f.write(v)) });

/** The global facility filters in the link (`filter.type`, `filter.owner`, `filter.service`), checked against the contract. */
export const FILTER_SETTINGS = settingsCodec<FacilityFilters>('filter', {
  facilityType: { ...orNone(oneOf(FACILITY_TYPES, 'ftype')), name: 'type' },
  ownership: { ...orNone(oneOf(OWNERSHIPS, 'owner')), name: 'owner' },
  service: orNone(oneOf(SERVICES, 'service')),
}, (given) => ({ facilityType: null, ownership: null, service: null, ...given }));

export const facilityFiltersOf = (view: ViewState): FacilityFilters => FILTER_SETTINGS.read(view.extra).settings;
