import { FACILITY_TYPES, OWNERSHIPS, SERVICES } from '../data/contract';
import type { FacilityFilters } from '../queries/overviewSql';
import type { ViewState } from './urlState';

/** The global facility filters, kept in the URL as ftype / owner / service and checked against the contract. */
export function facilityFiltersOf(view: ViewState): FacilityFilters {
  const pick = (value: string | undefined, allowed: readonly string[]) => (value && allowed.includes(value) ? value : null);
  return {
    facilityType: pick(view.extra.ftype, FACILITY_TYPES),
    ownership: pick(view.extra.owner, OWNERSHIPS),
    service: pick(view.extra.service, SERVICES),
  };
}
