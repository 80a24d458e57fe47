import { useCallback, useEffect, useMemo, useState } from 'react';
import { CopyLink } from './components/CopyLink';
import { DatasetLoader } from './components/DatasetLoader';
import { Filters } from './components/Filters';
import { LoadProgress } from './components/LoadProgress';
import { SelectionBar } from './components/SelectionBar';
import { provincesQuery } from './queries/overviewSql';
import { useDataset } from './state/useDataset';
import { useQuery } from './state/useQuery';
import { parseViewState, serializeViewState, type ViewState } from './state/urlState';
import { VIEWS } from './views/viewRegistry';

export function App() {
  const dataset = useDataset();
  const [{ state: view, notices }, setParsed] = useState(() => parseViewState(window.location.search));
  const provinces = useQuery<{ region_id: string; name: string }>(useMemo(provincesQuery, []), ['regions']);

  const onChange = useCallback((patch: Partial<ViewState>) => {
    setParsed(({ state }) => {
      const next = { ...state, ...patch };
      window.history.pushState(null, '', `${window.location.pathname}${serializeViewState(next)}`);
      return { state: next, notices: [] };
    });
  }, []);
  useEffect(() => {
    const onPop = () => setParsed(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const provinceName = provinces.status === 'ready' ? provinces.rows.find((p) => p.region_id === view.province)?.name : undefined;
  const scope = view.province ? provinceName ?? view.province : 'whole country';
  const ActiveView = (VIEWS.find((v) => v.id === view.view) ?? VIEWS[0]).component;

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Who can reach care?</h1>
          <p className="dataset-line">
            Dataset: <strong data-testid="dataset-name">{dataset.name}</strong>
            {dataset.synthetic && <span className="badge-synthetic" title="A made-up country generated for demonstration">Synthetic data — not a real country</span>}
          </p>
          <DatasetLoader />
          <CopyLink />
        </div>
        <LoadProgress />
      </header>
      {notices.length > 0 && (
        <div className="notice" role="status" data-testid="url-notice">
          {notices.map((n) => <p key={n}>{n}</p>)}
        </div>
      )}
      <nav className="tabs" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" className="tab" aria-current={v.id === view.view ? 'page' : undefined}
            data-testid={`tab-${v.id}`} onClick={() => onChange({ view: v.id })}>
            {v.label}
          </button>
        ))}
      </nav>
      <Filters view={view} provinces={provinces} onChange={onChange} />
      <SelectionBar district={view.district} onClear={() => onChange({ district: null })} />
      <main>
        <ActiveView view={view} scope={scope} onChange={onChange} />
      </main>
      <footer className="app-footer">
        Everything runs in your browser: no data leaves this computer. Engine: DuckDB-WASM. Charts: Observable Plot.
      </footer>
    </div>
  );
}
