/** Which E2SFCA the Access view would run on a data folder: the app's plan SQL and choice, on native DuckDB. */
import { ACCESS_DEMAND_CELLS, catchmentPlanSql, chooseCatchmentPlan, type CatchmentPlan, type CatchmentPlanRow } from '../../src/queries/catchmentPlan';
import { openNative } from './nativeEngine';

export async function nativeCatchmentPlan(dataDir: string, catchmentKm: number, budget?: number): Promise<CatchmentPlan & { rows: CatchmentPlanRow[] }> {
  const native = await openNative(dataDir, ['facilities', 'population']);
  try {
    const rows = (await native.rows(catchmentPlanSql({ catchmentKm, demandCells: ACCESS_DEMAND_CELLS }))) as unknown as CatchmentPlanRow[];
    return { ...chooseCatchmentPlan(rows, budget), rows };
  } finally {
    native.close();
  }
}
