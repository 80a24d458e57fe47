import { useI18n } from '../i18n/I18nContext';
import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';

/** Which access measure the map, ranking and summary show. */
export function MeasurePicker({ value, onChange }: { value: DensityMeasure; onChange: (m: DensityMeasure) => void }) {
  const { t } = useI18n();
  return (
    <label className="picker">
      {t('measure.picker')}
      <select value={value} onChange={(e) => onChange(e.target.value as DensityMeasure)} data-testid="filter-measure">
        {DENSITY_MEASURES.map((m) => <option key={m} value={m}>{t(`measure.${m}.label`)}</option>)}
      </select>
    </label>
  );
}
