import { useCallback, useMemo } from 'react';
import { planMapSpec, type PlanMapDistrict } from '../../charts/planMapSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import type { FacilityPoint } from '../../queries/accessViewSql';
import { useDataset } from '../../state/useDataset';
import type { QueryState } from '../../state/useQuery';
import type { PlanMeasures } from './planModel';
import type { PlanScenario } from './planScenarios';
import type { PlacementOutcome } from './usePlanData';

/**
 * Districts coloured by today's share within reach, or by the active scenario's gain, with the scenario's changes and
 * the proposed sites on top. Clicking a district selects it.
 */
export function PlanMap({ base, current, scenario, facilities, proposed, km, selected, computing, state, onSelect }: {
  base: PlanMeasures | null; current: PlanMeasures | null; scenario: PlanScenario | undefined; facilities: readonly FacilityPoint[];
  proposed: PlacementOutcome | undefined; km: number; selected: string | null; computing: boolean; state: QueryState<unknown> | undefined;
  onSelect: (id: string) => void;
}) {
  const { boundaries } = useDataset('boundaries');
  const sourceLabel = useSourceLabel();
  const { t, num, region, locale, dir } = useI18n();
  const byId = useMemo(() => new Map(facilities.map((f) => [f.facility_id, f])), [facilities]);
  const source = t('plan.source', { source: sourceLabel });
  const spec = useCallback((width: number) => {
    if (!base || !boundaries) return null;
    const afterById = new Map(current?.districts.map((d) => [d.region_id, d.share]) ?? []);
    const districts: PlanMapDistrict[] = base.districts.map((d) => ({ region_id: d.region_id, name: region(d.region_id, d.name), before: d.share, after: current ? afterById.get(d.region_id) ?? null : null }));
    const edits = scenario?.edits ?? [];
    return planMapSpec({
      districts, boundaries, facilities,
      added: edits.flatMap((e) => (e.kind === 'add' ? [{ lat: e.lat, lon: e.lon, label: e.id }] : [])),
      outreach: edits.flatMap((e) => (e.kind === 'outreach' ? [{ lat: e.lat, lon: e.lon, label: e.id, radiusKm: e.radiusKm }] : [])),
      upgraded: edits.flatMap((e) => { const f = e.kind === 'upgrade' ? byId.get(e.facilityId) : undefined; return f ? [{ lat: f.lat, lon: f.lon, label: f.name }] : []; }),
      proposed: proposed?.sites.map((s, k) => ({ lat: s.lat, lon: s.lon, label: t('plan.site', { n: num(k + 1) }) })) ?? [],
      selected, thresholdKm: km, width, caption: source, loc: { locale, rtl: dir === 'rtl' }, t,
    });
  }, [base, current, scenario, boundaries, facilities, byId, proposed, selected, km, source, t, num, locale, dir, region]);
  const onMapSelect = (datum: unknown) => {
    const id = (datum as { properties?: { region_id?: string } })?.properties?.region_id;
    if (id && base?.districts.some((d) => d.region_id === id)) onSelect(id);
  };
  return (
    <Panel title={scenario ? t('plan.map.titleGain', { name: scenario.name }) : t('plan.map.titleToday', { km: num(km) })} testId="plan-map-panel" id="plan-map"
      subtitle={`${scenario ? t('plan.map.subtitleGain', { km: num(km) }) : t('plan.map.subtitleToday', { km: num(km) })} ${t('plan.map.key')}`}
      state={state}>
      <div className={scenario && computing ? 'access-updating' : undefined}><PlotFigure spec={spec} testId="plan-map" onSelect={onMapSelect} /></div>
      {scenario && computing && <p className="panel-status" role="status">{t('plan.recomputing', { name: scenario.name })}</p>}
    </Panel>
  );
}
