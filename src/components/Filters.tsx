import { MEASURE_META } from '../charts/measureMeta';
import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';
import type { QueryState } from '../state/useQuery';
import type { ViewState } from '../state/urlState';

/** Region and measure pickers; every value goes to SQL as a parameter. */
export function Filters({ view, provinces, onChange }: {
  view: ViewState;
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
      <label>
        Access measure
        <select value={view.measure} onChange={(e) => onChange({ measure: e.target.value as DensityMeasure })} data-testid="filter-measure">
          {DENSITY_MEASURES.map((m) => <option key={m} value={m}>{MEASURE_META[m].label}</option>)}
        </select>
      </label>
    </form>
  );
}
