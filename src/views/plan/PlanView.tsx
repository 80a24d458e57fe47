import { useCallback, useMemo, useState } from 'react';
import { LOCATION_FLAGS } from '../../data/plausibilitySql';
import { useStable } from '../../state/useStable';
import { planMapSpec, type PlanMapDistrict } from '../../charts/planMapSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { errorText, Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n, type I18n } from '../../i18n/I18nContext';
import { HPSA_POPULATION_PER_PHYSICIAN, WHO_WORKFORCE_PER_10K } from '../../metrics/accessThresholds';
import { districtPovertyQuery, facilityPointsQuery, type DistrictPovertyRow, type FacilityPoint } from '../../queries/accessViewSql';
import { districtSitesQuery, type DistrictSiteRow, type PlanDistrictRow } from '../../queries/planSql';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useDataset } from '../../state/useDataset';
import { rowsOf, useQuery, type QueryState } from '../../state/useQuery';
import { planMeasures, scoped, type PlanMeasures } from './planModel';
import { PlanPartnerships } from './PlanPartnerships';
import { PlanPlacement, type PlacementOutcome } from './PlanPlacement';
import { usePlanRun, type PlanRun } from './planRuns';
import { PlanScenarioEditor } from './PlanScenarioEditor';
import { dropUnknownUpgrades, MAX_SCENARIOS, PLAN_KM, parsePlanSettings, placementExtra, planExtra, type PlacementRequest, type PlanScenario, type PlanSettings } from './planScenarios';
import type { ViewProps } from '../viewRegistry';
import '../access/access.css';
import './plan.css';

const POVERTY_NEEDS = ['regions', 'socioeconomic'] as const;

/** The rows to show (the last answer while a newer run computes), or the error. */
function shown(run: PlanRun): { rows: PlanDistrictRow[] | null; updating: boolean; error: QueryState<unknown> | null } {
  if (run.summary.status === 'error') return { rows: null, updating: false, error: run.summary };
  const rows = rowsOf(run.summary);
  return { rows: rows?.length ? rows : null, updating: run.summary.status !== 'ready', error: null };
}
const buildMs = (run: PlanRun) => (run.prep.status === 'ready' ? run.prep.ms ?? null : null);

type Fmt = Pick<I18n, 't' | 'num' | 'pct' | 'region'>;
/** A share (0..1) as a percentage in the interface language. */
const share = (f: Fmt, x: number | null | undefined, d = 1) => (x == null ? '–' : f.pct(100 * x, d));
/** A difference with its sign (− for minus, ± for none), in the interface language. */
const signed = (f: Fmt, x: number, d = 0) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${f.num(Math.abs(x), d)}`;

interface Row { label: string; note?: string; value: (m: PlanMeasures) => string; diff?: (a: PlanMeasures, b: PlanMeasures) => string; testId?: string }

const compareRows = (f: Fmt, km: number): Row[] => {
  const { t, num } = f;
  return [
    { label: t('plan.row.share', { km: num(km) }), value: (m) => share(f, m.share), diff: (a, b) => t('plan.unit.pts', { value: signed(f, 100 * ((b.share ?? 0) - (a.share ?? 0)), 2) }), testId: 'share' },
    { label: t('plan.row.within', { km: num(km) }), value: (m) => num(m.within), diff: (a, b) => signed(f, b.within - a.within), testId: 'within' },
    { label: t('plan.row.meanKm'), value: (m) => t('plan.unit.km', { value: num(m.meanKm, 2) }), diff: (a, b) => t('plan.unit.km', { value: signed(f, (b.meanKm ?? 0) - (a.meanKm ?? 0), 2) }) },
    { label: t('plan.row.underHalf', { km: num(km) }), value: (m) => num(m.underHalf), diff: (a, b) => signed(f, b.underHalf - a.underHalf) },
    { label: t('plan.row.who', { who: num(WHO_WORKFORCE_PER_10K, 1) }), value: (m) => num(m.whoShortage), diff: (a, b) => signed(f, b.whoShortage - a.whoShortage) },
    { label: t('plan.row.hpsa', { n: num(HPSA_POPULATION_PER_PHYSICIAN) }), value: (m) => num(m.hpsaShortage), diff: (a, b) => signed(f, b.hpsaShortage - a.hpsaShortage) },
    { label: t('plan.row.ciShare', { km: num(km) }), note: t('plan.row.ciNote'),
      value: (m) => num(m.ciShare, 1), diff: (a, b) => signed(f, (b.ciShare ?? 0) - (a.ciShare ?? 0), 1) },
    { label: t('plan.row.ciWorkforce'), value: (m) => num(m.ciWorkforce, 1), diff: (a, b) => signed(f, (b.ciWorkforce ?? 0) - (a.ciWorkforce ?? 0), 1) },
    { label: t('plan.row.firstPriority'), value: (m) => { const d = m.districts.find((x) => x.rank === 1); return d ? f.region(d.region_id, d.name) : '–'; } },
  ];
};

/** If we open, upgrade or fund care here, how much does the gap close? And where would K new facilities help most? */
export function PlanView({ view, scope, onChange }: ViewProps) {
  const { boundaries } = useDataset('boundaries');
  const sourceLabel = useSourceLabel();
  const i18n = useI18n();
  const { t, num, region, locale } = i18n;
  const settings = parsePlanSettings(view.extra, t);
  const { km, active } = settings;
  const patchExtra = (patch: Record<string, string | undefined>) => {
    const extra: Record<string, string> = { ...view.extra };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete extra[k]; else extra[k] = v;
    onChange({ extra });
  };
  const setPlan = (patch: Partial<PlanSettings>) => patchExtra(planExtra(patch));
  const setPlacement = (p: PlacementRequest) => patchExtra(placementExtra(p, km));
  const [proposed, setProposed] = useState<PlacementOutcome | null>(null);
  // Facilities whose location is implausible are left out of the recommendations unless the user keeps them (`flagged=1`).
  const { plausibility } = useDataset('plausibility');
  const includeFlagged = view.extra.flagged === '1';
  const leftOut = plausibility?.findings.filter((f) => (LOCATION_FLAGS as readonly string[]).includes(f.id)).reduce((n, f) => n + f.count, 0) ?? 0;
  const facilities = useQuery<FacilityPoint>(useMemo(() => facilityPointsQuery({ province: null, service: 'any' }), []), ['regions', 'facilities']);
  // Scenarios reach the database only once their upgrades are checked against the facility list (unknown ids dropped with a notice).
  const parsedScenarios = useStable(settings.scenarios);
  const checked = useMemo(() => (facilities.status === 'ready' ? dropUnknownUpgrades(parsedScenarios, new Set(facilities.rows.map((f) => f.facility_id)), t) : null),
    [parsedScenarios, facilities, t]);
  const scenarios = checked?.scenarios ?? settings.scenarios;
  const notices = [...settings.notices, ...(checked?.notices ?? [])];

  // Today, then up to MAX_SCENARIOS scenarios: a fixed number of hooks, unused slots idle.
  const today = usePlanRun(-1, null, km, true);
  const slot = (k: number) => [k, scenarios[k]?.edits ?? null, km, checked !== null && k < scenarios.length] as const;
  const runs = [usePlanRun(...slot(0)), usePlanRun(...slot(1)), usePlanRun(...slot(2)), usePlanRun(...slot(3))];
  void MAX_SCENARIOS;
  const lastToday = shown(today);
  const lasts = runs.map(shown);
  const poverty = useQuery<DistrictPovertyRow>(useMemo(() => districtPovertyQuery({ province: null }), []), POVERTY_NEEDS);
  const povertyMap = useMemo(() => new Map(poverty.status === 'ready' ? poverty.rows.map((p) => [p.region_id, p.poverty]) : []), [poverty]);
  const sitesQ = useQuery<DistrictSiteRow>(useMemo(districtSitesQuery, []), ['population']);
  const sites = useMemo(() => new Map(sitesQ.status === 'ready' ? sitesQ.rows.map((s) => [s.region_id, s]) : []), [sitesQ]);

  const measure = useCallback((rows: PlanDistrictRow[] | null) => (rows ? planMeasures(scoped(rows, view.province), povertyMap) : null), [view.province, povertyMap]);
  const base = useMemo(() => measure(lastToday.rows), [lastToday.rows, measure]);
  // Each run's rows are stable per finished run.
  const [after0, after1, after2, after3] = lasts.map((l) => l.rows);
  const scenarioMeasures = useMemo(() => [after0, after1, after2, after3].map(measure), [after0, after1, after2, after3, measure]);
  const allDistricts = lastToday.rows ?? [];

  const cur = scenarios[active];
  const curM = cur ? scenarioMeasures[active] : null;
  const byId = useMemo(() => new Map((facilities.status === 'ready' ? facilities.rows : []).map((f) => [f.facility_id, f])), [facilities]);
  const worst = base ? [...base.districts].filter((d) => d.share != null).sort((a, b) => a.share! - b.share!)[0] : undefined;

  const [mapRef, mapWidth] = useElementWidth<HTMLDivElement>();
  const source = t('plan.source', { source: sourceLabel });
  const mapSpec = useMemo(() => {
    if (!base || !mapWidth || !boundaries) return null;
    const afterById = new Map(curM?.districts.map((d) => [d.region_id, d.share]) ?? []);
    const districts: PlanMapDistrict[] = base.districts.map((d) => ({ region_id: d.region_id, name: region(d.region_id, d.name), before: d.share, after: curM ? afterById.get(d.region_id) ?? null : null }));
    const edits = cur?.edits ?? [];
    return planMapSpec({
      districts, boundaries, facilities: facilities.status === 'ready' ? facilities.rows : [],
      added: edits.flatMap((e) => (e.kind === 'add' ? [{ lat: e.lat, lon: e.lon, label: e.id }] : [])),
      outreach: edits.flatMap((e) => (e.kind === 'outreach' ? [{ lat: e.lat, lon: e.lon, label: e.id, radiusKm: e.radiusKm }] : [])),
      upgraded: edits.flatMap((e) => { const f = e.kind === 'upgrade' ? byId.get(e.facilityId) : undefined; return f ? [{ lat: f.lat, lon: f.lon, label: f.name }] : []; }),
      proposed: proposed?.sites.map((s, k) => ({ lat: s.lat, lon: s.lon, label: t('plan.site', { n: num(k + 1) }) })) ?? [],
      selected: view.district, thresholdKm: km, width: mapWidth, caption: source, tr: { t, locale },
    });
  }, [base, curM, cur, mapWidth, boundaries, facilities, byId, proposed, view.district, km, source, t, num, locale, region]);

  const onMapSelect = (datum: unknown) => {
    const id = (datum as { properties?: { region_id?: string; level?: number } })?.properties?.region_id;
    if (id && allDistricts.some((d) => d.region_id === id)) onChange({ district: id });
  };
  const adopt = (o: PlacementOutcome) => {
    if (scenarios.length >= MAX_SCENARIOS) return;
    let name = t('plan.bestSites', { n: num(o.sites.length) });
    for (let n = 2; scenarios.some((s) => s.name === name); n++) name = t('plan.bestSitesAgain', { n: num(o.sites.length), k: num(n) });
    const sc: PlanScenario = { name, edits: o.sites.map((s, t) => ({ kind: 'add', id: `NEW${t + 1}`, lat: s.lat, lon: s.lon, type: 'health_centre', beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity', 'immunization'] })) };
    setPlan({ scenarios: [...scenarios, sc], active: scenarios.length });
  };

  const rows = compareRows(i18n, km);
  const computing = (k: number) => lasts[k].updating;
  const todayMs = buildMs(today);
  const scenarioMs = runs[active] ? buildMs(runs[active]) : null;
  const national = !view.province;
  const headline = base && curM && cur
    ? t(national ? 'plan.headline.scenario' : 'plan.headline.scenarioScope', { name: cur.name, people: num(curM.within - base.within), km: num(km), before: share(i18n, base.share), after: share(i18n, curM.share), scope })
    : base ? t(national ? 'plan.headline.today' : 'plan.headline.todayScope', { share: share(i18n, base.share), km: num(km), scope })
      + (worst ? t('plan.headline.worst', { name: region(worst.region_id, worst.name), share: share(i18n, worst.share, 0) }) : '') + t('plan.headline.todayEnd') : '';

  const districtRows = useMemo(() => {
    if (!base) return [];
    const a = new Map(curM?.districts.map((d) => [d.region_id, d]) ?? []);
    return base.districts.map((d) => ({ d, s: a.get(d.region_id) })).sort((x, y) =>
      ((y.s?.share ?? 0) - (y.d.share ?? 0)) - ((x.s?.share ?? 0) - (x.d.share ?? 0)) || (x.d.share ?? 0) - (y.d.share ?? 0));
  }, [base, curM]);

  return (
    <>
      <p className="summary access-lead">{t('plan.lead')}</p>
      {notices.length > 0 && <div className="notice" role="alert" data-testid="plan-notices">{notices.map((n) => <p key={n}>{n}</p>)}</div>}
      <div className="view-controls">
        <label className="picker">{t('plan.kmPicker')}
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} step={1} value={km} data-testid="plan-km"
            onChange={(e) => { const x = Math.round(Number(e.target.value)); if (x >= PLAN_KM.min && x <= PLAN_KM.max) setPlan({ km: x }); }} />
        </label>
      </div>
      {Object.values(facilityFiltersOf(view)).some(Boolean) && (
        <p className="access-note">{t('plan.filtersIgnored')}</p>
      )}
      {headline && <p className="summary" data-testid="plan-headline" aria-live="polite">{headline}</p>}

      <div className="grid-2">
        <Panel title={t('plan.scenarios.title')} subtitle={t('plan.scenarios.subtitle')} testId="plan-scenarios-panel">
          <PlanScenarioEditor scenarios={scenarios} active={active} districts={allDistricts} sites={sites} district={view.district} km={km}
            onDistrict={(district) => onChange({ district })} onScenarios={(s, a) => setPlan({ scenarios: s, active: a })} />
        </Panel>
        <Panel title={cur ? t('plan.map.titleGain', { name: cur.name }) : t('plan.map.titleToday', { km: num(km) })} testId="plan-map-panel" id="plan-map"
          subtitle={`${cur ? t('plan.map.subtitleGain', { km: num(km) }) : t('plan.map.subtitleToday', { km: num(km) })} ${t('plan.map.key')}`}
          state={lastToday.error ?? (base ? undefined : today.summary)}>
          <div ref={mapRef} className={cur && computing(active) ? 'access-updating' : undefined}>{mapSpec && <PlotFigure options={mapSpec} testId="plan-map" onSelect={onMapSelect} />}</div>
          {cur && computing(active) && <p className="panel-status" role="status">{t('plan.recomputing', { name: cur.name })}</p>}
        </Panel>
      </div>

      <Panel title={t('plan.compare.title', { scope })} testId="plan-compare-panel" id="plan-comparison" state={lastToday.error ?? (base ? undefined : today.summary)}
        subtitle={t('plan.compare.subtitle', { people: num(base?.population ?? 0) })}>
        {base && (
          <div className="table-scroll">
            <table className="data-table plan-compare" data-testid="plan-compare">
              <thead><tr><th>{t('plan.compare.measure')}</th><th className="num">{t('plan.compare.today')}</th>{scenarios.map((s, k) => <th key={s.name} className="num" data-testid={`plan-col-${k}`}>{s.name}</th>)}</tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}{r.note && <div className="access-note">{r.note}</div>}</td>
                  <td className="num" data-testid={r.testId ? `plan-${r.testId}-today` : undefined}>{r.value(base)}</td>
                  {scenarios.map((s, k) => {
                    const m = scenarioMeasures[k];
                    const err = lasts[k].error;
                    return (
                      <td key={s.name} className={`num${computing(k) ? ' access-updating' : ''}`} aria-busy={computing(k)}>
                        {err && err.status === 'error' ? <span role="alert">{errorText(i18n, err.error)}</span> : m ? (
                          <><span data-testid={r.testId ? `plan-${r.testId}-${k}` : undefined} data-ready={computing(k) ? 'false' : 'true'}>{r.value(m)}</span>
                            {r.diff && <span className="plan-diff"> ({r.diff(base, m)})</span>}</>
                        ) : t('plan.compare.computing')}
                      </td>
                    );
                  })}
                </tr>
              ))}</tbody>
            </table>
          </div>
        )}
        <p className="access-note">
          {t('plan.compare.note', { km: num(km) })}
          {todayMs != null && ` ${cur && scenarioMs != null
            ? t('plan.compare.timeBoth', { today: num(todayMs / 1000, 1), name: cur.name, scenario: num(scenarioMs / 1000, 2) })
            : t('plan.compare.timeToday', { today: num(todayMs / 1000, 1) })}`}
        </p>
      </Panel>

      {base && (
        <Panel title={cur ? t('plan.districts.titleScenario', { name: cur.name }) : t('plan.districts.titleToday')} testId="plan-districts-panel" id="plan-districts"
          subtitle={cur ? t('plan.districts.subtitleScenario') : t('plan.districts.subtitleToday')}>
          <div className="table-scroll plan-district-scroll" tabIndex={0} role="region" aria-label={t('plan.districts.region')}>
            <table className="data-table" data-testid="plan-districts">
              <thead><tr><th>{t('col.district')}</th><th>{t('col.province')}</th><th className="num">{t('plan.col.within', { km: num(km) })}</th><th className="num">{t('plan.col.avgKm')}</th><th className="num">{t('plan.col.workforce')}</th><th>{t('plan.col.shortage')}</th><th className="num">{t('plan.col.rank')}</th></tr></thead>
              <tbody>{districtRows.map(({ d, s }) => {
                const arrow = <T,>(a: T, b: T | undefined, f: (x: T) => string) => (s && b !== undefined && f(a) !== f(b) ? `${f(a)} ${i18n.dir === 'rtl' ? '←' : '→'} ${f(b)}` : f(a));
                return (
                  <tr key={d.region_id} data-region={d.region_id} className={d.region_id === view.district ? 'selected' : undefined} aria-selected={d.region_id === view.district}
                    onClick={() => onChange({ district: d.region_id })}>
                    <td>{region(d.region_id, d.name)}</td><td>{region(d.province_id, d.province)}</td>
                    <td className="num">{arrow(d.share, s?.share, (x) => share(i18n, x))}</td>
                    <td className="num">{arrow(d.mean_km, s?.mean_km, (x) => num(x, 1))}</td>
                    <td className="num">{arrow(d.workforce_per_10k, s?.workforce_per_10k, (x) => num(x, 1))}</td>
                    <td>{arrow([d.whoShortage, d.hpsaShortage], s ? [s.whoShortage, s.hpsaShortage] : undefined, ([w, h]) => [w && t('plan.shortage.who'), h && t('plan.shortage.doctors')].filter(Boolean).join(' + ') || t('plan.shortage.none'))}</td>
                    <td className="num">{arrow(d.rank, s?.rank, (x) => (x == null ? '–' : num(x)))}</td>
                  </tr>
                );
              })}</tbody>
            </table>
          </div>
        </Panel>
      )}

      {leftOut > 0 && (
        <div className="notice" data-testid="plan-flagged" data-count={leftOut} data-included={includeFlagged}>
          <p>{t(includeFlagged ? 'plan.flagged.kept' : 'plan.flagged.left', { n: num(leftOut) })}</p>
          <label className="plan-check"><input type="checkbox" checked={includeFlagged} data-testid="plan-include-flagged"
            onChange={(e) => patchExtra({ flagged: e.target.checked ? '1' : undefined })} /> {t('plan.flagged.include')}</label>
        </div>
      )}
      <PlanPlacement form={settings.placement} onForm={setPlacement} onResult={setProposed} onAdopt={adopt} excludeFlagged={!includeFlagged} />
      <PlanPartnerships km={km} excludeFlagged={!includeFlagged} />
    </>
  );
}
