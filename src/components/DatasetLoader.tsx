import { useRef, useState, type DragEvent } from 'react';
import { MAX_PARQUET_BYTES } from '../data/decodeParquet';
import type { FileReport, LoadMode } from '../data/loadUserFiles';
import { loadFiles } from '../state/datasetStore';
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
  const { lastLoad, tables } = useDataset();
  const [mode, setMode] = useState<LoadMode>('add');
  const [url, setUrl] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (items: { name: string; size: number; read: () => Promise<ArrayBuffer> }[]) => {
    const tooBig = items.filter((f) => f.size > MAX_PARQUET_BYTES);
    setNotes(tooBig.map((f) => `${f.name}: ${Math.round(f.size / MB)} MB is over the ${MAX_PARQUET_BYTES / MB} MB limit a browser tab can hold; split it or reduce it with scripts/ (see README).`));
    const ok = items.filter((f) => f.size <= MAX_PARQUET_BYTES);
    if (!ok.length) return;
    const files = await Promise.all(ok.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.read()) })));
    await loadFiles(files, mode);
  };
  const fromFiles = (list: FileList | null) => list && submit([...list].map((f) => ({ name: f.name, size: f.size, read: () => f.arrayBuffer() })));
  const fromUrl = async () => {
    const target = sameOriginUrl(url.trim(), window.location.href);
    if (!target) return setNotes([`“${url}” is not a file on this site. Only files on the same host can be loaded by URL (nothing is fetched from other sites).`]);
    try {
      const res = await fetch(target);
      if (!res.ok) return setNotes([`${target.pathname}: the server answered ${res.status}`]);
      const buf = await res.arrayBuffer();
      await submit([{ name: decodeURIComponent(target.pathname.split('/').pop() || 'file.parquet'), size: buf.byteLength, read: async () => buf }]);
    } catch (e) {
      setNotes([`${target.pathname}: could not be fetched (${e instanceof Error ? e.message : String(e)})`]);
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
    <details className="dataset-loader" data-testid="dataset-loader">
      <summary>Load your data</summary>
      <div className="loader-body">
        <p>Parquet files named after a table (<code>facilities.parquet</code>, <code>regions_2024.parquet</code>…) or holding its columns, and
          boundaries as GeoJSON or TopoJSON keyed by <code>region_id</code>. Files stay on this computer.</p>
        <fieldset>
          <legend>These files…</legend>
          <label><input type="radio" name="mode" checked={mode === 'add'} onChange={() => setMode('add')} /> add to the current data (they replace only the tables they hold)</label>
          <label><input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="mode-replace" /> replace all current data (only if every file is valid)</label>
        </fieldset>
        <div className={`drop-zone${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
          Drop files here, or{' '}
          <button type="button" onClick={() => input.current?.click()} disabled={busy}>choose files…</button>
          <input ref={input} type="file" multiple hidden accept=".parquet,.geojson,.json,.topojson" data-testid="file-input"
            onChange={(e) => { fromFiles(e.target.files); e.target.value = ''; }} />
        </div>
        <form className="url-row" onSubmit={(e) => { e.preventDefault(); fromUrl(); }}>
          <label>or a file on this site: <input type="text" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="data/facilities.parquet" /></label>
          <button type="submit" disabled={busy || !url.trim()}>Load</button>
        </form>
        {(busy || demoLoading) && <p role="status">{busy ? 'Checking and loading your files…' : 'The demo data are still loading; your files will load after them.'}</p>}
        {notes.map((n) => <p key={n} className="error-text" role="alert">{n}</p>)}
        {lastLoad && !busy && <LoadReport reports={lastLoad.reports} />}
      </div>
    </details>
  );
}

function LoadReport({ reports }: { reports: FileReport[] }) {
  return (
    <ul className="load-report" data-testid="load-report" aria-live="polite">
      {reports.map((r) => (
        <li key={r.file} data-status={r.status} className={r.status === 'loaded' ? 'ok' : 'error-text'}>
          {r.message}
          {r.issues.length > 0 && (
            <ul>
              {r.issues.map((i, k) => (
                <li key={k} className={i.severity}>{i.severity}: column <code>{i.column}</code>, rule “{i.rule}”: {i.message.replace(`${r.file}: ${i.column}: `, '')}
                  {i.examples.length > 0 && ` — e.g. ${i.examples.join('; ')}`}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
