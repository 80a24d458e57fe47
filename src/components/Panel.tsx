import { Component, useContext, type ReactNode } from 'react';
import { useI18n, type I18n } from '../i18n/I18nContext';
import type { EmbedPanelId } from '../state/embedPanels';
import type { MessageKey } from '../i18n/en';
import type { QueryState, WaitReason } from '../state/useQuery';
import { EmbedButton } from './EmbedButton';
import { EmbedContext } from './embedContext';

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
  // On an embedded page only the embedded panel is drawn, without its controls.
  if (embedded && id !== embedded) return null;
  let body = children;
  if (state?.status === 'waiting') body = <p className="panel-status" role="status">{waitingText(i18n, state.reason)}</p>;
  else if (state?.status === 'loading' && !state.rows) body = <p className="panel-status" role="status">{t('panel.computing')}</p>;
  else if (state?.status === 'error') {
    body = (
      <div className="panel-error" role="alert">
        <p>{state.message}</p>
        {state.sql && <details><summary>{t('panel.sqlFailed')}</summary><pre>{state.sql}</pre></details>}
      </div>
    );
  } else if (state && 'rows' in state && state.rows?.length === 0) body = <p className="panel-status">{empty ?? t('panel.empty')}</p>;
  return (
    <section className="panel" data-testid={testId} data-panel-id={id} data-prefetched={state?.status === 'ready' && state.prefetched ? '' : undefined} aria-busy={state?.status === 'loading' || state?.status === 'waiting'}>
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="panel-subtitle">{subtitle}</p>}
        </div>
        {!embedded && (actions || id) && <div className="panel-actions">{actions}{id && <EmbedButton panel={id} title={title} />}</div>}
      </header>
      <PanelBoundary failed={(message) => t('panel.failed', { message })}>{body}</PanelBoundary>
    </section>
  );
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

function waitingText({ t }: I18n, reason: WaitReason): string {
  return t(WAIT_TEXT[reason.code], reason.code === 'loadingTables' ? { tables: reason.tables.join(', ') } : undefined);
}
