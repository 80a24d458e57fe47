import { useMemo } from 'react';
import type { MeasureMeta } from '../../charts/measureMeta';
import { districtDensityQuery, type DistrictDensityRow } from '../../queries/overviewSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import type { ViewState } from '../../state/urlState';
import { rowsOf, useQuery } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { overviewModel } from './overviewModel';

const NEEDS = ['regions', 'facilities'] as const;

/** The districts in scope with their counts and densities: one query per change, from which every panel reads. */
export function useOverviewData(view: ViewState, meta: MeasureMeta) {
  const filters = useStable({ province: view.province, ...facilityFiltersOf(view) });
  const query = useMemo(() => districtDensityQuery(filters), [filters]);
  const districts = useQuery<DistrictDensityRow>(query, NEEDS);
  const shown = rowsOf(districts);
  const model = useMemo(() => overviewModel(shown, meta), [shown, meta]);
  return { filters, query, districts, model };
}
