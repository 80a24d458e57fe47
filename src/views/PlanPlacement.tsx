import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../charts/measureMeta';
import { placementCurveSpec } from '../charts/placementCurveSpec';
import { PlotFigure } from '../charts/PlotFigure';
import { Panel } from '../components/Panel';
import { useElementWidth } from '../components/useElementWidth';
import { isAbort, type SqlRunner } from '../db/sqlRunner';
import { POVERTY_WEIGHT_STEP, type PlacementObjective } from '../metrics/placement';
import { placementDistrictsQuery, siteDistrictsQuery, type PlacementDistrictRow } from '../queries/planSql';
import { runPlacement, type PlacementSite } from '../queries/placementSql';
import { useDataset } from '../state/useDataset';
import { PLACEMENT_GRIDS, PLACEMENT_K, PLAN_KM, type PlacementRequest } from './planScenarios';

export type { PlacementRequest };

export interface PlacementOutcome {
  request: PlacementRequest;
  sites: (PlacementSite & { region_id: string; district: string; gain: number })[];
  districts: PlacementDistrictRow[];
  ms: number;
}

/** Every query of one run carries the run's signal: a newer run (or leaving the view) cancels the rest. */
function withSignal(db: SqlRunner, signal: AbortSignal): SqlRunner {
  return {
    rows: (q, o) => db.rows(q, { ...o, signal }),
    arrow: (q, o) => db.arrow(q, { ...o, signal }),
    insertArrowIPC: (name, ipc) => db.insertArrowIPC(name, ipc),
    close: () => db.close(),
  };
}

async function place(db: SqlRunner, r: PlacementRequest): Promise<Omit<PlacementOutcome, 'ms'>> {
  const res = await runPlacement(db, {
    k: r.k, thresholdKm: r.thresholdKm, objective: r.objective, povertyWeighted: r.povertyWeighted,
    candidates: r.gridKm > 0 ? { gridKm: r.gridKm } : 'population',
  });
  const where = new Map((await db.rows<{ id: string; region_id: string; name: string }>(siteDistrictsQuery(res.chosen))).map((s) => [s.id, s]));
  const districts = await db.rows<PlacementDistrictRow>(placementDistrictsQuery(res.sites, r.thresholdKm, r.objective));
  const gain = new Map(res.chosen.map((id, t) => [id, res.gains[t]]));
  return {
    request: r,
    sites: res.sites.map((s) => ({ ...s, region_id: where.get(s.id)?.region_id ?? '', district: where.get(s.id)?.name ?? '?', gain: gain.get(s.id) ?? 0 })),
    districts,
  };
}

export function gainLabel(r: PlacementRequest): string {
  if (r.objective === 'coverage') return `${r.povertyWeighted ? 'Poverty-weighted people' : 'People'} newly within ${r.thresholdKm} km`;
  return `${r.povertyWeighted ? 'Poverty-weighted ' : ''}person-km saved (distances capped at ${r.thresholdKm} km)`;
}

/**
 * Where would K new facilities help the most people? Greedy placement, run on demand. The form's settings live in
 * the link (`form` / `onForm`, see planScenarios.ts), so a link reproduces the setup; running needs the Run button.
 */
export function PlanPlacement({ form, onForm, onResult, onAdopt }: {
  form: PlacementRequest; onForm: (r: PlacementRequest) => void; onResult: (o: PlacementOutcome | null) => void; onAdopt: (o: PlacementOutcome) => void;
}) {
  const { engine, tables, synthetic } = useDataset();
  const [asked, setAsked] = useState<{ r: PlacementRequest; n: number } | null>(null);
  const [state, setState] = useState<{ status: 'idle' | 'running' | 'done' | 'error'; message?: string; outcome?: PlacementOutcome }>({ status: 'idle' });
  const resultRef = useRef(onResult);
  resultRef.current = onResult;
  const ready = engine.state === 'ready' && (['population', 'facilities', 'regions'] as const).every((t) => tables[t].state === 'ready');

  useEffect(() => {
    if (!asked || engine.state !== 'ready') return;
    const controller = new AbortController();
    const start = performance.now();
    setState((s) => ({ ...s, status: 'running' }));
    place(withSignal(engine.db, controller.signal), asked.r).then(
      (o) => {
        if (controller.signal.aborted) return;
        const end = performance.now();
        performance.measure('plan-placement', { start, end });
        const outcome = { ...o, ms: end - start };
        setState({ status: 'done', outcome });
        resultRef.current(outcome);
      },
      (e: Error) => !controller.signal.aborted && !isAbort(e) && setState({ status: 'error', message: e.message }),
    );
    return () => controller.abort();
  }, [asked, engine]);

  const [ref, width] = useElementWidth<HTMLDivElement>();
  const o = state.outcome;
  const spec = useMemo(() => (o && width && o.sites.length
    ? placementCurveSpec({ gains: o.sites.map((s) => s.gain), yLabel: gainLabel(o.request), width,
      caption: `Source: ${synthetic ? 'synthetic demonstration data (not a real country)' : 'loaded dataset'}; population points and facilities. Bars: what each site adds; line: the running total.` })
    : null), [o, width, synthetic]);
  const set = (patch: Partial<PlacementRequest>) => onForm({ ...form, ...patch });
  const intIn = (v: string, lo: number, hi: number, d: number) => {
    const x = Math.round(Number(v));
    return Number.isFinite(x) ? Math.max(lo, Math.min(hi, x)) : d;
  };
  const total = o?.sites.reduce((s, x) => s + x.gain, 0) ?? 0;
  const people = o?.districts.reduce((s, d) => s + d.people, 0) ?? 0;
  const run = () => setAsked({ r: form, n: (asked?.n ?? 0) + 1 });

  return (
    <Panel title="Where would K new facilities help the most people?" testId="plan-placement-panel" id="plan-placement"
      subtitle="Proposes sites one at a time, each where it adds the most; press Run (it takes a few seconds).">
      <div className="plan-row" role="group" aria-label="Placement settings">
        <label className="picker plan-num">New facilities (K)
          <input type="number" min={PLACEMENT_K.min} max={PLACEMENT_K.max} value={form.k} onChange={(e) => set({ k: intIn(e.target.value, PLACEMENT_K.min, PLACEMENT_K.max, PLACEMENT_K.default) })} data-testid="placement-k" />
        </label>
        <label className="picker plan-num">Within (km)
          <input type="number" min={PLAN_KM.min} max={PLAN_KM.max} value={form.thresholdKm} onChange={(e) => set({ thresholdKm: intIn(e.target.value, PLAN_KM.min, PLAN_KM.max, PLAN_KM.default) })} data-testid="placement-km" />
        </label>
        <label className="picker">Candidate sites
          <select value={form.gridKm} onChange={(e) => set({ gridKm: Number(e.target.value) })} data-testid="placement-grid">
            {PLACEMENT_GRIDS.map((g) => <option key={g} value={g}>{g > 0 ? `Grid of ${g} km (most populous point of each square)` : 'Every population point (slowest)'}</option>)}
          </select>
        </label>
        <label className="picker">Objective
          <select value={form.objective} onChange={(e) => set({ objective: e.target.value as PlacementObjective })} data-testid="placement-objective">
            <option value="coverage">Most people newly within reach (coverage)</option>
            <option value="p-median">Shortest total distance (p-median)</option>
          </select>
        </label>
        <label className="plan-check"><input type="checkbox" checked={form.povertyWeighted} onChange={(e) => set({ povertyWeighted: e.target.checked })} data-testid="placement-poverty" />
          Count the poorest more</label>
        <button type="button" className="plan-primary" onClick={run} disabled={!ready} data-testid="placement-run">{state.status === 'running' ? 'Run again (cancels this run)' : 'Run'}</button>
      </div>
      <p className="access-note">
        {form.povertyWeighted
          ? `Poverty weighting: each person counts 1 + ${POVERTY_WEIGHT_STEP} × (5 − wealth quintile) — the poorest fifth count 2, the richest fifth 1 (wealth quintile of each population point; unknown counts 1). A policy choice, not a published constant.`
          : 'Every person counts the same. Tick “Count the poorest more” to weight people by the wealth quintile of where they live.'}
      </p>
      <p className="access-note" data-testid="placement-guarantee">
        {form.objective === 'coverage'
          ? 'How good is it? Choosing sites one at a time like this is proven to reach at least 63% (1 − 1/e) of the best possible number of people for the same K, and usually comes much closer. Each new site adds no more than the one before it.'
          : 'How good is it? The one-at-a-time choice is proven to achieve at least 63% (1 − 1/e) of the best possible reduction in total distance for the same K. Each new site saves no more than the one before it.'}
      </p>
      <div role="status" aria-live="polite" data-testid="placement-status" data-state={state.status}>
        {state.status === 'running' && <p className="panel-status">Computing the best sites… (this takes a few seconds)</p>}
        {state.status === 'error' && <p className="panel-error" role="alert">The placement could not be computed: {state.message}</p>}
        {state.status === 'idle' && <p className="panel-status">Choose the settings and press Run.</p>}
      </div>
      {o && (
        <div className={state.status === 'running' ? 'access-updating' : undefined}>
          <p className="summary" data-testid="placement-summary">
            {o.sites.length === 0
              ? `No site would bring anyone new within ${o.request.thresholdKm} km: everyone is already within reach.`
              : `${o.sites.length} new facilit${o.sites.length === 1 ? 'y' : 'ies'} would bring ${formatNumber(people)} more people within ${o.request.thresholdKm} km` +
                `${o.request.objective === 'p-median' ? ' or closer to care' : ''}, in ${o.districts.length} district${o.districts.length === 1 ? '' : 's'}` +
                `${o.sites.length < o.request.k ? ` (only ${o.sites.length} sites help anyone)` : ''}. Computed in ${formatNumber(o.ms / 1000, 1)} s.`}
          </p>
          <div className="grid-2">
            <div ref={ref}>{spec && <PlotFigure options={spec} testId="placement-curve" />}</div>
            <div>
              <table className="data-table" data-testid="placement-sites">
                <caption className="sr-only">Proposed sites in the order chosen</caption>
                <thead><tr><th>#</th><th>District</th><th className="num">Latitude, longitude</th><th className="num">{gainLabel(o.request)}</th></tr></thead>
                <tbody>{o.sites.map((s, t) => (
                  <tr key={s.id}><td>{t + 1}</td><td>{s.district}</td><td className="num">{s.lat.toFixed(3)}, {s.lon.toFixed(3)}</td><td className="num" data-gain={s.gain}>{formatNumber(s.gain)}</td></tr>
                ))}</tbody>
                {o.sites.length > 1 && <tfoot><tr><td /><td>Total</td><td /><td className="num">{formatNumber(total)}</td></tr></tfoot>}
              </table>
              {o.districts.length > 0 && (
                <p className="access-note" data-testid="placement-districts">
                  Districts that benefit (people newly {o.request.objective === 'coverage' ? 'within reach' : 'closer to care'}): {o.districts.slice(0, 8).map((d) => `${d.name} ${formatNumber(d.people)}`).join(', ')}{o.districts.length > 8 ? `, and ${o.districts.length - 8} more` : ''}.
                </p>
              )}
              {o.sites.length > 0 && <button type="button" className="access-button" onClick={() => onAdopt(o)} data-testid="placement-adopt">Make these sites a scenario</button>}
            </div>
          </div>
        </div>
      )}
    </Panel>
  );
}
