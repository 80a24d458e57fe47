import { MEASURE_META } from '../charts/measureMeta';
import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';

/** Which access measure the map, ranking and summary show. */
export function MeasurePicker({ value, onChange }: { value: DensityMeasure; onChange: (m: DensityMeasure) => void }) {
  return (
    <label className="picker">
      Access measure
      <select value={value} onChange={(e) => onChange(e.target.value as DensityMeasure)} data-testid="filter-measure">
        {DENSITY_MEASURES.map((m) => <option key={m} value={m}>{MEASURE_META[m].label}</option>)}
      </select>
    </label>
  );
}
