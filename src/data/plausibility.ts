import type { SqlRunner } from '../db/sqlRunner';
import type { BoundaryFeature } from './boundaries';
import type { TableName } from './contract';
import {
  boundaryEdgeRows, boundaryTablesSql, checkSummarySql, FACILITY_FLAGS, facilityFlagsSql, PLAUSIBILITY_CHECKS, type PlausibilityCheck,
} from './plausibilitySql';

export interface PlausibilityFinding {
  id: PlausibilityCheck['id'];
  rule: string;
  count: number;
  examples: string[];
}

export interface PlausibilityReport {
  /** Checks that ran, with what they found (count 0 = nothing implausible). */
  findings: PlausibilityFinding[];
  /** Checks that could not run, and why (a table or the boundaries are missing). */
  skipped: { id: PlausibilityCheck['id']; reason: string }[];
}

const EMPTY_FLAGS = `CREATE OR REPLACE TABLE ${FACILITY_FLAGS} (facility_id VARCHAR, flag VARCHAR, region_id VARCHAR, found_in VARCHAR, km DOUBLE)`;

/**
 * Run every plausibility check the loaded tables allow. Builds the boundary tables (when boundaries are given) and
 * facility_flags (always, empty without facilities, so that the Plan can always read it). Warnings only: this never
 * rejects data.
 */
export async function runPlausibility(db: SqlRunner, o: { loaded: ReadonlySet<TableName>; boundaries: readonly BoundaryFeature[] | null }): Promise<PlausibilityReport> {
  const hasBoundaries = !!o.boundaries && o.boundaries.length > 0;
  if (hasBoundaries) for (const sql of boundaryTablesSql(boundaryEdgeRows(o.boundaries!))) await db.rows(sql);
  await db.rows(o.loaded.has('facilities') ? facilityFlagsSql({ boundaries: hasBoundaries }) : EMPTY_FLAGS);
  const report: PlausibilityReport = { findings: [], skipped: [] };
  for (const check of PLAUSIBILITY_CHECKS) {
    const missing = check.needs.filter((t) => !o.loaded.has(t));
    if (missing.length || (check.boundaries && !hasBoundaries)) {
      report.skipped.push({ id: check.id, reason: missing.length ? `no ${missing.join(', ')} table loaded` : 'no boundaries loaded' });
      continue;
    }
    const [row] = await db.rows<{ n: number | bigint; examples: ArrayLike<string> | null }>(checkSummarySql(check));
    report.findings.push({ id: check.id, rule: check.rule, count: Number(row.n), examples: row.examples ? Array.from(row.examples) : [] });
  }
  return report;
}
