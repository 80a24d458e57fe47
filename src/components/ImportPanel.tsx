import { useRef, useState } from 'react';
import { FACILITY_TYPES, OWNERSHIPS } from '../data/contract';
import type { CategoryCount } from '../import/categories';
import { parseMapping, type ImportMapping } from '../import/importMapping';
import type { ImportResponse } from '../import/importWorker';
import { useI18n } from '../i18n/I18nContext';
import { loadFiles, runImport } from '../state/datasetStore';

type Done = Extract<ImportResponse, { ok: true }>;

/**
 * Import: the files people have, turned into the contract's tables in a worker. Shows what import did and what it
 * could not map, lets the user map category values, downloads the mapping, then loads the result.
 */
export function ImportPanel() {
  const { t, num } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [mapping, setMapping] = useState<ImportMapping | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const run = async (chosen: File[], m: ImportMapping | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const payload = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const r = await runImport(payload, m);
      if (r.ok) {
        setDone(r);
        setMapping(r.result.mapping);
      } else setError(r.message);
    } finally {
      setBusy(false);
    }
  };

  const readMapping = async (f: File | undefined) => {
    if (!f) return;
    try {
      setMapping(parseMapping(await f.text(), f.name));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const setCategory = (kind: 'facilityType' | 'ownership', value: string, to: string) => {
    if (!mapping) return;
    setMapping({ ...mapping, [kind]: { ...mapping[kind], [value]: to === '' ? null : to } });
  };

  // Keyed by the indicator as the file names it; the rest of its catalogue entry (id, unit) is edited in mapping.json.
  const setDirection = (key: string, to: string) => {
    if (!mapping) return;
    setMapping({ ...mapping, indicators: { ...mapping.indicators, [key]: { ...mapping.indicators[key], favourable: to === '' ? null : to === 'better' } } });
  };

  const download = () => {
    if (!mapping) return;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(mapping, null, 2)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'mapping.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const categoryTable = (kind: 'facilityType' | 'ownership', counts: CategoryCount[], allowed: readonly string[], title: string) =>
    counts.length > 0 && (
      <table className="import-categories" data-testid={`import-${kind}`}>
        <caption>{title}</caption>
        <thead><tr><th scope="col">{t('import.value')}</th><th scope="col">{t('import.rows')}</th><th scope="col">{t('import.mapsTo')}</th></tr></thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.value}>
              <td>{c.value || '—'}</td>
              <td>{num(c.rows)}</td>
              <td>
                <select aria-label={`${title}: ${c.value || '—'}`} value={mapping?.[kind][c.value] ?? ''} onChange={(e) => setCategory(kind, c.value, e.target.value)}>
                  <option value="">{t('import.unmappedOption')}</option>
                  {allowed.map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <details className="import-panel" data-testid="import-panel">
      <summary>{t('import.summary')}</summary>
      <p>{t('import.intro')}</p>
      <p>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>{t('import.choose')}</button>{' '}
        <input ref={input} type="file" multiple hidden data-testid="import-input"
          accept=".csv,.tsv,.txt,.xlsx,.geojson,.json,.topojson,.zip,.shp,.shx,.dbf,.prj,.cpg,.tif,.tiff,.parquet,.gpkg"
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            setFiles(chosen);
            if (chosen.length) void run(chosen, mapping);
          }} />
        <label>{t('import.mapping')} <input type="file" accept=".json" data-testid="import-mapping" onChange={(e) => void readMapping(e.target.files?.[0])} /></label>
      </p>
      {busy && <p role="status">{t('import.busy')}</p>}
      {error && <p role="alert" className="error">{t('import.failed', { message: error })}</p>}
      {done && (
        <div data-testid="import-result">
          <p className="muted small">{t('import.englishNote')}</p>
          <h3>{t('import.did')}</h3>
          <ul>{done.result.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          {done.result.unmapped.length === 0 ? <p data-testid="import-all-mapped">{t('import.allMapped')}</p> : (
            <>
              <h3>{t('import.unmapped', { count: num(done.result.unmapped.length) })}</h3>
              <ul data-testid="import-unmapped">
                {done.result.unmapped.map((u) => (
                  <li key={`${u.file}${u.what}`}>
                    {u.file && <strong>{u.file}: </strong>}{u.what}{u.rows ? ` (${num(u.rows)})` : ''}{u.values.length ? `: ${u.values.join('; ')}` : ''}
                    <br />{t('import.fix', { fix: u.fix })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {categoryTable('facilityType', done.result.categories.facilityType, FACILITY_TYPES, t('import.types'))}
          {categoryTable('ownership', done.result.categories.ownership, OWNERSHIPS, t('import.ownership'))}
          {(done.result.categories.indicators?.length ?? 0) > 0 && (
            <table className="import-categories" data-testid="import-indicators">
              <caption>{t('import.indicators')}</caption>
              <thead><tr><th scope="col">{t('import.indicator')}</th><th scope="col">{t('import.table')}</th><th scope="col">{t('import.rows')}</th><th scope="col">{t('import.direction')}</th></tr></thead>
              <tbody>
                {done.result.categories.indicators!.map((c) => {
                  const f = mapping?.indicators[c.key]?.favourable;
                  return (
                    <tr key={`${c.file}|${c.key}`}>
                      <td>{c.name}{c.name !== c.key ? ` (${c.key})` : ''}</td>
                      <td>{c.domain}</td>
                      <td>{num(c.rows)}</td>
                      <td>
                        <select aria-label={`${t('import.direction')}: ${c.name}`} value={f === true ? 'better' : f === false ? 'worse' : ''} onChange={(e) => setDirection(c.key, e.target.value)}>
                          <option value="">{t('import.directionUnset')}</option>
                          <option value="better">{t('import.better')}</option>
                          <option value="worse">{t('import.worse')}</option>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p>
            <button type="button" onClick={() => void run(files, mapping)} disabled={busy || files.length === 0}>{t('import.again')}</button>{' '}
            <button type="button" onClick={download} disabled={!mapping}>{t('import.download')}</button>{' '}
            <button type="button" data-testid="import-load" disabled={busy} onClick={() => void loadFiles(done.files, 'replace')}>{t('import.load')}</button>
          </p>
        </div>
      )}
    </details>
  );
}
