import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure';
import { travelTimeMapSpec } from '../../charts/travelTimeMapSpec';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import { LANCET_SURGERY_TARGET } from '../../metrics/accessThresholds';
import { REACH_THRESHOLDS_MIN, type ReachRow } from '../../metrics/reachByTime';
import type { FacilityFilters } from '../../queries/overviewSql';
import { useDataset } from '../../state/useDataset';
import type { QueryState } from '../../state/useQuery';
import { useTravelTime } from '../../state/useTravelTime';
import type { AccessSettings } from './accessSettings';
import { AccessTravelAnalyses } from './AccessTravelAnalyses';

interface Props {
  settings: AccessSettings;
  filters: FacilityFilters;
  /** Districts in scope, with their display names. */
  districts: readonly { region_id: string; name: string }[];
  scope: string;
  caption: string;
}

const sum = (rows: readonly ReachRow[]): ReachRow => ({
  region_id: '', population: rows.reduce((a, r) => a + r.population, 0),
  within: REACH_THRESHOLDS_MIN.map((_, k) => rows.reduce((a, r) => a + r.within[k], 0)),
});
const share = (r: ReachRow | undefined, k: number) => (r && r.population > 0 ? r.within[k] / r.population : null);

/** Travel-time map and the share of people within 30/60/120 minutes by district, beside the straight-line estimate. */
export function AccessTravelTime({ settings: s, filters, districts, scope, caption }: Props) {
  const { t, pct, num, locale, dir } = useI18n();
  const { boundaries } = useDataset('boundaries');
  const state = useTravelTime({ enabled: true, mode: s.travel, service: s.service === 'any' ? null : s.service, filters, lineSpeedKmh: s.speedKmh, circuity: s.circuity });
  const result = state.status === 'ready' ? state.result : state.status === 'loading' ? state.previous : null;
  const ids = useMemo(() => new Set(districts.map((d) => d.region_id)), [districts]);

  // The map depends on the surface only: a new straight-line speed (a new `result` with the same surface) keeps it.
  const surface = result ? { grid: result.grid, minutes: result.minutes, friction: result.friction, inhabited: result.inhabited, layers: result.layers } : null;
  const grid = surface?.grid, minutes = surface?.minutes, friction = surface?.friction, inhabited = surface?.inhabited, layers = surface?.layers;
  const spec = useCallback((width: number) => (grid && minutes && friction && layers ? travelTimeMapSpec({
    grid, minutes, friction, inhabited, boundaries, districtIds: ids, roads: layers.roads, barriers: layers.barriers, landCover: layers.landCover,
    width, caption: t('tt.caption', { source: caption }), loc: { locale, rtl: dir === 'rtl' }, t,
  }) : null), [grid, minutes, friction, inhabited, layers, boundaries, ids, caption, locale, dir, t]);

  const rows = useMemo(() => {
    if (!result) return null;
    const time = new Map(result.byTime.districts.map((r) => [r.region_id, r]));
    const line = new Map(result.byLine.districts.map((r) => [r.region_id, r]));
    const inScope = districts.filter((d) => time.has(d.region_id));
    return {
      total: { time: sum(inScope.map((d) => time.get(d.region_id)!)), line: sum(inScope.map((d) => line.get(d.region_id)!)) },
      districts: inScope.map((d) => ({ ...d, time: time.get(d.region_id)!, line: line.get(d.region_id)! })),
    };
  }, [result, districts]);

  const panelState: QueryState<unknown> = state.status === 'error' ? state
    : state.status === 'ready' ? { status: 'ready', rows: [1] }
    : { status: 'loading', rows: result ? [1] : undefined };
  const t60 = rows ? share(rows.total.time, 1) : null;
  const l60 = rows ? share(rows.total.line, 1) : null;
  const surgery = rows && s.service === 'surgery' ? share(rows.total.time, 2) : null;
  const summary = rows && result
    ? t('tt.summary', { time: pct(100 * (t60 ?? 0), 1), line: pct(100 * (l60 ?? 0), 1), facilities: num(result.facilities), cells: num(result.grid.width * result.grid.height), ms: num(result.computeMs) }) +
      (surgery != null ? t('tt.lancet', { share: pct(100 * surgery, 1), verdict: t(surgery >= LANCET_SURGERY_TARGET.share ? 'tt.met' : 'tt.notMet') }) : '')
    : '';
  const cells = (r: { time: ReachRow; line: ReachRow }) => REACH_THRESHOLDS_MIN.flatMap((_, k) => [
    <td key={`t${k}`} className="num">{pct(100 * (share(r.time, k) ?? NaN), 0)}</td>,
    <td key={`l${k}`} className="num muted">{pct(100 * (share(r.line, k) ?? NaN), 0)}</td>,
  ]);

  if (state.status === 'unavailable' || state.status === 'off') return null;
  return (
    <>
    <div className="grid-2" data-testid="travel-time">
      <Panel title={t('tt.title', { service: t(`access.svc.${s.service}`) })} subtitle={t(s.travel === 'walking' ? 'tt.subWalking' : 'tt.subMotor')} state={panelState} testId="travel-time-map-panel">
        <div className={state.status === 'loading' ? 'access-updating' : undefined}>
          <PlotFigure spec={spec} testId="travel-time-map" summary={summary || undefined} />
        </div>
        {summary && <p className="access-note" data-testid="travel-time-summary" data-share60-time={t60 ?? ''} data-share60-line={l60 ?? ''}>{summary}</p>}
      </Panel>
      <Panel title={t('tt.tableTitle')} subtitle={t('tt.tableSubtitle', { circuity: num(s.circuity, 1), speed: num(s.speedKmh) })} state={panelState} testId="travel-time-table-panel">
        {rows && (
          <div className="table-scroll" style={{ maxHeight: 520, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('tt.tableTitle')}>
            <table className="data-table" data-testid="travel-time-table">
              <thead>
                <tr><th rowSpan={2}>{t('tt.district')}</th>{REACH_THRESHOLDS_MIN.map((m) => <th key={m} colSpan={2} className="num">{t('tt.within', { min: num(m) })}</th>)}</tr>
                <tr>{REACH_THRESHOLDS_MIN.flatMap((m) => [<th key={`t${m}`} className="num">{t('tt.byTime')}</th>, <th key={`l${m}`} className="num muted">{t('tt.byLine')}</th>])}</tr>
              </thead>
              <tbody>
                <tr className="total" data-testid="travel-time-total"><th scope="row">{districts.length && rows.districts.length === result!.byTime.districts.length ? t('tt.national') : scope}</th>{cells(rows.total)}</tr>
                {rows.districts.map((d) => <tr key={d.region_id}><th scope="row">{d.name}</th>{cells(d)}</tr>)}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
    {/* Coverage, referral and catchments by travel time over the surface drawn above (the previous one while the next computes). */}
    <AccessTravelAnalyses result={result} settings={s} filters={filters} districts={districts} caption={caption} />
    </>
  );
}
