import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../i18n/I18nContext';
import { copyText } from './copyText';
import './share.css';

/** Copy the address of the current view (it holds every filter); falls back to a selected text box. */
export function CopyLink() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const url = window.location.href;
    const ok = await copyText(url, () => {
      flushSync(() => setShown(url));
      return input.current;
    });
    setStatus(ok ? t('copy.done') : t('copy.manual'));
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={copy} data-testid="copy-link">{t('copy.button')}</button>
      {shown !== null && (
        <input ref={input} readOnly value={shown} aria-label={t('copy.input')} data-testid="copy-link-text" onFocus={(e) => e.currentTarget.select()} />
      )}
      <span role="status" aria-live="polite" data-testid="copy-link-status">{status}</span>
    </div>
  );
}
