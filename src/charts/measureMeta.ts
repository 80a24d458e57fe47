import { HPSA_POPULATION_PER_PHYSICIAN, UHC_BEDS_PER_10K_FULL_SCORE, WHO_WORKFORCE_PER_10K } from '../metrics/accessThresholds';
import type { DensityMeasure, DistrictDensityRow } from '../queries/overviewSql';

export interface MeasureMeta {
  label: string;
  short: string;
  column: keyof DistrictDensityRow & `${string}_per_10k`;
  countColumn: keyof DistrictDensityRow;
  digits: number;
  /** A published reference line, where one exists. */
  reference?: { value: number; label: string; meaning: 'minimum' };
}

export const MEASURE_META: Record<DensityMeasure, MeasureMeta> = {
  workforce: {
    label: 'Health workers per 10,000 people (doctors + nurses + midwives)', short: 'Health workers / 10k',
    column: 'workforce_per_10k', countColumn: 'workforce', digits: 1,
    reference: { value: WHO_WORKFORCE_PER_10K, label: `WHO threshold ${WHO_WORKFORCE_PER_10K}`, meaning: 'minimum' },
  },
  doctors: {
    label: 'Doctors per 10,000 people', short: 'Doctors / 10k', column: 'doctors_per_10k', countColumn: 'doctors', digits: 2,
    // 1 physician per 3,500 people = 2.86 per 10,000: below it an area qualifies as a shortage area (HRSA HPSA).
    reference: { value: 1e4 / HPSA_POPULATION_PER_PHYSICIAN, label: `Shortage line 1 : ${HPSA_POPULATION_PER_PHYSICIAN.toLocaleString('en')}`, meaning: 'minimum' },
  },
  beds: {
    label: 'Hospital beds per 10,000 people', short: 'Beds / 10k', column: 'beds_per_10k', countColumn: 'beds', digits: 1,
    reference: { value: UHC_BEDS_PER_10K_FULL_SCORE, label: `UHC index full score ${UHC_BEDS_PER_10K_FULL_SCORE}`, meaning: 'minimum' },
  },
  facilities: {
    label: 'Health facilities per 10,000 people', short: 'Facilities / 10k', column: 'facilities_per_10k', countColumn: 'facilities', digits: 2,
  },
};

/** Locale-aware (Intl) number formatting; the locale comes from the interface language (i18n/format.ts). */
export { formatNumber, formatTick } from '../i18n/format';
