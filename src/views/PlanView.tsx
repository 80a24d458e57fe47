import { useMemo, useRef, useState } from 'react';
import { formatNumber } from '../charts/measureMeta';
import { planMapSpec, type PlanMapDistrict } from '../charts/planMapSpec';
import { PlotFigure } from '../charts/PlotFigure';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { HPSA_POPULATION_PER_PHYSICIAN, WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import { districtPovertyQuery, facilityPointsQuery, type DistrictPovertyRow, type FacilityPoint } from '../queries/accessViewSql';
import { districtSitesQuery, type DistrictSiteRow, type PlanDistrictRow } from '../queries/planSql';
import { facilityFiltersOf } from '../state/facilityFilters';
import { useDataset } from '../state/useDataset';
import { useQuery, type QueryState } from '../state/useQuery';
import { planMeasures, scoped, type PlanMeasures } from './planModel';
import { PlanPartnerships } from './PlanPartnerships';
import { PlanPlacement, type PlacementOutcome } from './PlanPlacement';
import { usePlanRun, type PlanRun } from './planRuns';
import { PlanScenarioEditor } from './PlanScenarioEditor';
import { dropUnknownUpgrades, MAX_SCENARIOS, PLAN_KM, parsePlanSettings, placementExtra, planExtra, type PlacementRequest, type PlanScenario, type PlanSettings } from './planScenarios';
import type { ViewProps } from './viewRegistry';
import './access.css';
import './plan.css';

const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;

/** The rows of the last finished summary, kept while a newer run computes. */
function useLast(run: PlanRun): { rows: PlanDistrictRow[] | null; updating: boolean; error: QueryState<unknown> | null } {
  const last = useRef<PlanDistrictRow[] | null>(null);
  if (run.summary.status === 'ready' && run.summary.rows.length) last.current = run.summary.rows;
  if (run.summary.status === 'error') return { rows: null, updating: false, error: run.summary };
  return { rows: last.current, updating: run.summary.status !== 'ready', error: null };
}

const pct = (x: number | null | undefined, d = 1) => (x == null ? '–' : `${formatNumber(100 * x, d)}%`);
const signed = (x: number, d = 0, unit = '') => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatNumber(Math.abs(x), d)}${unit}`;

interface Row { label: string; note?: string; value: (m: PlanMeasures) => string; diff?: (a: PlanMeasures, b: PlanMeasures) => string; testId?: string }

const compareRows = (km: number): Row[] => [
  { label: `People within ${km} km of a facility`, value: (m) => pct(m.share), diff: (a, b) => signed(100 * ((b.share ?? 0) - (a.share ?? 0)), 2, ' pts'), testId: 'share' },
  { label: `People within ${km} km (number)`, value: (m) => formatNumber(m.within), diff: (a, b) => signed(b.within - a.within), testId: 'within' },
  { label: 'Average distance to the nearest facility', value: (m) => `${formatNumber(m.meanKm, 2)} km`, diff: (a, b) => signed((b.meanKm ?? 0) - (a.meanKm ?? 0), 2, ' km') },
  { label: `Districts where under half are within ${km} km`, value: (m) => String(m.underHalf), diff: (a, b) => signed(b.underHalf - a.underHalf) },
  { label: `Districts below ${WHO_WORKFORCE_PER_10K} health workers per 10,000 (WHO)`, value: (m) => String(m.whoShortage), diff: (a, b) => signed(b.whoShortage - a.whoShortage) },
  { label: `Districts with ${formatNumber(HPSA_POPULATION_PER_PHYSICIAN)}+ people per doctor (shortage)`, value: (m) => String(m.hpsaShortage), diff: (a, b) => signed(b.hpsaShortage - a.hpsaShortage) },
  { label: `Concentration index: people within ${km} km, by district poverty`, note: 'negative: the poorer districts are better served; 0: equal',
    value: (m) => formatNumber(m.ciShare, 1), diff: (a, b) => signed((b.ciShare ?? 0) - (a.ciShare ?? 0), 1) },
  { label: 'Concentration index: health workers per 10,000, by district poverty', value: (m) => formatNumber(m.ciWorkforce, 1), diff: (a, b) => signed((b.ciWorkforce ?? 0) - (a.ciWorkforce ?? 0), 1) },
  { label: 'First district in the priority ranking', value: (m) => m.districts.find((d) => d.rank === 1)?.name ?? '–' },
];

/** If we open, upgrade or fund care here, how much does the gap close? And where would K new facilities help most? */
export function PlanView({ view, scope, onChange }: ViewProps) {
  const { boundaries, synthetic } = useDataset();
  const settings = parsePlanSettings(view.extra);
  const { km, active } = settings;
  const patchExtra = (patch: Record<string, string | undefined>) => {
    const extra: Record<string, string> = { ...view.extra };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete extra[k]; else extra[k] = v;
    onChange({ extra });
  };
  const setPlan = (patch: Partial<PlanSettings>) => patchExtra(planExtra(patch));
  const setPlacement = (p: PlacementRequest) => patchExtra(placementExtra(p, km));
  const [proposed, setProposed] = useState<PlacementOutcome | null>(null);
  const facilities = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province: null, service: 'any' }), []), ['regions', 'facilities']);
  // Scenarios reach the database only once their upgrades are checked against the facility list (unknown ids dropped with a notice).
  const checked = useMemo(() => (facilities.status === 'ready' ? dropUnknownUpgrades(settings.scenarios, new Set(facilities.rows.map((f) => f.facility_id))) : null),
    [view.extra.sc, facilities]); // eslint-disable-line react-hooks/exhaustive-deps
  const scenarios = checked?.scenarios ?? settings.scenarios;
  const notices = [...settings.notices, ...(checked?.notices ?? [])];

  // Today, then up to MAX_SCENARIOS scenarios: a fixed number of hooks, unused slots idle.
  const today = usePlanRun(-1, null, km, true);
  const baseVersion = today.prep.status === 'ready' ? today.version : 0;
  const runs = [0, 1, 2, 3].map((k) => usePlanRun(k, scenarios[k]?.edits ?? null, km, checked !== null && k < scenarios.length, baseVersion)); // eslint-disable-line react-hooks/rules-of-hooks
  void MAX_SCENARIOS;
  const lastToday = useLast(today);
  const lasts = runs.map(useLast); // eslint-disable-line react-hooks/rules-of-hooks
  const poverty = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province: null }), []), POVERTY_NEEDS);
  const povertyMap = useMemo(() => new Map(poverty.status === 'ready' ? poverty.rows.map((p) => [p.region_id, p.poverty]) : []), [poverty]);
  const sitesQ = useQuery<DistrictSiteRow>(useMemo(districtSitesQuery, []), ['population']);
  const sites = useMemo(() => new Map(sitesQ.status === 'ready' ? sitesQ.rows.map((s) => [s.region_id, s]) : []), [sitesQ]);

  const measure = (rows: PlanDistrictRow[] | null) => (rows ? planMeasures(scoped(rows, view.province), povertyMap) : null);
  const base = useMemo(() => measure(lastToday.rows), [lastToday.rows, view.province, povertyMap]); // eslint-disable-line react-hooks/exhaustive-deps
  const after = lasts.map((l) => l.rows); // stable per finished run
  const scenarioMeasures = useMemo(() => after.map(measure), [...after, view.province, povertyMap]); // eslint-disable-line react-hooks/exhaustive-deps
  const allDistricts = lastToday.rows ?? [];

  const cur = scenarios[active];
  const curM = cur ? scenarioMeasures[active] : null;
  const byId = useMemo(() => new Map((facilities.status === 'ready' ? facilities.rows : []).map((f) => [f.facility_id, f])), [facilities]);
  const worst = base ? [...base.districts].filter((d) => d.share != null).sort((a, b) => a.share! - b.share!)[0] : undefined;

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const source = `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; population points and facilities tables. Straight-line distances.`;
  const mapSpec = useMemo(() => {
    if (!base || !mapWidth || !boundaries) return null;
    const afterById = new Map(curM?.districts.map((d) => [d.region_id, d.share]) ?? []);
    const districts: PlanMapDistrict[] = base.districts.map((d) => ({ region_id: d.region_id, name: d.name, before: d.share, after: curM ? afterById.get(d.region_id) ?? null : null }));
    const edits = cur?.edits ?? [];
    return planMapSpec({
      districts, boundaries, facilities: facilities.status === 'ready' ? facilities.rows : [],
      added: edits.flatMap((e) => (e.kind === 'add' ? [{ lat: e.lat, lon: e.lon, label: e.id }] : [])),
      outreach: edits.flatMap((e) => (e.kind === 'outreach' ? [{ lat: e.lat, lon: e.lon, label: e.id, radiusKm: e.radiusKm }] : [])),
      upgraded: edits.flatMap((e) => { const f = e.kind === 'upgrade' ? byId.get(e.facilityId) : undefined; return f ? [{ lat: f.lat, lon: f.lon, label: f.name }] : []; }),
      proposed: proposed?.sites.map((s, t) => ({ lat: s.lat, lon: s.lon, label: `Site ${t + 1}` })) ?? [],
      selected: view.district, thresholdKm: km, width: mapWidth, caption: source,
    });
  }, [base, curM, cur, mapWidth, boundaries, facilities, byId, proposed, view.district, km, source]);

  const onMapSelect = (datum: unknown) => {
    const id = (datum as { properties?: { region_id?: string; level?: number } })?.properties?.region_id;
    if (id && allDistricts.some((d) => d.region_id === id)) onChange({ district: id });
  };
  const adopt = (o: PlacementOutcome) => {
    if (scenarios.length >= MAX_SCENARIOS) return;
    let name = `Best ${o.sites.length} sites`;
    for (let n = 2; scenarios.some((s) => s.name === name); n++) name = `Best ${o.sites.length} sites (${n})`;
    const sc: PlanScenario = { name, edits: o.sites.map((s, t) => ({ kind: 'add', id: `NEW${t + 1}`, lat: s.lat, lon: s.lon, type: 'health_centre', beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity', 'immunization'] })) };
    setPlan({ scenarios: [...scenarios, sc], active: scenarios.length });
  };

  const rows = compareRows(km);
  const computing = (k: number) => lasts[k].updating;
  const headline = base && curM && cur
    ? `“${cur.name}” brings ${formatNumber(curM.within - base.within)} more people within ${km} km of a facility (${pct(base.share)} → ${pct(curM.share)}${scope === 'whole country' ? ' nationally' : ` in ${scope}`}).`
    : base ? `Today ${pct(base.share)} of people${scope === 'whole country' ? '' : ` in ${scope}`} live within ${km} km of a facility${worst ? `; the worst-covered district is ${worst.name} (${pct(worst.share, 0)})` : ''}. Add a scenario below to see how much a change would close the gap.` : '';

  const districtRows = useMemo(() => {
    if (!base) return [];
    const a = new Map(curM?.districts.map((d) => [d.region_id, d]) ?? []);
    return base.districts.map((d) => ({ d, s: a.get(d.region_id) })).sort((x, y) =>
      ((y.s?.share ?? 0) - (y.d.share ?? 0)) - ((x.s?.share ?? 0) - (x.d.share ?? 0)) || (x.d.share ?? 0) - (y.d.share ?? 0));
  }, [base, curM]);

  return (
    <>
      <p className="summary access-lead">
        If we open a facility here, upgrade this one, or fund a mobile clinic there, how much does the gap close? Build named scenarios,
        compare them with today side by side, and let the tool propose where K new facilities would help the most people.
      </p>
      {notices.length > 0 && <div className="notice" role="alert" data-testid="plan-notices">{notices.map((n) => <p key={n}>{n}</p>)}</div>}
      <div className="view-controls">
        <label className="picker">Within reach means within (km, straight line)
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} step={1} value={km} data-testid="plan-km"
            onChange={(e) => { const x = Math.round(Number(e.target.value)); if (x >= PLAN_KM.min && x <= PLAN_KM.max) setPlan({ km: x }); }} />
        </label>
      </div>
      {Object.values(facilityFiltersOf(view)).some(Boolean) && (
        <p className="access-note">The facility filters above do not apply here: scenarios start from every facility in the data.</p>
      )}
      {headline && <p className="summary" data-testid="plan-headline" aria-live="polite">{headline}</p>}

      <div className="grid-2">
        <Panel title="Scenarios" subtitle="Each scenario is a set of changes to today’s facilities. They are kept in the link, so sharing it shares them." testId="plan-scenarios-panel">
          <PlanScenarioEditor scenarios={scenarios} active={active} districts={allDistricts} sites={sites} district={view.district} km={km}
            onDistrict={(district) => onChange({ district })} onScenarios={(s, a) => setPlan({ scenarios: s, active: a })} />
        </Panel>
        <Panel title={cur ? `Gain with “${cur.name}”` : `Within ${km} km today`} testId="plan-map-panel" id="plan-map"
          subtitle={`${cur ? `Districts coloured by the gain in people within ${km} km.` : `Share of people within ${km} km of a facility, by district.`} Orange squares: new facilities; rings: upgrades; purple: mobile clinics; blue stars: proposed sites. Click a district to choose it.`}
          state={lastToday.error ?? (base ? undefined : today.summary)}>
          <div ref={mapRef} className={cur && computing(active) ? 'access-updating' : undefined}>{mapSpec && <PlotFigure options={mapSpec} testId="plan-map" onSelect={onMapSelect} />}</div>
          {cur && computing(active) && <p className="panel-status" role="status">Recomputing “{cur.name}”…</p>}
        </Panel>
      </div>

      <Panel title={`Before → after, ${scope}`} testId="plan-compare-panel" id="plan-comparison" state={lastToday.error ?? (base ? undefined : today.summary)}
        subtitle={`Today against each scenario; in brackets, the difference from today. Every measure is recomputed over all ${formatNumber(base?.population ?? 0)} people with the scenario’s facilities.`}>
        {base && (
          <div className="table-scroll">
            <table className="data-table plan-compare" data-testid="plan-compare">
              <thead><tr><th>Measure</th><th className="num">Today</th>{scenarios.map((s, k) => <th key={s.name} className="num" data-testid={`plan-col-${k}`}>{s.name}</th>)}</tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}{r.note && <div className="access-note">{r.note}</div>}</td>
                  <td className="num" data-testid={r.testId ? `plan-${r.testId}-today` : undefined}>{r.value(base)}</td>
                  {scenarios.map((s, k) => {
                    const m = scenarioMeasures[k];
                    const err = lasts[k].error;
                    return (
                      <td key={s.name} className={`num${computing(k) ? ' access-updating' : ''}`} aria-busy={computing(k)}>
                        {err && err.status === 'error' ? <span role="alert">{err.message}</span> : m ? (
                          <><span data-testid={r.testId ? `plan-${r.testId}-${k}` : undefined} data-ready={computing(k) ? 'false' : 'true'}>{r.value(m)}</span>
                            {r.diff && <span className="plan-diff"> ({r.diff(base, m)})</span>}</>
                        ) : 'computing…'}
                      </td>
                    );
                  })}
                </tr>
              ))}</tbody>
            </table>
          </div>
        )}
        <p className="access-note">
          Priority ranks districts by two equal criteria: few people within {km} km and a high poverty rate (mean of percentile ranks, as in the Access view,
          with distance in place of catchment accessibility so that each scenario recomputes in seconds). Concentration indices (×100) rank districts from
          the poorest, weighted by population: below 0, access is concentrated among poorer districts.
          {today.ms != null && ` Today computed in ${formatNumber(today.ms / 1000, 1)} s`}{cur && runs[active].ms != null ? `; “${cur.name}” in ${formatNumber(runs[active].ms! / 1000, 1)} s.` : '.'}
        </p>
      </Panel>

      {base && (
        <Panel title={cur ? `Districts: today → “${cur.name}”` : 'Districts today'} testId="plan-districts-panel" id="plan-districts"
          subtitle={cur ? 'Largest gain first. Click a district to place the next change there.' : 'Worst covered first. Click a district to place a change there.'}>
          <div className="table-scroll plan-district-scroll" tabIndex={0} role="region" aria-label="Districts">
            <table className="data-table" data-testid="plan-districts">
              <thead><tr><th>District</th><th>Province</th><th className="num">Within {km} km</th><th className="num">Avg km</th><th className="num">Health workers / 10k</th><th>Shortage</th><th className="num">Priority rank</th></tr></thead>
              <tbody>{districtRows.map(({ d, s }) => {
                const arrow = <T,>(a: T, b: T | undefined, f: (x: T) => string) => (s && b !== undefined && f(a) !== f(b) ? `${f(a)} → ${f(b)}` : f(a));
                return (
                  <tr key={d.region_id} data-region={d.region_id} className={d.region_id === view.district ? 'selected' : undefined} aria-selected={d.region_id === view.district}
                    onClick={() => onChange({ district: d.region_id })}>
                    <td>{d.name}</td><td>{d.province}</td>
                    <td className="num">{arrow(d.share, s?.share, (x) => pct(x))}</td>
                    <td className="num">{arrow(d.mean_km, s?.mean_km, (x) => formatNumber(x, 1))}</td>
                    <td className="num">{arrow(d.workforce_per_10k, s?.workforce_per_10k, (x) => formatNumber(x, 1))}</td>
                    <td>{arrow([d.whoShortage, d.hpsaShortage], s ? [s.whoShortage, s.hpsaShortage] : undefined, ([w, h]) => [w && 'WHO', h && 'doctors'].filter(Boolean).join(' + ') || 'none')}</td>
                    <td className="num">{arrow(d.rank, s?.rank, (x) => (x == null ? '–' : String(x)))}</td>
                  </tr>
                );
              })}</tbody>
            </table>
          </div>
        </Panel>
      )}

      <PlanPlacement form={settings.placement} onForm={setPlacement} onResult={setProposed} onAdopt={adopt} />
      <PlanPartnerships km={km} baseVersion={baseVersion} />
    </>
  );
}
