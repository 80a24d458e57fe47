import { useRef, useState } from 'react';
import { embedSnippet, embedUrl, LANGUAGES, parseEmbedParams, THEMES, type Lang, type Theme } from '../state/embedParams';
import type { EmbedPanelId } from '../state/embedPanels';
import { useI18n } from '../i18n/I18nContext';
import { copyText } from './copyText';
import './share.css';

/** "Embed": the iframe snippet for one panel with the current filters, and the lines that resize it. */
export function EmbedButton({ panel, title }: { panel: EmbedPanelId; title: string }) {
  const { t, lang: uiLang } = useI18n();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>('light');
  const [lang, setLang] = useState<Lang>(() => (uiLang !== 'en' ? uiLang : parseEmbedParams(window.location.search).lang));
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  // The address bar always holds the current filters (App writes them there on every change).
  const url = open ? embedUrl(window.location.href, panel, { theme, lang }) : '';
  const snippet = open ? embedSnippet({ url, title }) : '';
  const copy = async () => setStatus((await copyText(snippet, () => area.current)) ? t('embed.copied') : t('embed.manual'));
  return (
    <details className="embed-menu" data-testid={`embed-${panel}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('embed.summary')}</summary>
      {open && (
        <div className="embed-options" role="group" aria-label={t('embed.group', { title })}>
          <p>{t('embed.help')}</p>
          <div className="embed-choices">
            <label>{t('embed.theme')}
              <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="embed-theme">
                {THEMES.map((th) => <option key={th} value={th}>{t(`embed.theme.${th}`)}</option>)}
              </select>
            </label>
            <label>{t('embed.language')}
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="embed-lang">
                {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
              </select>
            </label>
          </div>
          <textarea ref={area} readOnly rows={11} value={snippet} aria-label={t('embed.code')} data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()} />
          <div className="embed-buttons">
            <button type="button" onClick={copy}>{t('embed.copy')}</button>
            <a href={url} target="_blank" rel="noopener" data-testid="embed-preview">{t('embed.preview')}</a>
          </div>
          <p className="export-status" role="status" aria-live="polite">{status}</p>
        </div>
      )}
    </details>
  );
}
