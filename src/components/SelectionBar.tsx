import { useMemo } from 'react';
import { regionNameQuery } from '../queries/overviewSql';
import { useQuery } from '../state/useQuery';

/** The one visible "clear selection": a selected district is highlighted in every view until cleared. */
export function SelectionBar({ district, onClear }: { district: string | null; onClear: () => void }) {
  const name = useQuery<{ name: string }>(useMemo(() => regionNameQuery(district ?? ''), [district]), ['regions']);
  if (!district) return null;
  const label = name.status === 'ready' && name.rows[0] ? name.rows[0].name : district;
  return (
    <div className="selection-bar" role="status" data-testid="selection-bar">
      Selected district: <strong>{label}</strong>
      <button type="button" onClick={onClear} data-testid="clear-selection">Clear selection</button>
    </div>
  );
}
