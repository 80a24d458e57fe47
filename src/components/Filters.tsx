import type { ReactNode } from 'react';
import { FACILITY_TYPES, OWNERSHIPS, SERVICES } from '../data/contract';
import { useI18n } from '../i18n/I18nContext';
import { facilityFiltersOf, FILTER_SETTINGS } from '../state/facilityFilters';
import type { FacilityFilters } from '../queries/overviewSql';
import type { QueryState } from '../state/useQuery';
import type { ViewState } from '../state/urlState';
import { useDataHolds } from '../state/useDataHolds';

/**
 * The global filters: region, and which facilities count (type, ownership, service) in the access densities.
 * Values go to SQL as parameters.
 */
export function Filters({ view, provinces, onChange, children }: {
  view: ViewState;
  children?: ReactNode;
  provinces: QueryState<{ region_id: string; name: string }>;
  onChange: (patch: Partial<ViewState>) => void;
}) {
  const { t, tx, region } = useI18n();
  const ff = facilityFiltersOf(view);
  // Only the categories the facilities hold (all of the contract's until that is known); no service filter at all when
  // no facility lists services — filtering on a column that is not there would only ever count zero facilities.
  const holds = useDataHolds();
  const held = (all: readonly string[], present: string[] | undefined, current: string | null | undefined) =>
    present ? all.filter((v) => present.includes(v) || v === current) : all;
  const types = held(FACILITY_TYPES, holds?.types, ff.facilityType);
  const owners = held(OWNERSHIPS, holds?.ownerships, ff.ownership);
  const services = held(SERVICES, holds?.services, ff.service);
  const label = (prefix: string, s: string) => tx(`${prefix}.${s}`, s.replace(/_/g, ' '));
  const setFilter = (key: keyof FacilityFilters, value: string) => onChange({ extra: FILTER_SETTINGS.write(view.extra, { [key]: value || null }) });
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.label')}>
      <label>
        {t('filters.region')}
        <select value={view.province ?? ''} onChange={(e) => onChange({ province: e.target.value || null, district: null })} data-testid="filter-province">
          <option value="">{t('filters.wholeCountry')}</option>
          {provinces.status === 'ready' && provinces.rows.map((p) => <option key={p.region_id} value={p.region_id}>{region(p.region_id, p.name)}</option>)}
        </select>
      </label>
      <label>
        {t('filters.ftype')}
        <select value={ff.facilityType ?? ''} onChange={(e) => setFilter('facilityType', e.target.value)} data-testid="filter-ftype">
          <option value="">{t('filters.allTypes')}</option>
          {types.map((v) => <option key={v} value={v}>{label('ftype', v)}</option>)}
        </select>
      </label>
      <label>
        {t('filters.owner')}
        <select value={ff.ownership ?? ''} onChange={(e) => setFilter('ownership', e.target.value)} data-testid="filter-owner">
          <option value="">{t('filters.allOwners')}</option>
          {owners.map((v) => <option key={v} value={v}>{label('owner', v)}</option>)}
        </select>
      </label>
      {(services.length > 0 || ff.service) && <label>
        {t('filters.service')}
        <select value={ff.service ?? ''} onChange={(e) => setFilter('service', e.target.value)} data-testid="filter-service">
          <option value="">{t('filters.anyService')}</option>
          {services.map((v) => <option key={v} value={v}>{label('service', v)}</option>)}
        </select>
      </label>}
      {children}
    </form>
  );
}
