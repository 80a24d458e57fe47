import { useMemo } from 'react';
import { useStable } from '../../state/useStable';
import { accessMapSpec } from '../../charts/accessMapSpec';
import { coverageBarsSpec } from '../../charts/coverageBarsSpec';
import { coverageCurveSpec } from '../../charts/coverageCurveSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { priorityBarsSpec } from '../../charts/priorityBarsSpec';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import { hpsaShortage, priorityScores, travelMinutes, workforceShortage } from '../../metrics/access';
import { HPSA_POPULATION_PER_PHYSICIAN, LANCET_SURGERY_TARGET, WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import {
  ACCESS_SERVICES, CATCHMENT_CAPACITIES, catchmentPlanQuery, catchmentSummaryQuery, distanceSummaryQuery, districtPovertyQuery, facilityPointsQuery,
  type AccessibilityRegionRow, type DistanceBucketRow, type DistrictPovertyRow, type FacilityPoint, type MapCell,
} from '../../queries/accessViewSql';
import { chooseCatchmentPlan, type CatchmentPlan, type CatchmentPlanRow } from '../../queries/catchmentPlan';
import { districtDensityQuery, type DistrictDensityRow } from '../../queries/overviewSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useDataset } from '../../state/useDataset';
import { useDataHolds } from '../../state/useDataHolds';
import { knownStatus, type KnownMeasure } from '../../metrics/knownShare';
import { rowsOf, tagOf, useQuery, type QueryState } from '../../state/useQuery';
import { AccessControls } from './AccessControls';
import { AccessDistrictTable, type AccessDistrictRow } from './AccessDistrictTable';
import { AccessMethodNote } from './AccessMethodNote';
import { AccessReachBy } from './AccessReachBy';
import { AccessTravelTime } from './AccessTravelTime';
import { coverageAt } from './accessCoverage';
import { distanceSteps, parseAccessSettings, type AccessSettings } from './accessSettings';
import type { ViewProps } from '../viewRegistry';
import './access.css';
import { flaggedFacilitiesQuery, type FlaggedFacilityRow } from '../../queries/flagsSql';
import { LOCATION_FLAGS } from '../../data/plausibilitySql';

const GEO_NEEDS = ['regions', 'facilities', 'population'] as const;
const DISTRICT_NEEDS = ['regions', 'facilities'] as const;
const FLAG_NEEDS = ['facilities', 'facility_flags'] as const;
const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;
const PRIORITY_TOP = 15;

type SummaryRow = (DistanceBucketRow | AccessibilityRegionRow | MapCell) & { kind: 'region' | 'cell' };

/** Who can reach care: distance to the nearest facility, share within a threshold, catchment accessibility, priority. */
export function AccessView({ view, scope, onChange }: ViewProps) {
  const { boundaries } = useDataset('boundaries');
  const sourceLabel = useSourceLabel();
  const { t, num, pct, region, lang, locale, dir } = useI18n();
  const loc = useMemo(() => ({ locale, rtl: dir === 'rtl' }), [locale, dir]);
  const sep = lang === 'ar' ? '، ' : ', ';
  const asked = parseAccessSettings(view.extra);
  // Offer only what the data hold: services some facility offers, capacities some facility reports (plus "each facility
  // counts 1" and "by type", always computable). A setting the data do not hold falls back, and the view says so.
  const holds = useDataHolds();
  const services = holds ? ACCESS_SERVICES.filter((v) => v === 'any' || holds.services.includes(v)) : [...ACCESS_SERVICES];
  const capacities = holds ? CATCHMENT_CAPACITIES.filter((c) => c === 'facilities' || c === 'typed' || holds.known[c] > 0) : [...CATCHMENT_CAPACITIES];
  const unheldService = services.includes(asked.service) ? null : asked.service;
  const unheldCapacity = capacities.includes(asked.capacity) ? null : asked.capacity;
  const s: AccessSettings = { ...asked, service: unheldService ? 'any' : asked.service, capacity: unheldCapacity ? 'facilities' : asked.capacity };
  const set = (patch: Record<string, string | undefined>) => {
    const extra: Record<string, string> = { ...view.extra };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete extra[k]; else extra[k] = v;
    onChange({ extra });
  };
  const province = view.province;
  const facilityFilters = useStable(facilityFiltersOf(view));
  const steps = distanceSteps(s);

  const distanceQ = useMemo(
    () => distanceSummaryQuery({ province, service: s.service, stepKm: steps.stepKm, maxSteps: steps.maxSteps }),
    [province, s.service, steps.stepKm, steps.maxSteps],
  );
  const planQ = useMemo(() => catchmentPlanQuery({ service: s.service, catchmentKm: s.catchmentKm }), [s.service, s.catchmentKm]);
  // Queries run one after another on the engine: the quick ones first, the heavy catchment last.
  const facilities = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province, service: s.service }), [province, s.service]), DISTRICT_NEEDS);
  const densities = useQuery<DistrictDensityRow>(useMemo(() => districtDensityQuery({ province, ...facilityFilters }), [province, facilityFilters]), DISTRICT_NEEDS);
  const poverty = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province }), [province]), POVERTY_NEEDS);
  // Runs of seconds wait until every table has loaded (each arriving table would restart them), then go one after
  // another: distance first, so its figures show before the catchment's.
  const distance = useQuery<SummaryRow, typeof steps>(distanceQ, GEO_NEEDS, { settled: true, timing: 'access-distance', tag: steps });
  // Exact or on a grid: the plan (a cheap count) decides before the heavy run, which waits for it.
  const planState = useQuery<CatchmentPlanRow>(planQ, GEO_NEEDS, { settled: true, after: distance, timing: 'access-catchment-plan' });
  const plan: CatchmentPlan | null = planState.status === 'ready' && planState.rows.length ? chooseCatchmentPlan(planState.rows) : null;
  const cellKm = plan?.cellKm ?? null;
  const catchmentQ = useMemo(
    () => catchmentSummaryQuery({ province, service: s.service, method: s.method, capacity: s.capacity, catchmentKm: s.catchmentKm, sigmaKm: s.sigmaKm, beta: s.beta, cellKm }),
    [province, s.service, s.method, s.capacity, s.catchmentKm, s.sigmaKm, s.beta, cellKm],
  );
  const catchmentRun = useQuery<SummaryRow, CatchmentPlan | null>(catchmentQ, GEO_NEEDS, { settled: true, after: planState, timing: 'access-catchment', tag: plan });
  const catchment: QueryState<SummaryRow, CatchmentPlan | null> = planState.status === 'error' ? planState : catchmentRun;
  const dist = { rows: rowsOf(distance), key: tagOf(distance), updating: distance.status !== 'ready' };
  const acc = { rows: rowsOf(catchment), key: tagOf(catchment), updating: catchment.status !== 'ready' };
  const source = t('access.caption', { source: sourceLabel });

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
    // No poverty figure at all (no socio-economic table): rank on access alone rather than rank nothing.
    const ranked = priorityScores(
      densities.rows
        .filter((d) => access.get(d.region_id) != null && (pov.size === 0 || pov.get(d.region_id) != null))
        .map((d) => ({ id: d.region_id, accessibility: access.get(d.region_id)!, poverty: pov.size === 0 ? null : pov.get(d.region_id)! })),
    );
    const priority = new Map(ranked.map((p) => [p.id, p]));
    // Absent is not zero: a density not known for enough of a district's facilities has no value and raises no flag.
    const noteOf = (m: KnownMeasure) => {
      // The reason is said once, above the table (tableSubtitleNoStaff, known.noShortageFlags); a cell stays short.
      if (m.status === 'absent') return t('known.notInDataShort');
      return m.status === 'known' ? undefined : t('known.shareShort', { share: pct(100 * m.share!, 0) });
    };
    return densities.rows.map((d) => {
      const doctorsKnown = d.doctors_per_10k != null && d.doctors != null;
      const hpsa = doctorsKnown ? hpsaShortage(d.population, d.doctors!) : { ratio: null, shortage: false };
      const notes = {
        workforce: noteOf(knownStatus(d.workforce, d.workforce_known, d.facilities)),
        doctors: noteOf(knownStatus(d.doctors, d.doctors_known, d.facilities)),
        beds: noteOf(knownStatus(d.beds, d.beds_known, d.facilities)),
      };
      return {
        region_id: d.region_id, name: region(d.region_id, d.name), province: region(d.province_id, d.province), population: d.population,
        share: share.get(d.region_id) ?? null,
        accessibility: access.get(d.region_id) ?? null,
        poverty: pov.get(d.region_id) ?? null,
        priority: priority.get(d.region_id)?.priority ?? null,
        accessNeed: priority.get(d.region_id)?.accessNeed,
        povertyNeed: priority.get(d.region_id)?.povertyNeed ?? undefined,
        workforce_per_10k: d.workforce_per_10k,
        whoShortage: d.workforce_per_10k != null && workforceShortage(d.workforce_per_10k),
        peoplePerDoctor: hpsa.ratio === Infinity ? null : hpsa.ratio,
        hpsaShortage: hpsa.shortage,
        beds_per_10k: d.beds_per_10k,
        notes,
      };
    });
  }, [densities, poverty, coverage, acc.rows, region, pct, t]);

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const [barRef, barWidth] = useElementWidth<HTMLDivElement>();
  const [curveRef, curveWidth] = useElementWidth<HTMLDivElement>();
  const [prioRef, prioWidth] = useElementWidth<HTMLDivElement>();

  const threshold = s.unit === 'km' ? t('access.thresholdKm', { km: num(s.km, s.km % 1 ? 1 : 0) }) : t(s.travel === 'walking' ? 'access.thresholdWalk' : 'access.thresholdMotor', { min: num(s.minutes) });
  const serviceLabel = t(`access.svc.${s.service}`);
  const what = t('access.what', { threshold, service: serviceLabel });
  const lancetApplies = s.service === 'surgery';
  const lancetExact = lancetApplies && s.unit === 'min' && s.minutes === LANCET_SURGERY_TARGET.hours * 60;
  const target = useMemo(() => (lancetApplies ? { share: LANCET_SURGERY_TARGET.share, label: t('access.lancetTarget') } : undefined), [lancetApplies, t]);
  const accessUnit = t(`access.capUnit.${s.capacity}`);
  const minutesPerKm = s.unit === 'min' ? travelMinutes(1, { speedKmh: s.speedKmh, circuity: s.circuity }) : undefined;

  // Facilities whose location failed a plausibility check are ringed on the map (the Data view lists them).
  const flaggedRows = useQuery<FlaggedFacilityRow>(useMemo(() => flaggedFacilitiesQuery(), []), FLAG_NEEDS);
  const misplaced = useMemo(() => new Set(flaggedRows.status === 'ready'
    ? flaggedRows.rows.filter((r) => (LOCATION_FLAGS as readonly string[]).includes(r.flag)).map((r) => r.facility_id) : []), [flaggedRows]);
  const mapSource = s.colour === 'access' ? acc : dist;
  const mapState = s.colour === 'access' ? catchment : distance;
  const mapSpec = useMemo(() => {
    if (!mapSource.rows || !mapWidth || facilities.status !== 'ready') return null;
    const cells = mapSource.rows.filter((r): r is MapCell => r.kind === 'cell');
    return accessMapSpec({
      cells, facilities: facilities.rows, boundaries, districtIds: new Set(districtRows.map((d) => d.region_id)), colour: s.colour,
      minutesPerKm, accessUnit, width: mapWidth, caption: `${source} ${t('access.gridCaption', { km: num((cells[0]?.deg ?? 0) * 111, 0) })}`, loc, t,
      flagged: misplaced,
    });
  }, [mapSource.rows, mapWidth, facilities, boundaries, districtRows, s.colour, minutesPerKm, accessUnit, source, loc, num, t, misplaced]);

  const names = useMemo(() => new Map(districtRows.map((d) => [d.region_id, d.name])), [districtRows]);
  const barSpec = useMemo(() => {
    if (!coverage || !barWidth || !names.size) return null;
    const rows = coverage.districts.filter((d) => d.share != null).map((d) => ({ region_id: d.region_id, name: names.get(d.region_id) ?? d.region_id, population: d.population, share: d.share! }));
    return coverageBarsSpec({
      rows, national: coverage.national.share ?? 0, what, target, width: barWidth, caption: source, loc,
      labels: {
        aria: t('chart.coverageAria', { what }), x: t('chart.coverageX', { what }), belowTarget: t('chart.belowTarget', { value: '{value}' }),
        belowNational: t('chart.belowNational'), atOrAbove: t('chart.atOrAbove'), people: t('chart.people'), national: t('chart.national', { value: '{value}' }),
      },
    });
  }, [coverage, barWidth, names, what, target, source, loc, t]);

  const xUnit = s.unit === 'km' ? t('access.curveUnitKm') : t('access.curveUnitMin', { travel: t(s.travel === 'walking' ? 'access.walking' : 'access.motorised') });
  const curveSpec = useMemo(() => {
    if (!coverage || !curveWidth) return null;
    const stepX = s.unit === 'km' ? 0.5 : 5;
    const points = coverage.curve.map((c) => ({ x: c.step * stepX, share: c.share }));
    const selected = { x: steps.index * stepX, share: coverage.national.share ?? 0 };
    const curveTarget = target && s.unit === 'min' ? { ...target, x: LANCET_SURGERY_TARGET.hours * 60 } : target;
    return coverageCurveSpec({ points, selected, xLabel: t('access.curveX', { unit: xUnit }), target: curveTarget, width: curveWidth, caption: source, loc, t });
  }, [coverage, curveWidth, s.unit, steps.index, xUnit, target, source, loc, t]);

  const ranked = useMemo(() => districtRows.filter((d) => d.priority != null && d.accessibility != null), [districtRows]);
  const accessOnly = ranked.length > 0 && ranked.every((d) => d.povertyNeed === undefined);
  const prioSpec = useMemo(() => {
    if (!ranked.length || !prioWidth) return null;
    const rows = ranked.map((d) => ({ name: d.name, priority: d.priority!, accessNeed: d.accessNeed!, povertyNeed: d.povertyNeed ?? null, accessibility: d.accessibility!, poverty: d.poverty }));
    return priorityBarsSpec({
      rows, top: PRIORITY_TOP, accessUnit, width: prioWidth, caption: `${source} ${t('access.prioCaption')}`, loc,
      labels: {
        aria: t('chart.priorityAria', { n: '{n}' }), x: t('chart.priorityX'), lowAccess: t(accessOnly ? 'chart.lowAccessOnly' : 'chart.lowAccessPart'), highPoverty: t('chart.highPovertyPart'),
        priority: t('chart.priority'), poverty: t('chart.poverty'),
      },
    });
  }, [ranked, accessOnly, prioWidth, accessUnit, source, loc, t]);

  const nat = coverage?.national;
  const worst = coverage ? [...coverage.districts].filter((d) => d.share != null).sort((a, b) => a.share! - b.share!).slice(0, 3) : [];
  const coverageSummary = nat && nat.share != null
    ? t('access.coverageSummary', {
      share: pct(100 * nat.share, 1), within: num(nat.within), population: num(nat.population), what,
      list: worst.map((d) => `${names.get(d.region_id) ?? d.region_id} (${pct(100 * d.share!, 0)})`).join(sep),
    }) +
      (lancetApplies ? `${t('access.lancetSentence')}${lancetExact ? t(nat.share >= LANCET_SURGERY_TARGET.share ? 'access.lancetMet' : 'access.lancetNotMet') : t('access.lancetSet')}.` : '')
    : '';
  const topPriority = [...ranked].sort((a, b) => b.priority! - a.priority!).slice(0, 3);
  const prioSummary = topPriority.length ? t('access.prioSummary', {
    list: topPriority.map((d) => t(d.poverty == null ? 'access.prioItemNoPoverty' : 'access.prioItem', { name: d.name, priority: num(d.priority, 2), poverty: pct(d.poverty, 0), access: num(d.accessibility, 1), unit: accessUnit })).join(lang === 'ar' ? '؛ ' : '; '),
  }) : '';
  const mapSummary = t('access.mapSummary', {
    cells: num(mapSource.rows?.filter((r) => r.kind === 'cell').length ?? 0), facilities: num(facilities.status === 'ready' ? facilities.rows.length : 0), service: serviceLabel,
  });
  const whoShort = districtRows.filter((d) => d.whoShortage).length;
  // No district with a known staff density: no shortage can be said either way.
  const staffShown = districtRows.some((d) => d.workforce_per_10k != null || d.peoplePerDoctor != null);
  const hpsaShort = districtRows.filter((d) => d.hpsaShortage).length;
  const accessNat = acc.rows?.filter((r) => r.kind === 'region') as AccessibilityRegionRow[] | undefined;
  const accessNational = accessNat?.length
    ? accessNat.reduce((a, r) => a + r.population * (r.value ?? 0), 0) / Math.max(1, accessNat.reduce((a, r) => a + r.population, 0))
    : null;
  const distPanelState = distance;

  return (
    <>
      <p className="summary access-lead">
        {t('access.lead')}
      </p>
      <AccessControls settings={s} set={set} services={services} capacities={capacities} />
      {(unheldService || unheldCapacity) && (
        <p className="muted small not-in-data" data-testid="access-unheld">
          {unheldService ? t('known.serviceUnheld', { service: t(`access.svc.${unheldService}`) }) : ''}
          {unheldService && unheldCapacity ? ' ' : ''}
          {unheldCapacity ? t('known.capacityUnheld', { capacity: t(`access.cap.${unheldCapacity}`), shown: t(`access.cap.${s.capacity}`) }) : ''}
        </p>
      )}
      <AccessReachBy reach={view.extra.reach === 'time' ? 'time' : 'line'} set={set} />

      <Panel title={t('access.kpiTitle', { scope })} subtitle={t('access.kpiSubtitle', { what })} state={distPanelState} testId="access-kpi-panel">
        {nat && (
          <div className="kpis" aria-live="polite" aria-busy={distance.status === 'loading'}>
            <div className={`kpi${target && nat.share! < target.share ? ' kpi-alert' : ''}`}>
              <div className="kpi-label">{t('access.kpiPeople', { what })}</div>
              <div className="kpi-value" data-testid="share-national">{pct(100 * (nat.share ?? 0), 1)}</div>
              <div className="kpi-note">{t('access.kpiOf', { within: num(nat.within), population: num(nat.population) })}{target ? t('access.kpiTarget', { value: pct(100 * target.share) }) : ''}</div>
            </div>
            <div className="kpi kpi-alert">
              <div className="kpi-label">{t('access.kpiFarther')}</div>
              <div className="kpi-value" data-testid="people-beyond">{num(nat.population - nat.within)}</div>
              <div className="kpi-note">{t('access.kpiBeyond', { threshold })}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">{t('access.kpiUnderHalf')}</div>
              <div className="kpi-value" data-testid="districts-under-half">{num(coverage!.districts.filter((d) => d.share != null && d.share < 0.5).length)}</div>
              <div className="kpi-note">{t('access.kpiOfDistricts', { n: num(coverage!.districts.length) })}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">{t('access.kpiAccess', { method: s.method.startsWith('e2') ? 'E2SFCA' : s.method === 'gravity' ? 'gravity' : '2SFCA' })}</div>
              <div className="kpi-value" data-testid="access-national">{num(accessNational, 1)}</div>
              <div className="kpi-note">{t('access.kpiAccessNote', { unit: accessUnit, km: num(s.catchmentKm) })}{acc.key?.cellKm != null ? t('access.kpiGrid', { cell: num(acc.key.cellKm) }) : ''}{acc.updating ? t('access.updating') : ''}</div>
            </div>
          </div>
        )}
      </Panel>
      {coverageSummary && <p className="summary" data-testid="coverage-summary" aria-live="polite">{coverageSummary}</p>}
      {view.extra.reach === 'time' && <AccessTravelTime settings={s} filters={facilityFiltersOf(view)} districts={districtRows} scope={scope} caption={source} />}

      <div className="grid-2">
        <Panel
          title={s.colour === 'access' ? t('access.mapTitleAccess', { unit: accessUnit }) : t('access.mapTitleDistance', { service: s.service === 'any' ? t('access.facility') : serviceLabel })}
          subtitle={s.colour === 'access'
            ? t('access.mapSubtitleAccess')
            : t(s.unit === 'min' ? 'access.mapSubtitleMin' : 'access.mapSubtitleKm')}
          state={mapState}
          testId="access-map-panel" id="access-map"
          actions={
            <label className="picker">
              {t('access.colourBy')}
              <select value={s.colour} onChange={(e) => set({ map: e.target.value === 'distance' ? undefined : e.target.value })} data-testid="access-map-colour">
                <option value="distance">{t('access.colourDistance')}</option>
                <option value="access">{t('access.colourAccess')}</option>
              </select>
            </label>
          }
        >
          <div ref={mapRef} className={mapSource.updating && mapSource.rows ? 'access-updating' : undefined}>
            {mapSpec && <PlotFigure options={mapSpec} testId="access-map" summary={mapSummary} />}
          </div>
          <p className="access-note">{mapSummary}</p>
        </Panel>
        <Panel title={t('access.barsTitle', { what })} subtitle={t(target ? 'access.barsSubtitleTarget' : 'access.barsSubtitle')} state={distPanelState} testId="access-bars-panel" id="access-bars">
          <div ref={barRef}>{barSpec && <PlotFigure options={barSpec} testId="coverage-bars" summary={coverageSummary || undefined} />}</div>
        </Panel>
      </div>

      <div className="grid-2">
        <Panel title={t('access.curveTitle')} subtitle={view.province ? t('access.curveSubtitleIn', { scope }) : t('access.curveSubtitleNational')} state={distPanelState} testId="access-curve-panel" id="access-curve">
          <div ref={curveRef}>{curveSpec && <PlotFigure options={curveSpec} testId="coverage-curve" summary={nat && nat.share != null ? t('access.curveSummary', { share: pct(100 * nat.share, 1) }) : undefined} />}</div>
        </Panel>
        <Panel
          title={t('access.prioTitle', { n: num(Math.min(PRIORITY_TOP, ranked.length)) })}
          subtitle={t(accessOnly ? 'access.prioSubtitleAccessOnly' : 'access.prioSubtitle')}
          state={catchment}
          testId="access-priority-panel" id="access-priority"
        >
          <div ref={prioRef} className={acc.updating && acc.rows ? 'access-updating' : undefined}>{prioSpec && <PlotFigure options={prioSpec} testId="priority-bars" summary={prioSummary || undefined} />}</div>
          {topPriority.length > 0 && (
            <p className="access-note" data-testid="priority-summary">
              {prioSummary}
            </p>
          )}
        </Panel>
      </div>

      <Panel
        title={t('access.tableTitle', { scope })}
        subtitle={staffShown
          ? t('access.tableSubtitle', { n: num(districtRows.length), who: num(whoShort), whoValue: num(WHO_WORKFORCE_PER_10K, 1), hpsa: num(hpsaShort), hpsaValue: num(HPSA_POPULATION_PER_PHYSICIAN) })
          : t('known.tableSubtitleNoStaff', { n: num(districtRows.length) })}
        state={densities}
        testId="access-table-panel"
      >
        <p className="access-note" data-testid="shortage-summary">
          {t('access.shortage', { what, who: num(WHO_WORKFORCE_PER_10K, 1), hpsa: num(HPSA_POPULATION_PER_PHYSICIAN) })}
          {!staffShown && districtRows.length > 0 ? ` ${t('known.noShortageFlags')}` : ''}
        </p>
        <p className="muted small">{t('access.selectHint')}</p>
        <AccessDistrictTable rows={districtRows} selected={view.district} onSelect={(district) => onChange({ district })} />
      </Panel>

      <AccessMethodNote settings={s} lancetApplies={lancetApplies} plan={acc.key} />
    </>
  );
}

export type { AccessSettings };
