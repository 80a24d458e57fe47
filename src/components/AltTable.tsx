import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** The table alternative of a chart: collapsed by default, the same numbers as the chart. */
export function AltTable({ caption, head, rows, testId }: { caption: string; head: readonly string[]; rows: readonly (readonly ReactNode[])[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <details className="alt-table">
      <summary>{t('table.showAsTable')}</summary>
      {/* On a phone a wide table scrolls inside its panel; focusable so that the keyboard can scroll it too. */}
      <div className="scroll-x" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j} className="num">{c}</td>))}</tr>)}
          </tbody>
        </table>
      </div>
    </details>
  );
}
