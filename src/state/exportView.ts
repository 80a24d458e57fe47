import { exportQuery } from '../data/exportQuery';
import { getSnapshot } from './datasetStore';

/** Export the rows of `query` as a file (store action: the component asks, the session's engine runs it). */
export async function exportView(...[query, format, meta, fileBase, chartSvg]: DropFirst<Parameters<typeof exportQuery>>) {
  const { engine } = getSnapshot();
  if (engine.state !== 'ready') throw new Error('the database is not ready yet');
  return exportQuery(engine.db, query, format, meta, fileBase, chartSvg);
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
