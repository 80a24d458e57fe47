import type { ReactNode } from 'react';
import type { QueryState } from '../state/useQuery';
import type { ViewState } from '../state/urlState';

/** The global region picker, plus any view-specific pickers passed as children; values go to SQL as parameters. */
export function Filters({ view, provinces, onChange, children }: {
  view: ViewState;
  children?: ReactNode;
  provinces: QueryState<{ region_id: string; name: string }>;
  onChange: (patch: Partial<ViewState>) => void;
}) {
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <label>
        Region
        <select value={view.province ?? ''} onChange={(e) => onChange({ province: e.target.value || null, district: null })} data-testid="filter-province">
          <option value="">Whole country</option>
          {provinces.status === 'ready' && provinces.rows.map((p) => <option key={p.region_id} value={p.region_id}>{p.name}</option>)}
        </select>
      </label>
      {children}
    </form>
  );
}
