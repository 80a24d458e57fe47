import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { applyUpdate, onUpdateReady, updateIsReady } from '../offline/registerServiceWorker';

/** A quiet line when a new deployment has been cached: reload to run it (never half old, half new). */
export function UpdateNotice() {
  const ready = useSyncExternalStore(onUpdateReady, updateIsReady);
  const { t } = useI18n();
  if (!ready) return null;
  return (
    <div className="notice update-notice" role="status" data-testid="update-notice">
      {t('offline.updateReady')} <button type="button" onClick={applyUpdate} data-testid="update-reload">{t('offline.reload')}</button>
    </div>
  );
}
