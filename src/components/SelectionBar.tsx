import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { regionNameQuery } from '../queries/overviewSql';
import { useQuery } from '../state/useQuery';

/** The one visible "clear selection": a selected district is highlighted in every view until cleared. */
export function SelectionBar({ district, onClear }: { district: string | null; onClear: () => void }) {
  const { t, region } = useI18n();
  const name = useQuery<{ name: string }>(useMemo(() => regionNameQuery(district ?? ''), [district]), ['regions']);
  if (!district) return null;
  const label = region(district, name.status === 'ready' && name.rows[0] ? name.rows[0].name : district);
  return (
    <div className="selection-bar" role="status" data-testid="selection-bar">
      {t('selection.label')} <strong>{label}</strong>
      <button type="button" onClick={onClear} data-testid="clear-selection">{t('selection.clear')}</button>
    </div>
  );
}
