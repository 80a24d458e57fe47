import { useI18n } from '../i18n/I18nContext';

/** The one visible "clear selection": a selected district is highlighted in every view until cleared. */
export function SelectionBar({ district, onClear }: { district: string | null; onClear: () => void }) {
  const { t, region } = useI18n();
  if (!district) return null;
  // The name in the interface language, from the region names already loaded (the code until they are).
  return (
    <div className="selection-bar" role="status" data-testid="selection-bar">
      {t('selection.label')} <strong>{region(district)}</strong>
      <button type="button" onClick={onClear} data-testid="clear-selection">{t('selection.clear')}</button>
    </div>
  );
}
