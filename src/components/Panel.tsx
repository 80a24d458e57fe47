import { Component, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n, type I18n } from '../i18n/I18nContext';
import type { EmbedPanelId } from '../state/embedPanels';
import type { MessageKey } from '../i18n/en';
import type { QueryState, RunError, WaitReason } from '../state/useQuery';
import { ChartImageMenu } from './ChartImageMenu';
import { EmbedButton } from './EmbedButton';
import { EmbedContext } from './embedContext';
import { PanelChartsContext, type ChartNode, type PanelCharts } from './panelCharts';

interface PanelProps {
  title: string;
  subtitle?: string;
  state?: QueryState<unknown>;
  /** Shown when the query returned no rows. */
  empty?: string;
  actions?: ReactNode;
  children?: ReactNode;
  testId?: string;
  /** A stable id makes the panel embeddable: an "Embed" control here, and `?embed=<id>` shows it alone. */
  id?: EmbedPanelId;
}

/** A titled card that always says why it is empty: waiting, error (with the SQL), or no data. */
export function Panel({ title, subtitle, state, empty, actions, children, testId, id }: PanelProps) {
  const embedded = useContext(EmbedContext);
  const i18n = useI18n();
  const { t } = i18n;
  const charts = usePanelChartsValue(title, subtitle, id ?? testId ?? 'chart');
  // On an embedded page only the embedded panel is drawn, without its controls.
  if (embedded && id !== embedded) return null;
  let body = children;
  if (state?.status === 'waiting') body = <p className="panel-status" role="status">{waitingText(i18n, state.reason)}</p>;
  else if (state?.status === 'loading' && !state.rows) body = <p className="panel-status" role="status">{t('panel.computing')}</p>;
  else if (state?.status === 'error') {
    body = (
      <div className="panel-error" role="alert">
        <p>{errorText(i18n, state.error)}</p>
        {state.error.code === 'query' && state.error.sql && <details><summary>{t('panel.sqlFailed')}</summary><pre>{state.error.sql}</pre></details>}
      </div>
    );
  } else if (state && 'rows' in state && state.rows?.length === 0) body = <p className="panel-status">{empty ?? t('panel.empty')}</p>;
  // Charts get an image "Download" menu; a data menu in the panel carries the image formats itself. Embeds show it too.
  const imageMenu = charts.hasCharts && (embedded || charts.dataMenus === 0) && <ChartImageMenu panel={charts.value} />;
  return (
    <PanelChartsContext.Provider value={charts.value}>
    <section className="panel" data-testid={testId} data-panel-id={id} data-prefetched={state?.status === 'ready' && state.prefetched ? '' : undefined} aria-busy={state?.status === 'loading' || state?.status === 'waiting'}>
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="panel-subtitle">{subtitle}</p>}
        </div>
        {!embedded && (actions || id || imageMenu) && <div className="panel-actions">{actions}{imageMenu}{id && <EmbedButton panel={id} title={title} />}</div>}
        {embedded && imageMenu && <div className="panel-actions">{imageMenu}</div>}
      </header>
      <PanelBoundary failed={(message) => t('panel.failed', { message })}>{body}</PanelBoundary>
    </section>
    </PanelChartsContext.Provider>
  );
}

/** What the panel's charts and data menu register with (stable callbacks), and how many there are now. */
function usePanelChartsValue(title: string, subtitle: string | undefined, fileBase: string) {
  const nodes = useRef(new Set<ChartNode>());
  const [chartCount, setChartCount] = useState(0);
  const [dataMenus, setDataMenus] = useState(0);
  const addChart = useCallback((node: ChartNode) => {
    nodes.current.add(node);
    setChartCount(nodes.current.size);
    return () => {
      nodes.current.delete(node);
      setChartCount(nodes.current.size);
    };
  }, []);
  const addDataMenu = useCallback(() => {
    setDataMenus((n) => n + 1);
    return () => setDataMenus((n) => n - 1);
  }, []);
  const charts = useCallback(() => [...nodes.current].map((n) => n()).filter((e): e is Element => e !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)), []);
  const hasCharts = chartCount > 0;
  const value = useMemo<PanelCharts>(() => ({ addChart, addDataMenu, charts, hasCharts, title, subtitle, fileBase }),
    [addChart, addDataMenu, charts, hasCharts, title, subtitle, fileBase]);
  return { value, hasCharts, dataMenus };
}

/** One failing chart shows its error; the rest of the page keeps working. */
class PanelBoundary extends Component<{ failed: (message: string) => string; children?: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) return <p className="panel-error" role="alert">{this.props.failed(this.state.error.message)}</p>;
    return this.props.children;
  }
}

/** Each waiting code's text in the message catalogues. */
const WAIT_TEXT: Record<WaitReason['code'], MessageKey> = {
  startingDb: 'status.startingDb',
  loadingTables: 'status.loadingTables',
  queued: 'status.queued',
  waitingTables: 'status.waitingTables',
  nothingYet: 'status.nothingYet',
  baselineFirst: 'plan.partners.waiting',
};

/** An engine error in the interface language; the engine's own message is kept as it came. */
export function errorText({ t }: I18n, error: RunError): string {
  switch (error.code) {
    case 'engineFailed': return t('status.engineFailed', { message: error.message });
    case 'tableAbsent': return t('status.tableAbsent', { table: error.table });
    case 'tableFailed': return t('status.tableFailed', { table: error.table });
    case 'query': return error.message;
  }
}

function waitingText({ t }: I18n, reason: WaitReason): string {
  return t(WAIT_TEXT[reason.code], reason.code === 'loadingTables' ? { tables: reason.tables.join(', ') } : undefined);
}
