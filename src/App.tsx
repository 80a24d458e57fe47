import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CopyLink } from './components/CopyLink';
import { DatasetLoader } from './components/DatasetLoader';
import { ImportPanel } from './components/ImportPanel';
import { Filters } from './components/Filters';
import { LanguagePicker } from './components/LanguagePicker';
import { LoadProgress } from './components/LoadProgress';
import { SelectionBar } from './components/SelectionBar';
import { Localised } from './components/Localised';
import { UpdateNotice } from './components/UpdateNotice';
import { useI18n } from './i18n/I18nContext';
import { initialLang, rememberLang, storedLang, type Lang } from './i18n/lang';
import { DEMO_DATASET } from './data/demoManifest';
import { DEMO_SOURCE } from './state/datasetStore';
import { BUILT_IN_FINGERPRINT } from './state/fingerprint';
import { provincesQuery } from './queries/overviewSql';
import { useDataset } from './state/useDataset';
import { useQuery } from './state/useQuery';
import { parseViewState, serializeViewState, type UrlNotice, type ViewState } from './state/urlState';
import { VIEWS } from './views/viewRegistry';
import { SETTINGS_CODECS } from './views/viewSettings';

/** The language comes from the link, else this browser's last choice; a bad `?lang=` gives a notice. */
function parseAll(search: string) {
  const parsed = parseViewState(search, SETTINGS_CODECS);
  const { lang, invalid } = initialLang(search, storedLang());
  return { state: { ...parsed.state, lang }, notices: parsed.notices, badLang: invalid };
}

export function App() {
  const [{ state: view, notices, badLang }, setParsed] = useState(() => parseAll(window.location.search));
  const lang: Lang = view.lang ?? 'en';
  // The link carries the fingerprint of the data in use (none for the built-in dataset): see fingerprint.ts.
  const { fingerprint } = useDataset('fingerprint');
  const ds = fingerprint && fingerprint !== BUILT_IN_FINGERPRINT ? fingerprint : undefined;
  const dsRef = useRef(ds);
  dsRef.current = ds;
  const [linkDataset, setLinkDataset] = useState(() => view.dataset ?? null);
  const firstFingerprint = useRef<string | null>(null);
  useEffect(() => {
    if (!fingerprint) return;
    // Once the user loads other data, the link's dataset is no longer what they look at: no notice.
    if (firstFingerprint.current === null) firstFingerprint.current = fingerprint;
    else if (fingerprint !== firstFingerprint.current) setLinkDataset(null);
    if ((new URLSearchParams(window.location.search).get('ds') ?? undefined) !== ds) {
      window.history.replaceState(null, '', `${window.location.pathname}${serializeViewState({ ...parseAll(window.location.search).state, dataset: ds })}`);
    }
  }, [fingerprint, ds]);
  const foreignLink = linkDataset && fingerprint && linkDataset !== (ds ?? BUILT_IN_FINGERPRINT) ? linkDataset : null;

  const onChange = useCallback((patch: Partial<ViewState>) => {
    setParsed(({ state }) => {
      const next = { ...state, ...patch, dataset: dsRef.current };
      window.history.pushState(null, '', `${window.location.pathname}${serializeViewState(next)}`);
      return { state: next, notices: [], badLang: null };
    });
  }, []);
  useEffect(() => {
    const onPop = () => setParsed(parseAll(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setLang = (next: Lang) => {
    rememberLang(next);
    onChange({ lang: next });
  };

  return (
    <Localised lang={lang}>
      <Dashboard view={view} notices={notices} badLang={badLang} foreignLink={foreignLink} onChange={onChange} setLang={setLang} />
    </Localised>
  );
}

function Dashboard({ view, notices, badLang, foreignLink, onChange, setLang }: {
  view: ViewState; notices: UrlNotice[]; badLang: string | null; foreignLink: string | null;
  onChange: (patch: Partial<ViewState>) => void; setLang: (lang: Lang) => void;
}) {
  const { t, tx, region, lang, num } = useI18n();
  const sep = lang === 'ar' ? '، ' : ', ';
  const dataset = useDataset('sources', 'name', 'synthetic', 'syntheticTables', 'fingerprint', 'plausibility');
  const provinces = useQuery<{ region_id: string; name: string }>(useMemo(provincesQuery, []), ['regions']);
  const scope = view.province ? region(view.province) : t('app.wholeCountry');
  // The dataset's name in the interface language: the demo's, the demo plus the user's files, or the user's files.
  const userFiles = Object.values(dataset.sources).filter((s): s is string => !!s && s !== DEMO_SOURCE);
  const fromDemo = Object.values(dataset.sources).some((s) => s === DEMO_SOURCE);
  const datasetName = !userFiles.length ? (dataset.name === DEMO_DATASET.name && DEMO_DATASET.synthetic ? t('app.demoName') : dataset.name) : fromDemo ? t('app.demoPlusFiles', { demo: t('app.demoName') }) : t('app.yourData', { files: userFiles.join(sep) });
  const ActiveView = (VIEWS.find((v) => v.id === view.view) ?? VIEWS[0]).component;
  const allNotices = [...notices.map((n) => t(`notice.${n.code}`, { value: n.value })), ...(badLang ? [t('notice.unknownLang', { value: badLang })] : []),
    ...(foreignLink ? [t('notice.otherDataset', { link: foreignLink, current: datasetName, fingerprint: dataset.fingerprint ?? '' })] : [])];
  const warnings = dataset.plausibility?.findings.reduce((n, f) => n + f.count, 0) ?? 0;

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="dataset-line">
            {t('app.dataset')} <strong data-testid="dataset-name">{datasetName}</strong>
            {/* The whole dataset is called synthetic only when no table is the user's; a mix names its synthetic tables. */}
            {dataset.syntheticTables.length > 0 && (userFiles.length
              ? <span className="badge-synthetic" data-testid="badge-synthetic" data-tables={dataset.syntheticTables.join(',')} title={t('app.syntheticTablesTitle')}>{t('app.syntheticTables', { tables: dataset.syntheticTables.join(sep) })}</span>
              : <span className="badge-synthetic" data-testid="badge-synthetic" data-tables={dataset.syntheticTables.join(',')} title={t('app.syntheticTitle')}>{t('app.synthetic')}</span>)}
          </p>
          {warnings > 0 && (
            <p className="notice" data-testid="checks-notice">
              <button type="button" className="link-button" onClick={() => onChange({ view: 'data' })}>{t('app.checksNotice', { n: num(warnings) })}</button>
            </p>
          )}
          <DatasetLoader />
          <ImportPanel />
          <CopyLink />
        </div>
        <div className="header-side">
          <LanguagePicker value={lang} onChange={setLang} />
          <LoadProgress />
        </div>
      </header>
      {allNotices.length > 0 && (
        <div className="notice" role="status" data-testid="url-notice">
          {allNotices.map((n) => <p key={n}>{n}</p>)}
        </div>
      )}
      <UpdateNotice />
      <nav className="tabs" aria-label={t('app.views')}>
        {VIEWS.map((v) => (
          <button key={v.id} type="button" className="tab" aria-current={v.id === view.view ? 'page' : undefined}
            data-testid={`tab-${v.id}`} onClick={() => onChange({ view: v.id })}>
            {tx(`view.${v.id}`, v.label)}
          </button>
        ))}
      </nav>
      <Filters view={view} provinces={provinces} onChange={onChange} />
      <SelectionBar district={view.district} onClear={() => onChange({ district: null })} />
      <main id="main" tabIndex={-1}>
        <ActiveView view={view} scope={scope} onChange={onChange} />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
