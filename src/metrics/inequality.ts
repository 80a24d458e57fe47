/**
 * WHO HEAT summary measures of health inequality (D, R, PAF, PAR; ACI, RCI, SII, RII for ordered
 * dimensions; BGV ... MLD for non-ordered ones), pure TypeScript. Implementation in ./inequality/.
 */
export { summaryMeasures, measureAvailability } from './inequality/summary';
export { MEASURES, readMeasure, type MeasureMeta, type ReadingContext } from './inequality/metadata';
export { MIN_ESTIMATE_SHARE } from './inequality/prepare';
export { riditScores } from './inequality/ordered';
export {
  MEASURE_CODES,
  type Availability,
  type MeasureCode,
  type MeasureOptions,
  type MeasureResults,
  type MeasureValue,
  type SiiMethod,
  type Subgroup,
  type SummaryInput,
} from './inequality/types';
