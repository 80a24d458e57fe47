import { useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { unservedMapSpec } from '../../charts/unservedMapSpec';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import { COVERAGE_ORDERS, PEOPLE_PER_UNIT, type CoverageCapacity, type CoverageOrder } from '../../metrics/capacityCoverage';
import type { LatLonGrid } from '../../metrics/frictionSurface';
import type { QueryState } from '../../state/useQuery';
import { useDataset } from '../../state/useDataset';
import type { CoverageState } from '../../state/useTravelAnalyses';
import { AccessCoverageTables } from './AccessCoverageTables';

interface Props {
  state: CoverageState;
  grid: LatLonGrid;
  capacity: CoverageCapacity;
  order: CoverageOrder;
  setOrder: (o: CoverageOrder) => void;
  minutes: number;
  setMinutes: (m: number) => void;
  districts: readonly { region_id: string; name: string }[];
  caption: string;
}

/** AccessMod's geographic coverage: who the facilities' capacity covers within X minutes, and a map of who it does not. */
export function AccessCoverage({ state, grid, capacity, order, setOrder, minutes, setMinutes, districts, caption }: Props) {
  const { t, num, pct, locale } = useI18n();
  const { boundaries } = useDataset('boundaries');
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const ids = useMemo(() => new Set(districts.map((d) => d.region_id)), [districts]);
  const v = state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous ?? null : null;
  const spec = useMemo(() => (v && width ? unservedMapSpec({
    grid, residual: v.result.residual, boundaries, districtIds: ids, width, locale,
    caption: t('tta.covCaption', { source: caption }), ariaLabel: t('tta.covMapAria'), unservedLabel: t('tta.unservedPeople'),
  }) : null), // eslint-disable-next-line react-hooks/exhaustive-deps
  [v, width, grid, boundaries, ids, caption, locale]);

  const panelState: QueryState<unknown> = state.status === 'error' ? state : state.status === 'loading' ? { status: 'loading', rows: v ? [1] : undefined } : { status: 'ready', rows: [1] };
  const unknown = v ? v.facilities.filter((f) => f.people == null).length : 0;
  const unknownReach = v ? v.result.facilities.reduce((s, f) => s + (f.unservedWithinReach ?? 0), 0) : 0;
  const unused = v ? v.result.facilities.reduce((s, f) => s + (f.unused ?? 0), 0) : 0;
  const withUnused = v ? v.result.facilities.filter((f) => (f.unused ?? 0) > 0.5).length : 0;
  const n = v?.national;
  return (
    <Panel title={t('tta.covTitle')} subtitle={t('tta.covSubtitle', { capacity: t(`access.cap.${capacity}`), people: num(PEOPLE_PER_UNIT[capacity], 0), norm: t(`tta.norm.${capacity}`) })} state={panelState} testId="capacity-coverage-panel">
      <div className="access-reach-by">
        <label className="picker">{t('tta.order')}
          <select value={order} onChange={(e) => setOrder(e.target.value as CoverageOrder)} data-testid="capacity-coverage-order">
            {COVERAGE_ORDERS.map((o) => <option key={o} value={o}>{t(`tta.order.${o}`)}</option>)}
          </select>
        </label>
        <label className="picker">{t('tta.within')}
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="capacity-coverage-minutes">
            {[30, 60, 120].map((m) => <option key={m} value={m}>{t('tta.minutes', { min: num(m) })}</option>)}
          </select>
        </label>
      </div>
      {state.status === 'unknown' && (
        <p className="access-note" role="status" data-testid="capacity-coverage-unknown">
          {state.known.status === 'absent' ? t('tta.covAbsent', { capacity: t(`access.cap.${capacity}`) }) : t('tta.covIncomplete', { capacity: t(`access.cap.${capacity}`), share: pct(100 * (state.known.share ?? 0), 0) })}
        </p>
      )}
      {v && n && (
        <div className={state.status === 'loading' ? 'access-updating' : undefined}>
          <p className="access-note" data-testid="capacity-coverage-summary" data-population={n.population} data-served={n.served} data-unserved={n.unserved}>
            {t('tta.covSummary', { served: num(n.served), population: num(n.population), share: pct(n.population > 0 ? (100 * n.served) / n.population : NaN, 1), unserved: num(n.unserved), unused: num(unused), facilities: num(withUnused), ms: num(v.computeMs) })}
            {unknown > 0 && ` ${t('tta.covUnknown', { count: num(unknown), capacity: t(`access.cap.${capacity}`), people: num(unknownReach) })}`}
          </p>
          <div ref={ref}>{spec && <PlotFigure options={spec} testId="capacity-coverage-map" summary={t('tta.covMapSummary', { unserved: num(n.unserved) })} />}</div>
          <AccessCoverageTables view={v} districts={districts} />
        </div>
      )}
      {!v && <div ref={ref} />}
    </Panel>
  );
}
