import { useRef, useState, type DragEvent } from 'react';
import { MAX_PARQUET_BYTES } from '../data/decodeParquet';
import type { FileReport, LoadMode } from '../data/loadUserFiles';
import { useI18n } from '../i18n/I18nContext';
import { rich } from '../i18n/rich';
import { DEMO_SOURCE, forgetSavedData, loadFiles } from '../state/datasetStore';
import type { SavedState } from '../state/datasetStore';
import { useDataset } from '../state/useDataset';

const MB = 1024 * 1024;

/** Only this site's own host: nothing is ever fetched from another origin. */
export function sameOriginUrl(input: string, base: string): URL | null {
  try {
    const url = new URL(input, base);
    return url.origin === new URL(base).origin ? url : null;
  } catch {
    return null;
  }
}

/** Drop or pick Parquet and boundary files, or give same-host URLs; see what loaded and what was refused, and why. */
export function DatasetLoader() {
  const { lastLoad, tables, sources, saved } = useDataset('lastLoad', 'tables', 'sources', 'saved');
  const { t, num, locale } = useI18n();
  const [mode, setMode] = useState<LoadMode>('add');
  const [keepDemo, setKeepDemo] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const demoInUse = Object.values(sources).some((s) => s === DEMO_SOURCE);
  const [url, setUrl] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (items: { name: string; size: number; read: () => Promise<ArrayBuffer> }[]) => {
    const tooBig = items.filter((f) => f.size > MAX_PARQUET_BYTES);
    setNotes(tooBig.map((f) => t('loader.tooBig', { file: f.name, mb: num(Math.round(f.size / MB)), limit: num(MAX_PARQUET_BYTES / MB) })));
    const ok = items.filter((f) => f.size <= MAX_PARQUET_BYTES);
    if (!ok.length) return;
    const files = await Promise.all(ok.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.read()) })));
    setForgotten(false);
    await loadFiles(files, mode, { keepDemo: mode === 'add' && demoInUse && keepDemo });
  };
  const fromFiles = (list: FileList | null) => list && submit([...list].map((f) => ({ name: f.name, size: f.size, read: () => f.arrayBuffer() })));
  const fromUrl = async () => {
    const target = sameOriginUrl(url.trim(), window.location.href);
    if (!target) return setNotes([t('loader.notSameHost', { url })]);
    try {
      const res = await fetch(target);
      if (!res.ok) return setNotes([t('loader.http', { path: target.pathname, status: res.status })]);
      const buf = await res.arrayBuffer();
      await submit([{ name: decodeURIComponent(target.pathname.split('/').pop() || 'file.parquet'), size: buf.byteLength, read: async () => buf }]);
    } catch (e) {
      setNotes([t('loader.fetchFailed', { path: target.pathname, message: e instanceof Error ? e.message : String(e) })]);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    fromFiles(e.dataTransfer.files);
  };
  const busy = lastLoad?.busy ?? false;
  const demoLoading = Object.values(tables).some((t) => t.state === 'loading');

  return (
    <>
    <details className="dataset-loader" data-testid="dataset-loader">
      <summary>{t('loader.summary')}</summary>
      <div className="loader-body">
        <p>{t('loader.intro')}</p>
        <p className="muted small">{t('loader.travelIntro')}</p>
        <fieldset>
          <legend>{t('loader.mode')}</legend>
          <label><input type="radio" name="mode" checked={mode === 'add'} onChange={() => setMode('add')} /> {t('loader.add')}</label>
          <label><input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="mode-replace" /> {t('loader.replace')}</label>
        </fieldset>
        {mode === 'add' && demoInUse && (
          <p className="loader-keep">
            <label><input type="checkbox" checked={keepDemo} onChange={(e) => setKeepDemo(e.target.checked)} data-testid="keep-demo" /> {t('loader.keepDemo')}</label>
            {!keepDemo && <span className="muted small"> {t('loader.startsOwn')}</span>}
          </p>
        )}
        <div className={`drop-zone${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
          {t('loader.drop')}{' '}
          <button type="button" onClick={() => input.current?.click()} disabled={busy}>{t('loader.choose')}</button>
          <input ref={input} type="file" multiple hidden accept=".parquet,.geojson,.json,.topojson,.tif,.tiff" data-testid="file-input"
            onChange={(e) => { fromFiles(e.target.files); e.target.value = ''; }} />
        </div>
        <form className="url-row" onSubmit={(e) => { e.preventDefault(); fromUrl(); }}>
          <label>{t('loader.url')} <input type="text" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="data/facilities.parquet" /></label>
          <button type="submit" disabled={busy || !url.trim()}>{t('loader.load')}</button>
        </form>
        {(busy || demoLoading) && <p role="status">{busy ? t('loader.busy') : t('loader.demoLoading')}</p>}
        {notes.map((n) => <p key={n} className="error-text" role="alert">{n}</p>)}
        {lastLoad && !busy && <LoadReport reports={lastLoad.reports} />}
      </div>
    </details>
    <SavedStatus saved={saved} forgotten={forgotten} locale={locale} onForget={async () => setForgotten(await forgetSavedData())} />
    </>
  );
}

/** Whether the data are kept in this browser, with "Forget this data"; a storage failure is said plainly. */
function SavedStatus({ saved, forgotten, locale, onForget }: { saved: SavedState; forgotten: boolean; locale: string; onForget: () => void }) {
  const { t } = useI18n();
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <div data-testid="saved-status" data-state={forgotten ? 'forgotten' : saved.state} role="status" aria-live="polite">
      {forgotten && <p>{t('saved.forgotten')}</p>}
      {(saved.state === 'saved' || saved.state === 'restored') && (
        <p>{t(saved.state === 'saved' ? 'saved.saved' : 'saved.restored', { name: saved.name, when: when(saved.loadedAt) })}{' '}
          <button type="button" onClick={onForget} data-testid="forget-data">{t('saved.forget')}</button></p>
      )}
      {saved.state === 'failed' && (
        <p className="error-text">{t(`saved.failed.${saved.action}`, { message: saved.message })}{' '}
          {saved.action !== 'save' && <button type="button" onClick={onForget} data-testid="forget-data">{t('saved.forget')}</button>}</p>
      )}
    </div>
  );
}

function LoadReport({ reports }: { reports: FileReport[] }) {
  const { t } = useI18n();
  // The chrome is translated; each file's own message and the validator's findings name files, columns and
  // rules of the data contract and stay in English (said once, above the list, when there is a finding to read).
  return (
    <>
      {reports.some((r) => r.issues.length > 0 || r.status !== 'loaded') && <p className="muted small" data-testid="load-report-note">{t('loader.englishNote')}</p>}
      <ul className="load-report" data-testid="load-report" aria-live="polite">
        {reports.map((r) => (
          <li key={r.file} data-status={r.status} className={r.status === 'loaded' ? 'ok' : 'error-text'}>
            <span lang="en" dir="ltr">{r.message}</span>
            {r.issues.length > 0 && (
              <ul>
                {r.issues.map((i, k) => (
                  <li key={k} className={i.severity}>
                    {rich(t('loader.issue', { severity: t(i.severity === 'error' ? 'loader.severity.error' : 'loader.severity.warning'), rule: i.rule }), {
                      column: <code>{i.column}</code>,
                      message: <span lang="en" dir="ltr">{i.message.replace(`${r.file}: ${i.column}: `, '')}</span>,
                    })}
                    {i.examples.length > 0 && t('loader.examples', { examples: i.examples.join('; ') })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
