import { useI18n } from '../i18n/I18nContext';
import { DEMO_SOURCE } from '../state/datasetStore';
import { useDataset } from '../state/useDataset';

/**
 * What a source line says the data are: the synthetic demo, the loaded dataset, or the loaded dataset with the
 * demo's synthetic tables named (a mix is never called real, nor the user's data synthetic).
 */
export function useSourceLabel(): string {
  const { syntheticTables, sources } = useDataset('syntheticTables', 'sources');
  const { t } = useI18n();
  const userTables = Object.values(sources).some((s) => s && s !== DEMO_SOURCE);
  if (syntheticTables.length === 0) return t('source.loaded');
  if (!userTables) return t('source.synthetic');
  return t('source.mixed', { tables: syntheticTables.join(', ') });
}
