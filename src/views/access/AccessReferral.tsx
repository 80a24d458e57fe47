import { useMemo } from 'react';
import { districtBarsSpec } from '../../charts/districtBarsSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useElementWidth } from '../../components/useElementWidth';
import { useI18n } from '../../i18n/I18nContext';
import { REFERRAL_LIMIT_MIN, type ReferralRow } from '../../metrics/referralTime';
import type { QueryState } from '../../state/useQuery';
import type { Analysis, ReferralView } from '../../state/useTravelAnalyses';
import type { AccessSettings } from './accessSettings';

interface Props {
  state: Analysis<ReferralView>;
  service: AccessSettings['service'];
  districts: readonly { region_id: string; name: string }[];
  caption: string;
}

/** Referral time: each health centre's travel time to the nearest hospital, median and centres beyond 2 hours by district. */
export function AccessReferral({ state, service, districts, caption }: Props) {
  const { t, num, pct, locale, dir } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const v = state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous ?? null : null;
  const rows = useMemo(() => {
    if (!v) return null;
    const by = new Map(v.districts.map((r) => [r.region_id, r]));
    return districts.filter((d) => by.has(d.region_id)).map((d) => ({ name: d.name, row: by.get(d.region_id)! }));
  }, [v, districts]);
  const spec = useMemo(() => (rows && width ? districtBarsSpec({
    rows: rows.filter((r) => r.row.median != null && Number.isFinite(r.row.median)).map((r) => ({ label: r.name, value: r.row.median! })),
    width, digits: 0, reference: REFERRAL_LIMIT_MIN, loc: { locale, rtl: dir === 'rtl' },
    xLabel: t('tta.refAxis'), ariaLabel: t('tta.refAria'), caption: t('tta.refCaption', { source: caption }),
  }) : null), // eslint-disable-next-line react-hooks/exhaustive-deps
  [rows, width, caption, locale, dir]);

  const minutes = (m: number | null) => (m == null ? '–' : Number.isFinite(m) ? num(m) : t('tta.unreached'));
  const beyond = (r: ReferralRow) => (r.placed > 0 ? pct((100 * r.beyond) / r.placed, 0) : '–');
  const panelState: QueryState<unknown> = state.status === 'ready' ? { status: 'ready', rows: [1] } : state.status === 'loading' ? { status: 'loading', rows: v ? [1] : undefined } : state;
  const n = v?.national;
  const empty = v && (v.hospitals === 0 || v.centres.length === 0);
  return (
    <Panel title={t('tta.refTitle')} subtitle={t('tta.refSubtitle', { service: t(`access.svc.${service}`) })} state={panelState} testId="referral-panel">
      {empty && <p className="access-note" role="status" data-testid="referral-empty">{t(v.hospitals === 0 ? 'tta.refNoHospital' : 'tta.refNoCentre')}</p>}
      {v && n && !empty && (
        <div className={state.status === 'loading' ? 'access-updating' : undefined}>
          <p className="access-note" data-testid="referral-summary" data-median={n.median ?? ''} data-beyond={n.beyond} data-placed={n.placed} data-centres={n.centres}>
            {t('tta.refSummary', { centres: num(n.centres), hospitals: num(v.hospitals), median: minutes(n.median), beyond: num(n.beyond), share: beyond(n), ms: num(v.computeMs) })}
          </p>
          <div ref={ref}>{spec && <PlotFigure options={spec} testId="referral-chart" summary={t('tta.refChartSummary', { median: minutes(n.median) })} />}</div>
          <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('tta.refTitle')}>
            <table className="data-table" data-testid="referral-table">
              <thead><tr><th>{t('tt.district')}</th><th className="num">{t('tta.centres')}</th><th className="num">{t('tta.median')}</th><th className="num">{t('tta.beyond2h')}</th></tr></thead>
              <tbody>
                <tr className="total"><th scope="row">{t('tt.national')}</th><td className="num">{num(n.centres)}</td><td className="num">{minutes(n.median)}</td><td className="num">{beyond(n)}</td></tr>
                {rows!.map(({ name, row }) => (
                  <tr key={row.region_id}><th scope="row">{name}</th><td className="num">{num(row.centres)}</td><td className="num">{minutes(row.median)}</td><td className="num">{beyond(row)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {!v && <div ref={ref} />}
    </Panel>
  );
}
