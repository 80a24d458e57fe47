import { Component, useContext, type ReactNode } from 'react';
import type { EmbedPanelId } from '../state/embedPanels';
import type { QueryState } from '../state/useQuery';
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
export function Panel({ title, subtitle, state, empty = 'No data for the selected region.', actions, children, testId, id }: PanelProps) {
  const embedded = useContext(EmbedContext);
  // On an embedded page only the embedded panel is drawn, without its controls.
  if (embedded && id !== embedded) return null;
  let body = children;
  if (state?.status === 'waiting') body = <p className="panel-status" role="status">{state.reason}</p>;
  else if (state?.status === 'loading' && !state.rows) body = <p className="panel-status" role="status">Computing…</p>;
  else if (state?.status === 'error') {
    body = (
      <div className="panel-error" role="alert">
        <p>{state.message}</p>
        {state.sql && <details><summary>SQL that failed</summary><pre>{state.sql}</pre></details>}
      </div>
    );
  } else if (state && 'rows' in state && state.rows?.length === 0) body = <p className="panel-status">{empty}</p>;
  return (
    <section className="panel" data-testid={testId} data-panel-id={id} aria-busy={state?.status === 'loading' || state?.status === 'waiting'}>
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="panel-subtitle">{subtitle}</p>}
        </div>
        {!embedded && (actions || id) && <div className="panel-actions">{actions}{id && <EmbedButton panel={id} title={title} />}</div>}
      </header>
      <PanelBoundary title={title}>{body}</PanelBoundary>
    </section>
  );
}

/** One failing chart shows its error; the rest of the page keeps working. */
class PanelBoundary extends Component<{ title: string; children?: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) return <p className="panel-error" role="alert">This panel failed to draw: {this.state.error.message}</p>;
    return this.props.children;
  }
}
