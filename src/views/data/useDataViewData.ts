import { useMemo } from 'react';
import type { Row } from '../../db/sqlRunner';
import { flaggedFacilitiesQuery, type FlaggedFacilityRow } from '../../queries/flagsSql';
import { dataExportQuery, dataPageQuery, dataTotalsQuery, whereClause } from '../../queries/dataTableSql';
import type { ViewState } from '../../state/urlState';
import { useQuery } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { dataTableFilters, pageSpan, tablesRead } from './dataModel';
import { DATA_SETTINGS } from './settings';

const FLAG_NEEDS = ['facilities', 'facility_flags'] as const;
const FLAGGED = flaggedFacilitiesQuery();

/** One page of the chosen table, filtered, sorted and paged in SQL, with the filtered rows' count and totals; the facilities the plausibility checks flagged. */
export function useDataViewData(view: ViewState) {
  const settings = DATA_SETTINGS.read(view.extra).settings;
  const filters = useStable(dataTableFilters(settings, view.province));
  const queries = useMemo(() => ({ page: dataPageQuery(filters), totals: dataTotalsQuery(filters), export: dataExportQuery(filters) }), [filters]);
  const needs = useStable(tablesRead(filters));
  const page = useQuery<Row>(queries.page, needs);
  const totals = useQuery<Row>(queries.totals, needs);
  const flagged = useQuery<FlaggedFacilityRow>(FLAGGED, FLAG_NEEDS);
  const totalsRow = totals.status === 'ready' ? totals.rows[0] ?? null : null;
  const rowCount = totalsRow ? (totalsRow.__rows as number) : 0;
  return {
    filters, page, flagged, totalsRow, rowCount, exportQuery: queries.export,
    issues: whereClause(filters).issues,
    span: pageSpan(rowCount, filters.page, filters.pageSize),
  };
}
