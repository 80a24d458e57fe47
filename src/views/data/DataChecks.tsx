import { BOUNDARY_TOLERANCE_KM, DUPLICATE_RADIUS_KM, POPULATION_SUM_TOLERANCE } from '../../data/plausibilitySql';
import { useI18n } from '../../i18n/I18nContext';
import type { FlaggedFacilityRow } from '../../queries/flagsSql';
import { useDataset } from '../../state/useDataset';
import type { QueryState } from '../../state/useQuery';
import { Panel } from '../../components/Panel';

/**
 * The plausibility warnings (counts and up to 5 examples per check), the rows left out for dangling keys, and the
 * flagged facilities. Examples quote the data, in English like the validator's messages.
 */
export function DataChecks({ flagged }: { flagged: QueryState<FlaggedFacilityRow> }) {
  const { plausibility, dangling } = useDataset('plausibility', 'dangling');
  const { t, num, pct } = useI18n();
  const found = plausibility?.findings.filter((f) => f.count > 0) ?? [];
  const label = (id: string) => t(`checks.id.${id}` as 'checks.id.duplicate', { km: num(BOUNDARY_TOLERANCE_KM), m: num(DUPLICATE_RADIUS_KM * 1000), pct: pct(POPULATION_SUM_TOLERANCE * 100, 0) });
  const rows = flagged.status === 'ready' ? flagged.rows : [];
  return (
    <Panel title={t('checks.title')} subtitle={t('checks.subtitle')} testId="data-checks">
      {!plausibility && <p className="panel-status" role="status">{t('panel.computing')}</p>}
      {plausibility && found.length === 0 && <p data-testid="checks-none">{t('checks.none', { n: num(plausibility.findings.length) })}</p>}
      <ul className="load-report">
        {found.map((f) => (
          <li key={f.id} data-check={f.id} data-count={f.count} className="warning">
            <strong>{label(f.id)}</strong>: {t('checks.count', { n: num(f.count) })}
            <ul>{f.examples.map((e) => <li key={e} lang="en" dir="ltr">{e}</li>)}</ul>
          </li>
        ))}
        {dangling.map((d) => (
          <li key={`${d.table}.${d.column}`} data-dangling={`${d.table}.${d.column}`} data-count={d.rows} className="warning">
            {t('checks.dangling', { rows: num(d.rows), table: d.table, column: d.column, target: d.target, examples: d.examples.join(', ') })}
          </li>
        ))}
      </ul>
      {plausibility?.skipped.map((s) => <p key={s.id} className="muted small">{t('checks.skipped', { check: label(s.id), reason: s.reason })}</p>)}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="flagged-facilities">
            <caption>{t('checks.flagged', { n: num(rows.length) })}</caption>
            <thead><tr><th>facility_id</th><th>name</th><th>{t('checks.col.flag')}</th><th>region_id</th><th>{t('checks.col.foundIn')}</th><th className="num">km</th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr key={`${r.facility_id}-${r.flag}`} data-flag={r.flag}>
                <td>{r.facility_id}</td><td>{r.name}</td><td>{label(r.flag)}</td><td>{r.region_id}</td><td>{r.found_in}</td><td className="num">{r.km == null ? '' : num(r.km, 1)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
