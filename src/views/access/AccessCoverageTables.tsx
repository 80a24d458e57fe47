import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import type { CoverageRow } from '../../metrics/capacityCoverage';
import type { CoverageView } from '../../state/useTravelAnalyses';

/**
 * The coverage tables: served and unserved people per district (the map's table alternative), and, on request, every
 * facility with its capacity in people, its turn, the people it served and its unused capacity.
 */
export function AccessCoverageTables({ view, districts }: { view: CoverageView; districts: readonly { region_id: string; name: string }[] }) {
  const { t, num, pct } = useI18n();
  const [open, setOpen] = useState(false);
  const by = new Map(view.districts.map((r) => [r.region_id, r]));
  const rows = districts.filter((d) => by.has(d.region_id)).map((d) => ({ name: d.name, row: by.get(d.region_id)! }));
  const total = rows.reduce<CoverageRow>((s, { row }) => ({ region_id: '', population: s.population + row.population, served: s.served + row.served, unserved: s.unserved + row.unserved }), { region_id: '', population: 0, served: 0, unserved: 0 });
  const national = rows.length === view.districts.length;
  const cells = (r: CoverageRow) => [
    <td key="p" className="num">{num(r.population)}</td>, <td key="s" className="num">{num(r.served)}</td>,
    <td key="u" className="num">{num(r.unserved)}</td>, <td key="sh" className="num">{pct(r.population > 0 ? (100 * r.served) / r.population : NaN, 0)}</td>,
  ];
  const order = view.facilities.map((f, i) => ({ f, c: view.result.facilities[i] })).sort((a, b) => (a.c.rank ?? Infinity) - (b.c.rank ?? Infinity));
  return (
    <>
      <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('tta.covTable')}>
        <table className="data-table" data-testid="capacity-coverage-table">
          <thead><tr><th>{t('tt.district')}</th><th className="num">{t('tta.population')}</th><th className="num">{t('tta.served')}</th><th className="num">{t('tta.unserved')}</th><th className="num">{t('tta.servedShare')}</th></tr></thead>
          <tbody>
            <tr className="total" data-testid="capacity-coverage-total" data-population={total.population} data-served={total.served} data-unserved={total.unserved}>
              <th scope="row">{national ? t('tt.national') : t('tta.inScope')}</th>{cells(total)}
            </tr>
            {rows.map(({ name, row }) => <tr key={row.region_id}><th scope="row">{name}</th>{cells(row)}</tr>)}
          </tbody>
        </table>
      </div>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="capacity-coverage-facilities">
        <summary>{t('tta.covFacilities', { count: num(view.facilities.length) })}</summary>
        {open && (
          <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('tta.covFacilities', { count: num(view.facilities.length) })}>
            <table className="data-table">
              <thead><tr><th className="num">{t('tta.rank')}</th><th>{t('tta.facility')}</th><th className="num">{t('tta.capacityPeople')}</th><th className="num">{t('tta.withinReach')}</th><th className="num">{t('tta.served')}</th><th className="num">{t('tta.unused')}</th></tr></thead>
              <tbody>
                {order.map(({ f, c }) => (
                  <tr key={f.facility_id}>
                    <td className="num">{c.rank ?? '–'}</td><th scope="row">{f.name ?? f.facility_id}</th>
                    <td className="num">{f.people == null ? t('known.notInData') : num(f.people)}</td>
                    <td className="num">{c.withinReach == null ? '–' : num(c.withinReach)}</td>
                    <td className="num">{c.served == null ? '–' : num(c.served)}</td><td className="num">{c.unused == null ? '–' : num(c.unused)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </>
  );
}
