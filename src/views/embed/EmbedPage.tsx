import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { EmbedContext } from '../../components/embedContext';
import { useI18n } from '../../i18n/I18nContext';
import { provincesQuery } from '../../queries/overviewSql';
import { EMBED_PANELS, type EmbedPanelId } from '../../state/embedPanels';
import { dashboardSearch, HEIGHT_MESSAGE, type EmbedRequest } from '../../state/embedParams';
import { SETTINGS_CODECS } from '../viewSettings';
import { parseViewState, serializeViewState, type ViewState } from '../../state/urlState';
import { useDataset } from '../../state/useDataset';
import { useQuery } from '../../state/useQuery';
import { VIEWS } from '../viewRegistry';
import { inPanelView } from './embedLink';
import './embed.css';

/**
 * `?embed=<panel>&...`: one panel alone, for an iframe on another site. It loads only the tables that panel
 * needs (main.tsx starts the session), tells the parent page its height, and links to the full dashboard.
 */
export function EmbedPage({ request }: { request: EmbedRequest }) {
  useReportHeight(request.panel ?? 'unknown');
  const { t } = useI18n();
  const notices = (n: string[]) => n.length > 0 && (
    <div className="notice" role="status" data-testid="url-notice">{n.map((x) => <p key={x}>{x}</p>)}</div>
  );
  if (!request.panel) {
    return (
      <div className="embed-page" data-testid="embed-page">
        {notices(request.notices)}
        <p><a href={`./${dashboardSearch(window.location.search)}`} target="_blank" rel="noopener">{t('embed.openFull')}</a></p>
      </div>
    );
  }
  return <EmbeddedPanel panel={request.panel} notices={notices} request={request} />;
}

function EmbeddedPanel({ panel, request, notices }: { panel: EmbedPanelId; request: EmbedRequest; notices: (n: string[]) => ReactNode }) {
  const dataset = useDataset('synthetic');
  const { t, region } = useI18n();
  // Settings changed inside the embed (a click on a district) stay in the page: the host's address is not ours.
  const [{ state, notices: urlNotices }, setParsed] = useState(() => parseViewState(inPanelView(window.location.search, panel), SETTINGS_CODECS));
  const view: ViewState = { ...state, view: EMBED_PANELS[panel].view };
  const onChange = (patch: Partial<ViewState>) => setParsed(({ state: s }) => ({ state: { ...s, ...patch }, notices: [] }));
  const provinces = useQuery<{ region_id: string; name: string }>(useMemo(provincesQuery, []), ['regions']);
  const provinceName = provinces.status === 'ready' ? provinces.rows.find((p) => p.region_id === view.province)?.name : undefined;
  const scope = view.province ? region(view.province, provinceName ?? view.province) : t('app.wholeCountry');
  const ActiveView = VIEWS.find((v) => v.id === view.view)!.component;
  const full = `./${dashboardSearch(serializeViewState(view))}`;

  return (
    <div className="embed-page" data-testid="embed-page">
      {notices([...urlNotices.map((n) => t(`notice.${n.code}`, { value: n.value })), ...request.notices])}
      <EmbedContext.Provider value={panel}>
        <div className="embed-view">
          <ActiveView view={view} scope={scope} onChange={onChange} />
        </div>
      </EmbedContext.Provider>
      <footer className="embed-footer">
        {dataset.synthetic && <span className="badge-synthetic" data-testid="embed-synthetic">{t('app.synthetic')}</span>}
        <span className="muted">{t('app.title')}</span>
        <a href={full} target="_blank" rel="noopener" data-testid="embed-full-link">{t('embed.openFull')}</a>
      </footer>
    </div>
  );
}

/** Tell the parent page our height on load and whenever the content resizes, so its iframe fits without scrolling. */
function useReportHeight(id: string) {
  useEffect(() => {
    if (window.parent === window) return;
    let last = -1;
    const send = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, '*');
    };
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    // Chromium skips rendering (and so ResizeObserver) in cross-origin frames scrolled out of view; DOM changes
    // (a chart drawn, a table filled) still report, so the parent reserves the right space before it is seen.
    const mutations = new MutationObserver(send);
    mutations.observe(document.body, { childList: true, subtree: true, characterData: true });
    window.addEventListener('load', send);
    send();
    return () => {
      observer.disconnect();
      mutations.disconnect();
      window.removeEventListener('load', send);
    };
  }, [id]);
}
