import { useEffect, useState } from 'react';
import { dataHoldsOf, type DataHolds } from '../metrics/dataHolds';
import { dataHoldsQuery, type DataHoldsRow } from '../queries/dataHoldsSql';
import { useDataset, useNeedStates } from './useDataset';

const FACILITIES = ['facilities'] as const;
// One answer per facilities table version: every picker on the page shares it (asked once per dataset).
const cache = new Map<number, Promise<DataHolds | null>>();

/**
 * What the loaded facilities hold (measures reported, categories present), or null until known. Pickers offer only
 * these; before the answer (or if the query fails) they offer everything, as before.
 */
export function useDataHolds(): DataHolds | null {
  const { engine } = useDataset('engine');
  const [facilities] = useNeedStates(FACILITIES);
  const [holds, setHolds] = useState<{ version: number; value: DataHolds | null } | null>(null);
  const ready = engine.state === 'ready' && facilities.state === 'ready';
  useEffect(() => {
    if (!ready || engine.state !== 'ready') return;
    let live = true;
    let p = cache.get(facilities.version);
    if (!p) {
      p = engine.db.rows<DataHoldsRow>(dataHoldsQuery()).then((rows) => (rows[0] ? dataHoldsOf(rows[0]) : null), () => null);
      cache.set(facilities.version, p);
    }
    p.then((value) => live && setHolds({ version: facilities.version, value }));
    return () => { live = false; };
  }, [ready, engine, facilities.version]);
  return ready && holds?.version === facilities.version ? holds.value : null;
}
