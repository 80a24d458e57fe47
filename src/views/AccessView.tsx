import { useEffect, useMemo, useRef } from 'react';
import { accessMapSpec } from '../charts/accessMapSpec';
import { coverageBarsSpec } from '../charts/coverageBarsSpec';
import { coverageCurveSpec } from '../charts/coverageCurveSpec';
import { formatNumber } from '../charts/measureMeta';
import { PlotFigure } from '../charts/PlotFigure';
import { priorityBarsSpec } from '../charts/priorityBarsSpec';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { hpsaShortage, priorityScores, travelMinutes, workforceShortage } from '../metrics/access';
import { HPSA_POPULATION_PER_PHYSICIAN, LANCET_SURGERY_TARGET, WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import {
  catchmentSummaryQuery, distanceSummaryQuery, districtPovertyQuery, facilityPointsQuery,
  type AccessibilityRegionRow, type DistanceBucketRow, type DistrictPovertyRow, type FacilityPoint, type MapCell,
} from '../queries/accessViewSql';
import { districtDensityQuery, type DistrictDensityRow } from '../queries/overviewSql';
import { facilityFiltersOf } from '../state/facilityFilters';
import { TABLE_NAMES, type TableName } from '../data/contract';
import type { Query } from '../db/sqlRunner';
import { useDataset } from '../state/useDataset';
import { useQuery, type QueryState } from '../state/useQuery';
import { AccessControls } from './AccessControls';
import { AccessDistrictTable, type AccessDistrictRow } from './AccessDistrictTable';
import { AccessMethodNote } from './AccessMethodNote';
import { coverageAt } from './accessCoverage';
import { CAPACITY_LABEL, distanceSteps, parseAccessSettings, SERVICE_LABEL, thresholdLabel, type AccessSettings } from './accessSettings';
import type { ViewProps } from './viewRegistry';
import './access.css';

const GEO_NEEDS = ['regions', 'facilities', 'population'] as const;
const DISTRICT_NEEDS = ['regions', 'facilities'] as const;
const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;
const PRIORITY_TOP = 15;

type SummaryRow = (DistanceBucketRow | AccessibilityRegionRow | MapCell) & { kind: 'region' | 'cell' };

/** Rows of the last finished run, kept on screen while a newer run computes (with the settings they belong to). */
function useLastRows<T, K>(state: QueryState<T>, key: K): { rows: T[] | null; key: K | null; updating: boolean } {
  const last = useRef<{ rows: T[]; key: K } | null>(null);
  if (state.status === 'ready') last.current = { rows: state.rows, key };
  const stale = state.status === 'error';
  return { rows: stale ? null : last.current?.rows ?? null, key: stale ? null : last.current?.key ?? null, updating: state.status !== 'ready' };
}

const HOLD: Query = { sql: 'SELECT 1 AS held WHERE false', params: [] };

/**
 * A query that takes seconds: held back until every table of the dataset has finished loading, because each
 * table that arrives re-runs every query (useQuery follows the dataset version) and the engine runs queries
 * one at a time — four loads would mean four E2SFCA runs queued in front of everything else.
 */
function useHeavyQuery<T>(query: Query, needs: readonly TableName[], after?: QueryState<unknown>): QueryState<T> {
  const { tables } = useDataset();
  // 'absent': not in this dataset (the user's files, or an embedded panel's subset); nothing to wait for.
  const settled = TABLE_NAMES.every((t) => ['ready', 'failed', 'absent'].includes(tables[t].state));
  // Issued only once `after` has finished: the engine answers in the order it was asked, so the quicker query
  // (distance) shows its figures first instead of waiting behind the catchment run.
  const go = settled && (after === undefined || after.status === 'ready' || after.status === 'error');
  const asked = go ? query : HOLD;
  const state = useQuery<T>(asked, needs);
  // On the render where the query changes, useQuery still holds the previous query's result (its effect has not
  // run yet): never let those rows pass for the new query's.
  const key = JSON.stringify(asked);
  const seen = useRef({ key: '', fresh: false });
  if (seen.current.key !== key) seen.current = { key, fresh: false };
  else if (state.status !== 'ready') seen.current.fresh = true;
  if (!go) return { status: 'waiting', reason: settled ? 'Queued behind the distance computation…' : 'Waiting for the other tables before the heavy computation…' };
  if (!seen.current.fresh || state.status === 'loading') return { status: 'loading' };
  return state;
}

/** Performance marks around a heavy query: how long each recomputation took (read by the browser test's log). */
function useTiming(state: QueryState<unknown>, name: string) {
  const start = useRef<number | null>(null);
  useEffect(() => {
    if (state.status === 'loading' && start.current === null) start.current = performance.now();
    if (state.status === 'ready' && start.current !== null) {
      performance.measure(name, { start: start.current, end: performance.now() });
      start.current = null;
    }
  }, [state.status, name]);
}

/** Who can reach care: distance to the nearest facility, share within a threshold, catchment accessibility, priority. */
export function AccessView({ view, scope, onChange }: ViewProps) {
  const { boundaries, synthetic } = useDataset();
  const s = parseAccessSettings(view.extra);
  const set = (patch: Record<string, string | undefined>) => {
    const extra: Record<string, string> = { ...view.extra };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete extra[k]; else extra[k] = v;
    onChange({ extra });
  };
  const province = view.province;
  const steps = distanceSteps(s);

  const distanceQ = useMemo(
    () => distanceSummaryQuery({ province, service: s.service, stepKm: steps.stepKm, maxSteps: steps.maxSteps }),
    [province, s.service, steps.stepKm, steps.maxSteps],
  );
  const catchmentQ = useMemo(
    () => catchmentSummaryQuery({ province, service: s.service, method: s.method, capacity: s.capacity, catchmentKm: s.catchmentKm, sigmaKm: s.sigmaKm, beta: s.beta }),
    [province, s.service, s.method, s.capacity, s.catchmentKm, s.sigmaKm, s.beta],
  );
  // Queries run one after another on the engine: the quick ones first, the heavy catchment last.
  const facilities = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province, service: s.service }), [province, s.service]), DISTRICT_NEEDS);
  const densities = useQuery<DistrictDensityRow>(useMemo(() => districtDensityQuery({ province, ...facilityFiltersOf(view) }), [province, JSON.stringify(facilityFiltersOf(view))]), DISTRICT_NEEDS);
  const poverty = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province }), [province]), POVERTY_NEEDS);
  const distance = useHeavyQuery<SummaryRow>(distanceQ, GEO_NEEDS);
  const catchment = useHeavyQuery<SummaryRow>(catchmentQ, GEO_NEEDS, distance);
  useTiming(catchment, 'access-catchment');
  useTiming(distance, 'access-distance');

  const dist = useLastRows(distance, steps);
  const acc = useLastRows(catchment, s);
  const source = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; population points and facilities tables.`;

  // Coverage at the slider's threshold, from the distance buckets of the last finished run (the same step width).
  const coverage = useMemo(() => {
    if (!dist.rows || !dist.key || dist.key.stepKm !== steps.stepKm) return null;
    const buckets = dist.rows.filter((r): r is DistanceBucketRow & { kind: 'region' } => r.kind === 'region');
    return coverageAt(buckets, steps.index, steps.maxSteps);
  }, [dist.rows, dist.key, steps.stepKm, steps.index, steps.maxSteps]);

  const districtRows: AccessDistrictRow[] = useMemo(() => {
    if (densities.status !== 'ready') return [];
    const share = new Map(coverage?.districts.map((d) => [d.region_id, d.share]) ?? []);
    const access = new Map(((acc.rows ?? []).filter((r) => r.kind === 'region') as AccessibilityRegionRow[]).map((r) => [r.region_id, r.value]));
    const pov = new Map(poverty.status === 'ready' ? poverty.rows.map((p) => [p.region_id, p.poverty]) : []);
    const ranked = priorityScores(
      densities.rows
        .filter((d) => access.get(d.region_id) != null && pov.get(d.region_id) != null)
        .map((d) => ({ id: d.region_id, accessibility: access.get(d.region_id)!, poverty: pov.get(d.region_id)! })),
    );
    const priority = new Map(ranked.map((p) => [p.id, p]));
    return densities.rows.map((d) => {
      const hpsa = hpsaShortage(d.population, d.doctors);
      return {
        region_id: d.region_id, name: d.name, province: d.province, population: d.population,
        share: share.get(d.region_id) ?? null,
        accessibility: access.get(d.region_id) ?? null,
        poverty: pov.get(d.region_id) ?? null,
        priority: priority.get(d.region_id)?.priority ?? null,
        accessNeed: priority.get(d.region_id)?.accessNeed,
        povertyNeed: priority.get(d.region_id)?.povertyNeed,
        workforce_per_10k: d.workforce_per_10k,
        whoShortage: d.workforce_per_10k != null && workforceShortage(d.workforce_per_10k),
        peoplePerDoctor: hpsa.ratio === Infinity ? null : hpsa.ratio,
        hpsaShortage: hpsa.shortage,
        beds_per_10k: d.beds_per_10k,
      };
    });
  }, [densities, poverty, coverage, acc.rows]);

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [barRef, barWidth] = useElementWidth<HTMLDivElement>();
  const [curveRef, curveWidth] = useElementWidth<HTMLDivElement>();
  const [prioRef, prioWidth] = useElementWidth<HTMLDivElement>();

  const what = `within ${thresholdLabel(s)} of ${SERVICE_LABEL[s.service]}`;
  const lancetApplies = s.service === 'surgery';
  const lancetExact = lancetApplies && s.unit === 'min' && s.minutes === LANCET_SURGERY_TARGET.hours * 60;
  const target = lancetApplies ? { share: LANCET_SURGERY_TARGET.share, label: `Lancet target: 80% within 2 h of surgery` } : undefined;
  const accessUnit = CAPACITY_LABEL[s.capacity].unit;
  const minutesPerKm = s.unit === 'min' ? travelMinutes(1, { speedKmh: s.speedKmh, circuity: s.circuity }) : undefined;

  const mapSource = s.colour === 'access' ? acc : dist;
  const mapState = s.colour === 'access' ? catchment : distance;
  const mapSpec = useMemo(() => {
    if (!mapSource.rows || !mapWidth || facilities.status !== 'ready') return null;
    const cells = mapSource.rows.filter((r): r is MapCell => r.kind === 'cell');
    return accessMapSpec({
      cells, facilities: facilities.rows, boundaries, districtIds: new Set(districtRows.map((d) => d.region_id)), colour: s.colour,
      minutesPerKm, accessUnit, width: mapWidth, caption: `${source} Grid cells of about ${formatNumber((cells[0]?.deg ?? 0) * 111, 0)} km.`,
    });
  }, [mapSource.rows, mapWidth, facilities, boundaries, districtRows, s.colour, minutesPerKm, accessUnit, source]);

  const names = new Map(districtRows.map((d) => [d.region_id, d.name]));
  const barSpec = useMemo(() => {
    if (!coverage || !barWidth || !names.size) return null;
    const rows = coverage.districts.filter((d) => d.share != null).map((d) => ({ region_id: d.region_id, name: names.get(d.region_id) ?? d.region_id, population: d.population, share: d.share! }));
    return coverageBarsSpec({ rows, national: coverage.national.share ?? 0, what, target, width: barWidth, caption: source });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coverage, barWidth, districtRows, what, source]);

  const xUnit = s.unit === 'km' ? 'km (straight line)' : `minutes (${s.travel}, estimated)`;
  const curveSpec = useMemo(() => {
    if (!coverage || !curveWidth) return null;
    const stepX = s.unit === 'km' ? 0.5 : 5;
    const points = coverage.curve.map((c) => ({ x: c.step * stepX, share: c.share }));
    const selected = { x: steps.index * stepX, share: coverage.national.share ?? 0 };
    const curveTarget = target && s.unit === 'min' ? { ...target, x: LANCET_SURGERY_TARGET.hours * 60 } : target;
    return coverageCurveSpec({ points, selected, xLabel: `Threshold, ${xUnit}`, target: curveTarget, width: curveWidth, caption: source });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coverage, curveWidth, s.unit, steps.index, xUnit, source, lancetApplies]);

  const ranked = districtRows.filter((d) => d.priority != null && d.accessibility != null && d.poverty != null);
  const prioSpec = useMemo(() => {
    if (!ranked.length || !prioWidth) return null;
    const rows = ranked.map((d) => ({ name: d.name, priority: d.priority!, accessNeed: d.accessNeed!, povertyNeed: d.povertyNeed!, accessibility: d.accessibility!, poverty: d.poverty! }));
    return priorityBarsSpec({ rows, top: PRIORITY_TOP, accessUnit, width: prioWidth, caption: `${source} Poverty: socioeconomic table, latest year.` });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [districtRows, prioWidth, accessUnit, source]);

  const nat = coverage?.national;
  const worst = coverage ? [...coverage.districts].filter((d) => d.share != null).sort((a, b) => a.share! - b.share!).slice(0, 3) : [];
  const coverageSummary = nat && nat.share != null
    ? `${formatNumber(100 * nat.share, 1)}% of people (${formatNumber(nat.within)} of ${formatNumber(nat.population)}) live ${what}. ` +
      `Lowest: ${worst.map((d) => `${names.get(d.region_id) ?? d.region_id} (${formatNumber(100 * d.share!, 0)}%)`).join(', ')}.` +
      (lancetApplies ? ` Lancet Commission target: 80% within 2 hours of surgical care${lancetExact ? ` — ${nat.share >= LANCET_SURGERY_TARGET.share ? 'met' : 'not met'}` : ' (set 120 min to check it)'}.` : '')
    : '';
  const topPriority = [...ranked].sort((a, b) => b.priority! - a.priority!).slice(0, 3);
  const whoShort = districtRows.filter((d) => d.whoShortage).length;
  const hpsaShort = districtRows.filter((d) => d.hpsaShortage).length;
  const accessNat = acc.rows?.filter((r) => r.kind === 'region') as AccessibilityRegionRow[] | undefined;
  const accessNational = accessNat?.length
    ? accessNat.reduce((a, r) => a + r.population * (r.value ?? 0), 0) / Math.max(1, accessNat.reduce((a, r) => a + r.population, 0))
    : null;
  const keep = (q: QueryState<unknown>, rows: unknown[] | null): QueryState<unknown> => (q.status !== 'ready' && q.status !== 'error' && rows ? { status: 'loading', rows } : q);
  const distPanelState = keep(distance, dist.rows);

  return (
    <>
      <p className="summary access-lead">
        How far do people live from care, and where should new services or partnerships go first? Move the threshold to see who is
        within reach; the map, the district bars and the table follow.
      </p>
      <AccessControls settings={s} set={set} />

      <Panel title={`Within reach, ${scope}`} subtitle={`Share of people living ${what}`} state={distPanelState} testId="access-kpi-panel">
        {nat && (
          <div className="kpis" aria-live="polite" aria-busy={distance.status === 'loading'}>
            <div className={`kpi${target && nat.share! < target.share ? ' kpi-alert' : ''}`}>
              <div className="kpi-label">People {what}</div>
              <div className="kpi-value" data-testid="share-national">{formatNumber(100 * (nat.share ?? 0), 1)}%</div>
              <div className="kpi-note">{formatNumber(nat.within)} of {formatNumber(nat.population)} people{target ? ` · target ${formatNumber(100 * target.share)}%` : ''}</div>
            </div>
            <div className="kpi kpi-alert">
              <div className="kpi-label">People farther away</div>
              <div className="kpi-value" data-testid="people-beyond">{formatNumber(nat.population - nat.within)}</div>
              <div className="kpi-note">beyond {thresholdLabel(s)}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Districts where under half are within reach</div>
              <div className="kpi-value" data-testid="districts-under-half">{coverage!.districts.filter((d) => d.share != null && d.share < 0.5).length}</div>
              <div className="kpi-note">of {coverage!.districts.length} districts</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Spatial accessibility ({s.method.startsWith('e2') ? 'E2SFCA' : s.method === 'gravity' ? 'gravity' : '2SFCA'})</div>
              <div className="kpi-value" data-testid="access-national">{formatNumber(accessNational, 1)}</div>
              <div className="kpi-note">{accessUnit} within {s.catchmentKm} km{acc.updating ? ' · updating…' : ''}</div>
            </div>
          </div>
        )}
      </Panel>
      {coverageSummary && <p className="summary" data-testid="coverage-summary" aria-live="polite">{coverageSummary}</p>}

      <div className="grid-2">
        <Panel
          title={s.colour === 'access' ? `Where is care within reach? ${accessUnit}` : `How far is the nearest ${s.service === 'any' ? 'facility' : SERVICE_LABEL[s.service]}?`}
          subtitle={s.colour === 'access'
            ? 'Each square: people-weighted floating-catchment accessibility; darker is better served. Symbols: facilities by type.'
            : `Each square: average ${s.unit === 'min' ? 'estimated travel time' : 'straight-line distance'} of its people to the nearest facility; red is far. Symbols: facilities by type.`}
          state={keep(mapState, mapSource.rows)}
          testId="access-map-panel" id="access-map"
          actions={
            <label className="picker">
              Colour the map by
              <select value={s.colour} onChange={(e) => set({ map: e.target.value === 'distance' ? undefined : e.target.value })} data-testid="access-map-colour">
                <option value="distance">Distance to nearest facility</option>
                <option value="access">Accessibility (catchment method)</option>
              </select>
            </label>
          }
        >
          <div ref={mapRef} className={mapSource.updating && mapSource.rows ? 'access-updating' : undefined}>
            {mapSpec && <PlotFigure options={mapSpec} testId="access-map" />}
          </div>
          <p className="access-note">Map summary: {mapSource.rows?.filter((r) => r.kind === 'cell').length ?? 0} grid squares with people; {facilities.status === 'ready' ? facilities.rows.length : 0} facilities offering {SERVICE_LABEL[s.service]}. Values per district are in the table below.</p>
        </Panel>
        <Panel title={`Districts: people ${what}`} subtitle={target ? 'Dashed black line: Lancet Commission target. Blue: national share.' : 'Lowest first; blue dashed line: national share.'} state={distPanelState} testId="access-bars-panel" id="access-bars">
          <div ref={barRef}>{barSpec && <PlotFigure options={barSpec} testId="coverage-bars" />}</div>
        </Panel>
      </div>

      <div className="grid-2">
        <Panel title="How coverage grows with the threshold" subtitle={`Share of people ${scope === 'whole country' ? 'nationally' : `in ${scope}`} within each distance; orange: your threshold.`} state={distPanelState} testId="access-curve-panel" id="access-curve">
          <div ref={curveRef}>{curveSpec && <PlotFigure options={curveSpec} testId="coverage-curve" />}</div>
        </Panel>
        <Panel
          title={`Where to go first: top ${Math.min(PRIORITY_TOP, ranked.length)} priority districts`}
          subtitle="Priority = average of two ranks: low accessibility and high poverty (0 to 1; higher = go first)."
          state={keep(catchment, acc.rows)}
          testId="access-priority-panel" id="access-priority"
        >
          <div ref={prioRef} className={acc.updating && acc.rows ? 'access-updating' : undefined}>{prioSpec && <PlotFigure options={prioSpec} testId="priority-bars" />}</div>
          {topPriority.length > 0 && (
            <p className="access-note" data-testid="priority-summary">
              Highest priority: {topPriority.map((d) => `${d.name} (${formatNumber(d.priority, 2)}; poverty ${formatNumber(d.poverty, 0)}%, ${formatNumber(d.accessibility, 1)} ${accessUnit})`).join('; ')}.
            </p>
          )}
        </Panel>
      </div>

      <Panel
        title={`Districts, ${scope}`}
        subtitle={`${districtRows.length} districts · ${whoShort} below the WHO threshold of ${WHO_WORKFORCE_PER_10K} health workers per 10,000 · ${hpsaShort} with ${formatNumber(HPSA_POPULATION_PER_PHYSICIAN)} or more people per doctor (shortage) · click a header to sort`}
        state={densities}
        testId="access-table-panel"
      >
        <p className="access-note" data-testid="shortage-summary">
          “Within threshold” = {what}. “short” marks a shortage: fewer than {WHO_WORKFORCE_PER_10K} doctors, nurses and midwives per 10,000 people (WHO), or
          {' '}{formatNumber(HPSA_POPULATION_PER_PHYSICIAN)} or more people per doctor (HRSA shortage ratio).
        </p>
        <AccessDistrictTable rows={districtRows} />
      </Panel>

      <AccessMethodNote settings={s} lancetApplies={lancetApplies} />
    </>
  );
}

export type { AccessSettings };
