import { useEffect, useMemo, useRef, useState } from 'react';
import { placementCurveSpec } from '../../charts/placementCurveSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { errorText, Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import type { SqlRunner } from '../../db/sqlRunner';
import { useI18n, type I18n } from '../../i18n/I18nContext';
import { POVERTY_WEIGHT_STEP, type PlacementObjective } from '../../metrics/placement';
import { placementDistrictsQuery, siteDistrictsQuery, type PlacementDistrictRow } from '../../queries/planSql';
import { runPlacement, type PlacementSite } from '../../queries/placementSql';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useNeedStates } from '../../state/useDataset';
import { useEngineRun } from '../../state/useEngineRun';
import { PLACEMENT_GRIDS, PLACEMENT_K, PLAN_KM, type PlacementRequest } from './planScenarios';

export type { PlacementRequest };

const PLACE_NEEDS = ['population', 'facilities', 'regions', 'facility_flags'] as const;

export interface PlacementOutcome {
  request: PlacementRequest;
  sites: (PlacementSite & { region_id: string; district: string; gain: number })[];
  districts: PlacementDistrictRow[];
  ms: number;
}

async function place(db: SqlRunner, r: PlacementRequest, excludeFlagged: boolean): Promise<PlacementOutcome> {
  const start = performance.now();
  const res = await runPlacement(db, {
    excludeFlagged, k: r.k, thresholdKm: r.thresholdKm, objective: r.objective, povertyWeighted: r.povertyWeighted,
    candidates: r.gridKm > 0 ? { gridKm: r.gridKm } : 'population',
  });
  const where = new Map((await db.rows<{ id: string; region_id: string; name: string }>(siteDistrictsQuery(res.chosen))).map((s) => [s.id, s]));
  const districts = await db.rows<PlacementDistrictRow>(placementDistrictsQuery(res.sites, r.thresholdKm, r.objective));
  const gain = new Map(res.chosen.map((id, t) => [id, res.gains[t]]));
  return {
    request: r,
    sites: res.sites.map((s) => ({ ...s, region_id: where.get(s.id)?.region_id ?? '', district: where.get(s.id)?.name ?? '?', gain: gain.get(s.id) ?? 0 })),
    districts,
    ms: performance.now() - start,
  };
}

export function gainLabel(r: PlacementRequest, { t, num }: Pick<I18n, 't' | 'num'>): string {
  const km = num(r.thresholdKm);
  if (r.objective === 'coverage') return t(r.povertyWeighted ? 'plan.placement.gainCoverageWeighted' : 'plan.placement.gainCoverage', { km });
  return t(r.povertyWeighted ? 'plan.placement.gainMedianWeighted' : 'plan.placement.gainMedian', { km });
}

/**
 * Where would K new facilities help the most people? Greedy placement, run on demand. The form's settings live in
 * the link (`form` / `onForm`, see planScenarios.ts), so a link reproduces the setup; running needs the Run button.
 */
export function PlanPlacement({ form, onForm, onResult, onAdopt, excludeFlagged }: {
  form: PlacementRequest; onForm: (r: PlacementRequest) => void; onResult: (o: PlacementOutcome | null) => void; onAdopt: (o: PlacementOutcome) => void;
  /** Leave out facilities whose location is flagged (plausibility checks): they count as no existing care. */
  excludeFlagged: boolean;
}) {
  const tables = useNeedStates(PLACE_NEEDS);
  const sourceLabel = useSourceLabel();
  const i18n = useI18n();
  const { t, num, region, locale } = i18n;
  const [asked, setAsked] = useState<{ r: PlacementRequest; n: number } | null>(null);
  // Run on demand (`asked` counts the Run button's presses); again when the flag table or the data change.
  const placed = useEngineRun<PlacementOutcome>(asked && { asked, excludeFlagged }, (db) => place(db, asked!.r, excludeFlagged), PLACE_NEEDS, { timing: 'plan-placement' });
  const ready = tables.every((x) => x.state === 'ready');
  const status = placed.status === 'ready' ? 'done' : placed.status === 'error' ? 'error'
    : placed.status === 'waiting' && placed.reason.code === 'nothingYet' ? 'idle' : 'running';
  const o = placed.status === 'ready' || placed.status === 'loading' ? placed.value : undefined;
  const resultRef = useRef(onResult);
  resultRef.current = onResult;
  useEffect(() => {
    if (placed.status === 'ready') resultRef.current(placed.value);
  }, [placed]);

  const [ref, width] = useElementWidth<HTMLDivElement>();
  const spec = useMemo(() => (o && width && o.sites.length
    ? placementCurveSpec({ gains: o.sites.map((s) => s.gain), yLabel: gainLabel(o.request, i18n), width,
      caption: t('plan.placement.caption', { source: sourceLabel }), tr: { t, locale } })
    : null), [o, width, sourceLabel, i18n, t, locale]);
  const set = (patch: Partial<PlacementRequest>) => onForm({ ...form, ...patch });
  const intIn = (v: string, lo: number, hi: number, d: number) => {
    const x = Math.round(Number(v));
    return Number.isFinite(x) ? Math.max(lo, Math.min(hi, x)) : d;
  };
  const total = o?.sites.reduce((s, x) => s + x.gain, 0) ?? 0;
  const people = o?.districts.reduce((s, d) => s + d.people, 0) ?? 0;
  const run = () => setAsked({ r: form, n: (asked?.n ?? 0) + 1 });

  return (
    <Panel title={t('plan.placement.title')} testId="plan-placement-panel" id="plan-placement"
      subtitle={t('plan.placement.subtitle')}>
      <div className="plan-row" role="group" aria-label={t('plan.placement.settings')}>
        <label className="picker plan-num">{t('plan.placement.k')}
          <input type="number" min={PLACEMENT_K.min} max={PLACEMENT_K.max} value={form.k} onChange={(e) => set({ k: intIn(e.target.value, PLACEMENT_K.min, PLACEMENT_K.max, PLACEMENT_K.default) })} data-testid="placement-k" />
        </label>
        <label className="picker plan-num">{t('plan.placement.km')}
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} value={form.thresholdKm} onChange={(e) => set({ thresholdKm: intIn(e.target.value, PLAN_KM.min, PLAN_KM.max, PLAN_KM.default) })} data-testid="placement-km" />
        </label>
        <label className="picker">{t('plan.placement.candidates')}
          <select value={form.gridKm} onChange={(e) => set({ gridKm: Number(e.target.value) })} data-testid="placement-grid">
            {PLACEMENT_GRIDS.map((g) => <option key={g} value={g}>{g > 0 ? t('plan.placement.grid', { km: num(g) }) : t('plan.placement.everyPoint')}</option>)}
          </select>
        </label>
        <label className="picker">{t('plan.placement.objective')}
          <select value={form.objective} onChange={(e) => set({ objective: e.target.value as PlacementObjective })} data-testid="placement-objective">
            <option value="coverage">{t('plan.placement.coverage')}</option>
            <option value="p-median">{t('plan.placement.pMedian')}</option>
          </select>
        </label>
        <label className="plan-check"><input type="checkbox" checked={form.povertyWeighted} onChange={(e) => set({ povertyWeighted: e.target.checked })} data-testid="placement-poverty" />
          {t('plan.placement.poverty')}</label>
        <button type="button" className="plan-primary" onClick={run} disabled={!ready} data-testid="placement-run">{t(status === 'running' ? 'plan.placement.runAgain' : 'plan.placement.run')}</button>
      </div>
      <p className="access-note">
        {form.povertyWeighted
          ? t('plan.placement.povertyOn', { step: num(POVERTY_WEIGHT_STEP, 2), five: num(5), two: num(2), one: num(1) })
          : t('plan.placement.povertyOff')}
      </p>
      <p className="access-note" data-testid="placement-guarantee">
        {t(form.objective === 'coverage' ? 'plan.placement.guaranteeCoverage' : 'plan.placement.guaranteeMedian', { pct: i18n.pct(63) })}
      </p>
      <div role="status" aria-live="polite" data-testid="placement-status" data-state={status}>
        {status === 'running' && <p className="panel-status">{t('plan.placement.running')}</p>}
        {placed.status === 'error' && <p className="panel-error" role="alert">{t('plan.placement.error', { message: errorText(i18n, placed.error) })}</p>}
        {status === 'idle' && <p className="panel-status">{t('plan.placement.idle')}</p>}
      </div>
      {o && (
        <div className={status === 'running' ? 'access-updating' : undefined}>
          <p className="summary" data-testid="placement-summary">
            {o.sites.length === 0
              ? t('plan.placement.none', { km: num(o.request.thresholdKm) })
              : t(o.request.objective === 'p-median' ? 'plan.placement.summaryMedian' : 'plan.placement.summary', { n: num(o.sites.length), people: num(people), km: num(o.request.thresholdKm), districts: num(o.districts.length) })
                + (o.sites.length < o.request.k ? t('plan.placement.onlyHelp', { n: num(o.sites.length) }) : '')
                + t('plan.placement.took', { s: num(o.ms / 1000, 1) })}
          </p>
          <div className="grid-2">
            <div ref={ref}>{spec && <PlotFigure options={spec} testId="placement-curve" />}</div>
            <div>
              <div className="scroll-x">
                <table className="data-table" data-testid="placement-sites">
                  <caption className="sr-only">{t('plan.placement.sitesCaption')}</caption>
                  <thead><tr><th>#</th><th>{t('col.district')}</th><th className="num">{t('plan.placement.latLon')}</th><th className="num">{gainLabel(o.request, i18n)}</th></tr></thead>
                  <tbody>{o.sites.map((s, k) => (
                    <tr key={s.id}><td>{num(k + 1)}</td><td>{region(s.region_id, s.district)}</td><td className="num">{num(s.lat, 3)}, {num(s.lon, 3)}</td><td className="num" data-gain={s.gain}>{num(s.gain)}</td></tr>
                  ))}</tbody>
                  {o.sites.length > 1 && <tfoot><tr><td /><td>{t('plan.placement.total')}</td><td /><td className="num">{num(total)}</td></tr></tfoot>}
                </table>
              </div>
              {o.districts.length > 0 && (
                <p className="access-note" data-testid="placement-districts">
                  {t(o.request.objective === 'coverage' ? 'plan.placement.benefitCoverage' : 'plan.placement.benefitMedian', {
                    list: o.districts.slice(0, 8).map((d) => `${region(d.region_id, d.name)} ${num(d.people)}`).join(', ')
                      + (o.districts.length > 8 ? t('plan.placement.andMore', { n: num(o.districts.length - 8) }) : ''),
                  })}
                </p>
              )}
              {o.sites.length > 0 && <button type="button" className="access-button" onClick={() => onAdopt(o)} data-testid="placement-adopt">{t('plan.placement.adopt')}</button>}
            </div>
          </div>
        </div>
      )}
    </Panel>
  );
}
