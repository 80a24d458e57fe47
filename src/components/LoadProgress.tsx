import { TABLE_NAMES } from '../data/contract';
import { formatNumber } from '../charts/measureMeta';
import { useDataset } from '../state/useDataset';

/** What is loaded, what is loading, and what failed (with the validator's words). */
export function LoadProgress() {
  const { engine, tables, sources } = useDataset();
  const done = TABLE_NAMES.filter((t) => tables[t].state === 'ready').length;
  const allDone = TABLE_NAMES.every((t) => ['ready', 'failed', 'absent'].includes(tables[t].state));
  const absent = TABLE_NAMES.filter((t) => tables[t].state === 'absent').length;
  return (
    <details className="load-progress" data-testid="load-progress" open={engine.state === 'failed' || TABLE_NAMES.some((t) => tables[t].state === 'failed')}>
      <summary role="status">
        {engine.state === 'loading' && 'Starting the database engine…'}
        {engine.state === 'failed' && `The database engine failed to start: ${engine.message}`}
        {engine.state === 'ready' && (allDone ? `${done} of ${TABLE_NAMES.length - absent} tables loaded${absent ? ` (${absent} not in this dataset)` : ''}` : `Loading data… ${done} of ${TABLE_NAMES.length} tables`)}
        {engine.state === 'ready' && !allDone && <progress max={TABLE_NAMES.length} value={done} aria-label="Tables loaded" />}
      </summary>
      <ul>
        {TABLE_NAMES.map((t) => {
          const s = tables[t];
          return (
            <li key={t} data-table={t} data-state={s.state}>
              <code>{t}</code>:{' '}
              {s.state === 'waiting' && 'waiting'}
              {s.state === 'loading' && `${s.step}…`}
              {s.state === 'ready' && `${formatNumber(s.rows)} rows (${formatNumber(s.bytes / 1024)} KiB)${sources[t] && sources[t] !== 'demo' ? ` from ${sources[t]}` : ''}`}
              {s.state === 'absent' && 'not in this dataset'}
              {s.state === 'failed' && <span className="error-text">{s.message}</span>}
              {'issues' in s && s.issues.length > 0 && (
                <ul>{s.issues.map((i, k) => <li key={k} className={i.severity}>{i.severity}: {i.message}{i.examples.length > 0 && ` (e.g. ${i.examples.join('; ')})`}</li>)}</ul>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
