import { useMemo } from 'react';
import { useHeldMeasure } from '../../components/MeasurePicker';
import { useMeasureMeta } from '../../components/useMeasureMeta';
import { needAccessQuery, needIndicatorsQuery, type NeedAccessRow } from '../../queries/needAccessSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import type { ViewState } from '../../state/urlState';
import { useQuery } from '../../state/useQuery';
import { useStable } from '../../state/useStable';
import { needModel, pickNeedIndicator, type NeedIndicator } from './needModel';
import { NEED_SETTINGS } from './settings';

const NEEDS = ['regions', 'facilities', 'socioeconomic', 'indicator_catalog'] as const;

/** The Need view's queries (need indicators; districts' access beside the chosen need) and its model. */
export function useNeedData(view: ViewState) {
  const link = NEED_SETTINGS.read(view.extra).settings;
  const indicators = useQuery<NeedIndicator>(useMemo(needIndicatorsQuery, []), NEEDS);
  const list = useMemo(() => (indicators.status === 'ready' ? indicators.rows : []), [indicators]);
  const indicator = pickNeedIndicator(list, link.indicator);
  const ff = useStable(facilityFiltersOf(view));
  const query = useMemo(
    () => needAccessQuery({ province: view.province, ...ff, indicator: indicator?.indicator_id ?? '', year: link.year }),
    [view.province, ff, indicator?.indicator_id, link.year],
  );
  const data = useQuery<NeedAccessRow>(query, NEEDS);
  const held = useHeldMeasure(view.measure);
  const meta = useMeasureMeta(held.measure);
  const needIsHigh = indicator ? !indicator.favourable : true;
  const model = useMemo(() => needModel(data.status === 'ready' ? data.rows : [], meta.column, needIsHigh), [data, meta.column, needIsHigh]);
  return { list, indicator, year: link.year, query, data, held, meta, needIsHigh, model };
}
export type NeedData = ReturnType<typeof useNeedData>;
