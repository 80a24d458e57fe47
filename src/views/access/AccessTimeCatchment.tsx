import { useMemo } from 'react';
import { districtBarsSpec } from '../../charts/districtBarsSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import type { QueryState } from '../../state/useQuery';
import type { Analysis, CatchmentView } from '../../state/useTravelAnalyses';
import type { AccessSettings } from './accessSettings';

interface Props {
  state: Analysis<CatchmentView>;
  settings: AccessSettings;
  catchmentMinutes: number;
  districts: readonly { region_id: string; name: string }[];
  caption: string;
}

/** The view's floating catchment measure with its catchment and decay in minutes of travel over roads and terrain. */
export function AccessTimeCatchment({ state, settings: s, catchmentMinutes, districts, caption }: Props) {
  const { t, num, locale, dir } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const v = state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous ?? null : null;
  const rows = useMemo(() => {
    if (!v) return null;
    const by = new Map(v.districts.map((r) => [r.region_id, r]));
    return districts.filter((d) => by.has(d.region_id)).map((d) => ({ name: d.name, value: by.get(d.region_id)!.accessibility }));
  }, [v, districts]);
  const unit = t(`access.capUnit.${s.capacity}`);
  const spec = useMemo(() => (rows && width ? districtBarsSpec({
    rows: rows.filter((r) => r.value != null).map((r) => ({ label: r.name, value: 10_000 * r.value! })),
    width, digits: 2, loc: { locale, rtl: dir === 'rtl' }, xLabel: unit, ariaLabel: t('tta.fcaAria'), caption: t('tta.fcaCaption', { source: caption }),
  }) : null), // eslint-disable-next-line react-hooks/exhaustive-deps
  [rows, width, unit, caption, locale, dir]);

  const method = s.method === 'gravity' ? 'e2sfca_gauss' : s.method;
  const panelState: QueryState<unknown> = state.status === 'ready' ? { status: 'ready', rows: [1] } : state.status === 'loading' ? { status: 'loading', rows: v ? [1] : undefined } : state;
  const value = (a: number | null) => (a == null ? '–' : num(10_000 * a, 2));
  const national = v?.national.accessibility ?? null;
  return (
    <Panel title={t('tta.fcaTitle', { method: t(`access.method.${method}`) })} state={panelState} testId="time-catchment-panel"
      subtitle={t('tta.fcaSubtitle', { minutes: num(catchmentMinutes), km: num(s.catchmentKm), circuity: num(s.circuity, 1), speed: num(s.speedKmh), capacity: t(`access.cap.${s.capacity}`) }) + (s.method === 'gravity' ? ` ${t('tta.fcaGravity')}` : '')}>
      {v && (
        <div className={state.status === 'loading' ? 'access-updating' : undefined}>
          <p className="access-note" data-testid="time-catchment-summary" data-national={national ?? ''}>
            {t('tta.fcaSummary', { value: value(national), unit, facilities: num(v.withDemand), all: num(v.facilities), ms: num(v.computeMs) })}
          </p>
          <div ref={ref}>{spec && <PlotFigure options={spec} testId="time-catchment-chart" summary={t('tta.fcaChartSummary', { value: value(national), unit })} />}</div>
          <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('tta.fcaAria')}>
            <table className="data-table" data-testid="time-catchment-table">
              <thead><tr><th>{t('tt.district')}</th><th className="num">{unit}</th></tr></thead>
              <tbody>
                <tr className="total"><th scope="row">{t('tt.national')}</th><td className="num">{value(national)}</td></tr>
                {rows!.map((r) => <tr key={r.name}><th scope="row">{r.name}</th><td className="num">{value(r.value)}</td></tr>)}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {!v && <div ref={ref} />}
    </Panel>
  );
}
