import { TABLE_NAMES } from '../data/contract';
import { useI18n } from '../i18n/I18nContext';
import { useDataset } from '../state/useDataset';

/** What is loaded, what is loading, and what failed (with the validator's words). */
export function LoadProgress() {
  const { engine, tables, sources } = useDataset('engine', 'tables', 'sources');
  const { t, num } = useI18n();
  const done = TABLE_NAMES.filter((t) => tables[t].state === 'ready').length;
  const allDone = TABLE_NAMES.every((t) => ['ready', 'failed', 'absent'].includes(tables[t].state));
  const absent = TABLE_NAMES.filter((t) => tables[t].state === 'absent').length;
  return (
    <details className="load-progress" data-testid="load-progress" open={engine.state === 'failed' || TABLE_NAMES.some((t) => tables[t].state === 'failed')}>
      <summary>
        <span role="status">
        {engine.state === 'loading' && t('progress.starting')}
        {engine.state === 'failed' && t('progress.engineFailed', { message: engine.message })}
        {engine.state === 'ready' && (allDone ? t('progress.done', { done: num(done), total: num(TABLE_NAMES.length - absent) }) + (absent ? t('progress.absentNote', { n: num(absent) }) : '') : t('progress.loading', { done: num(done), total: num(TABLE_NAMES.length) }))}
        </span>
        {engine.state === 'ready' && !allDone && <progress max={TABLE_NAMES.length} value={done} aria-label={t('progress.tablesLoaded')} />}
      </summary>
      <ul>
        {TABLE_NAMES.map((name) => {
          const s = tables[name];
          return (
            <li key={name} data-table={name} data-state={s.state}>
              <code>{name}</code>:{' '}
              {s.state === 'waiting' && t('progress.waiting')}
              {s.state === 'loading' && `${s.step}…`}
              {s.state === 'ready' && t('progress.rows', { rows: num(s.rows), kib: num(s.bytes / 1024) }) + (sources[name] && sources[name] !== 'demo' ? t('progress.from', { source: sources[name]! }) : '')}
              {s.state === 'absent' && t('progress.absent')}
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
