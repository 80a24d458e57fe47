import { useMemo } from 'react';
import { MEASURE_META, type MeasureMeta } from '../charts/measureMeta';
import { useI18n } from '../i18n/I18nContext';
import type { DensityMeasure } from '../queries/overviewSql';

/** MEASURE_META with its label, short name and reference line in the interface language. */
export function useMeasureMeta(measure: DensityMeasure): MeasureMeta {
  const { t, num } = useI18n();
  // One object per measure and language, so that charts that depend on it are not rebuilt on every render.
  return useMemo(() => {
    const m = MEASURE_META[measure];
    const ref = m.reference;
    const refValue = measure === 'doctors' ? num(Math.round(1e4 / ref!.value)) : num(ref?.value, ref && Number.isInteger(ref.value) ? 0 : 1);
    return {
      ...m,
      label: t(`measure.${measure}.label`),
      short: t(`measure.${measure}.short`),
      reference: ref && measure !== 'facilities' ? { ...ref, label: t(`measure.${measure as 'workforce' | 'doctors' | 'beds'}.ref`, { value: refValue }) } : ref,
    };
  }, [measure, t, num]);
}
