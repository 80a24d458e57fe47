import { useI18n } from '../i18n/I18nContext';
import { heldMeasures } from '../metrics/dataHolds';
import { DENSITY_MEASURES, type DensityMeasure } from '../queries/overviewSql';
import { useDataHolds } from '../state/useDataHolds';

/**
 * The measure a view can show: the chosen one when the data hold it, else facilities per 10,000 (always known), with
 * the chosen one named as `unheld` so the view can say it is not in this dataset.
 */
export function useHeldMeasure(measure: DensityMeasure): { measure: DensityMeasure; unheld: DensityMeasure | null; offered: DensityMeasure[] } {
  const offered = heldMeasures(DENSITY_MEASURES, useDataHolds());
  return offered.includes(measure) ? { measure, unheld: null, offered } : { measure: 'facilities', unheld: measure, offered };
}

/** Which access measure the map, ranking and summary show: only the measures the data hold are offered. */
export function MeasurePicker({ value, onChange, offered = DENSITY_MEASURES, unheld = null }: {
  value: DensityMeasure; onChange: (m: DensityMeasure) => void; offered?: readonly DensityMeasure[]; unheld?: DensityMeasure | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="picker">
        {t('measure.picker')}
        <select value={value} onChange={(e) => onChange(e.target.value as DensityMeasure)} data-testid="filter-measure">
          {offered.map((m) => <option key={m} value={m}>{t(`measure.${m}.label`)}</option>)}
        </select>
      </label>
      {unheld && (
        <p className="muted small not-in-data" data-testid="measure-unheld">
          {t('known.measureUnheld', { measure: t(`measure.${unheld}.label`), shown: t(`measure.${value}.label`) })}
        </p>
      )}
    </>
  );
}
