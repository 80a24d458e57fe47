import { useMemo } from 'react';
import { districtDensityQuery, type DensityMeasure } from '../../queries/overviewSql';
import { partnerFacilitiesQuery, partnershipCountsQuery, partnershipDistrictsQuery, type PartnerFacilityRow, type PartnershipDistrictRow } from '../../queries/partnershipsSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import type { ViewState } from '../../state/urlState';
import { useNeedStates } from '../../state/useDataset';
import { rowsOf, useQuery } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { gapShares, partnershipFilters, type CountRow } from './partnershipsModel';
import { PARTNERSHIPS_SETTINGS } from './settings';

const NEEDS = ['regions', 'facilities', 'partnerships'] as const;
const GAP_NEEDS = ['regions', 'facilities'] as const;
const PARTNERSHIPS = ['partnerships'] as const;
const NONE: never[] = [];

/** The districts with their partnerships and gap fifth, the counts by kind, and the partner-linked facilities. */
export function usePartnershipsData(view: ViewState, measure: DensityMeasure) {
  const settings = PARTNERSHIPS_SETTINGS.read(view.extra).settings;
  const filters = useStable(partnershipFilters(settings, view.province, facilityFiltersOf(view), measure));
  // Without a partnerships table the gap map is still drawn (from the districts alone), with no partner dots.
  const [partnerTable] = useNeedStates(PARTNERSHIPS);
  const noPartnerships = partnerTable.state === 'absent' || partnerTable.state === 'failed';
  const districtsQuery = useMemo(() => (noPartnerships ? districtDensityQuery(filters) : partnershipDistrictsQuery(filters)), [filters, noPartnerships]);
  const districts = useQuery<PartnershipDistrictRow>(districtsQuery, noPartnerships ? GAP_NEEDS : NEEDS);
  const counts = useQuery<CountRow>(useMemo(() => partnershipCountsQuery(filters), [filters]), NEEDS);
  const facilities = useQuery<PartnerFacilityRow>(useMemo(() => partnerFacilitiesQuery(filters), [filters]), NEEDS);
  const rows = rowsOf(districts) ?? NONE;
  const shares = useMemo(() => gapShares(rows), [rows]);
  return {
    settings, filters, noPartnerships, districtsQuery, districts, counts, facilities, rows, shares,
    countRows: rowsOf(counts) ?? NONE as CountRow[],
    facilityRows: rowsOf(facilities) ?? NONE as PartnerFacilityRow[],
  };
}
