/**
 * The JavaScript peer: Arquero (uwdata) over hyparquet (pure-JS Parquet reader, zstd via hyparquet-compressors), the
 * overview's aggregation written as Arquero verbs with the same semantics as src/queries/overviewSql.ts
 * (workforce = doctors + nurses + midwives, NULL counts as 0, densities per 10,000 as ratios of sums).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as aq from 'arquero';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

type ColumnTable = ReturnType<typeof aq.from>;
export interface PeerLoad { table: string; bytes: number; rows: number; ms: number }

export async function loadPeerTable(dataDir: string, table: string, columns?: string[]): Promise<{ table: ColumnTable; load: PeerLoad }> {
  const bytes = await readFile(path.join(dataDir, `${table}.parquet`));
  const t0 = performance.now();
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const rows = await parquetReadObjects({ file, compressors, columns });
  const t = aq.from(rows);
  return { table: t, load: { table, bytes: bytes.byteLength, rows: t.numRows(), ms: performance.now() - t0 } };
}

const op = aq.op;
// Arquero compiles these arrow functions from their source text: they must stay plain expressions over d and $.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Arquero's rows are untyped; these expressions are compiled from source text
type Row = Record<string, any>;

function districtTotals(regions: ColumnTable, facilities: ColumnTable, province: string | null) {
  const provinces = regions.filter((d: Row) => d.level === 1).select({ region_id: 'parent_id', name: 'province' });
  const districts = regions
    .params({ province })
    .filter((d: Row, $: { province: string | null }) => d.level === 2 && ($.province == null || d.parent_id === $.province))
    .select('region_id', 'name', 'name_ar', 'parent_id', 'population')
    .join_left(provinces, 'parent_id')
    .rename({ parent_id: 'province_id' });
  const totals = facilities
    .groupby('region_id')
    .rollup({
      // SUM skips NULLs in Arquero as in SQL, so COALESCE(x, 0) inside the sum is implied.
      facilities: () => op.count(),
      beds: (d: Row) => op.sum(d.beds),
      doctors: (d: Row) => op.sum(d.doctors),
      nurses: (d: Row) => op.sum(d.nurses),
      midwives: (d: Row) => op.sum(d.midwives),
    });
  return districts
    .join_left(totals, 'region_id')
    .derive({
      facilities: (d: Row) => d.facilities != null ? d.facilities : 0,
      beds: (d: Row) => d.beds != null ? d.beds : 0,
      doctors: (d: Row) => d.doctors != null ? d.doctors : 0,
      nurses: (d: Row) => d.nurses != null ? d.nurses : 0,
      midwives: (d: Row) => d.midwives != null ? d.midwives : 0,
    })
    .derive({ workforce: (d: Row) => d.doctors + d.nurses + d.midwives });
}

const per10k = {
  facilities_per_10k: (d: Row) => (d.population > 0 ? (1e4 * d.facilities) / d.population : null),
  beds_per_10k: (d: Row) => (d.population > 0 ? (1e4 * d.beds) / d.population : null),
  doctors_per_10k: (d: Row) => (d.population > 0 ? (1e4 * d.doctors) / d.population : null),
  workforce_per_10k: (d: Row) => (d.population > 0 ? (1e4 * d.workforce) / d.population : null),
};

/** districtDensityQuery as Arquero verbs: one object per district, ordered by region_id. */
export function peerDistrictDensity(regions: ColumnTable, facilities: ColumnTable, province: string | null) {
  return districtTotals(regions, facilities, province).derive(per10k).orderby('region_id').objects();
}
