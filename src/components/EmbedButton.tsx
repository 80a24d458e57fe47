import { useRef, useState } from 'react';
import { embedSnippet, embedUrl, LANGUAGES, parseEmbedParams, THEMES, type Lang, type Theme } from '../state/embedParams';
import type { EmbedPanelId } from '../state/embedPanels';
import { copyText } from './copyText';
import './share.css';

/** "Embed": the iframe snippet for one panel with the current filters, and the lines that resize it. */
export function EmbedButton({ panel, title }: { panel: EmbedPanelId; title: string }) {
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>('light');
  const [lang, setLang] = useState<Lang>(() => parseEmbedParams(window.location.search).lang);
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  // The address bar always holds the current filters (App writes them there on every change).
  const url = open ? embedUrl(window.location.href, panel, { theme, lang }) : '';
  const snippet = open ? embedSnippet({ url, title }) : '';
  const copy = async () => setStatus((await copyText(snippet, () => area.current)) ? 'Snippet copied' : 'Press Ctrl+C (⌘C on a Mac) to copy the selected snippet');
  return (
    <details className="embed-menu" data-testid={`embed-${panel}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Embed</summary>
      {open && (
        <div className="embed-options" role="group" aria-label={`Embed “${title}” in another site`}>
          <p>Paste this into your web page. It shows this chart with the current filters and sets its own height.</p>
          <div className="embed-choices">
            <label>Theme
              <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="embed-theme">
                {THEMES.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </label>
            <label>Language
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="embed-lang">
                {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
              </select>
            </label>
          </div>
          <textarea ref={area} readOnly rows={11} value={snippet} aria-label="Embed code" data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()} />
          <div className="embed-buttons">
            <button type="button" onClick={copy}>Copy code</button>
            <a href={url} target="_blank" rel="noopener" data-testid="embed-preview">Preview</a>
          </div>
          <p className="export-status" role="status" aria-live="polite">{status}</p>
        </div>
      )}
    </details>
  );
}
