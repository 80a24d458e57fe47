import { useEffect, useRef, useState } from 'react';
import type { ColumnSpec } from '../../data/contract';
import { useI18n } from '../../i18n/I18nContext';
import { isNumeric } from './dataModel';

/** A filter box under a column header; applied when the user pauses typing or presses Enter. */
export function ColumnFilter({ column, value, onChange }: { column: ColumnSpec; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  // Back/forward changes the filter from outside: show it.
  useEffect(() => setText(value), [value]);
  const commit = (v: string) => {
    window.clearTimeout(timer.current);
    if (v !== value) onChange(v);
  };
  return (
    <input
      className="column-filter" value={text} aria-label={t('data.filter', { column: column.name })} data-testid={`filter-col-${column.name}`}
      placeholder={isNumeric(column) ? t('data.numberHint') : column.type === 'bool' ? 'true / false' : t('data.contains')}
      onChange={(e) => {
        setText(e.target.value);
        window.clearTimeout(timer.current);
        const v = e.target.value;
        timer.current = window.setTimeout(() => commit(v), 400);
      }}
      onKeyDown={(e) => e.key === 'Enter' && commit(text)}
    />
  );
}
