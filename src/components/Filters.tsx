import type { ReactNode } from 'react';
import { FACILITY_TYPES, OWNERSHIPS, SERVICES } from '../data/contract';
import { facilityFiltersOf } from '../state/facilityFilters';
import type { QueryState } from '../state/useQuery';
import type { ViewState } from '../state/urlState';

const label = (s: string) => s.replace(/_/g, ' ');

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
  const ff = facilityFiltersOf(view);
  const setExtra = (key: string, value: string) => {
    const extra = { ...view.extra };
    if (value) extra[key] = value;
    else delete extra[key];
    onChange({ extra });
  };
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <label>
        Region
        <select value={view.province ?? ''} onChange={(e) => onChange({ province: e.target.value || null, district: null })} data-testid="filter-province">
          <option value="">Whole country</option>
          {provinces.status === 'ready' && provinces.rows.map((p) => <option key={p.region_id} value={p.region_id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        Facility type
        <select value={ff.facilityType ?? ''} onChange={(e) => setExtra('ftype', e.target.value)} data-testid="filter-ftype">
          <option value="">All types</option>
          {FACILITY_TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
        </select>
      </label>
      <label>
        Ownership
        <select value={ff.ownership ?? ''} onChange={(e) => setExtra('owner', e.target.value)} data-testid="filter-owner">
          <option value="">All owners</option>
          {OWNERSHIPS.map((t) => <option key={t} value={t}>{label(t)}</option>)}
        </select>
      </label>
      <label>
        Service
        <select value={ff.service ?? ''} onChange={(e) => setExtra('service', e.target.value)} data-testid="filter-service">
          <option value="">Any service</option>
          {SERVICES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
        </select>
      </label>
      {children}
    </form>
  );
}
