/**
 * Country scale: reduce hundreds of millions of population cells (a raster exported to points) and a national facility
 * registry, with native DuckDB, into the tables the browser loads: population gridded to --grid-km cells (population-
 * weighted centroids), region populations summed from the cells, the facility registry checked and deduplicated, and
 * a pre-aggregated district facility table in OUT/precomputed/ (the overview's group-by, computed once here instead of in every browser).
 *
 *   npx tsx scripts/reduce-country.ts --input DIR --out DIR [--grid-km 1] [--regions FILE]
 *   npx tsx scripts/reduce-country.ts --generate 100 --from data/scale-100 --input /tmp/country --out /tmp/country-web
 *
 * Input (Parquet): DIR/population_cells.parquet (cell_id, region_id, lat, lon, population[, wealth_quintile, urban])
 * and DIR/facility_registry.parquet (the data contract's facilities columns). region_id per cell comes from an
 * administrative-code raster on the same grid as the population raster (as WorldPop's mastergrids), so no polygon
 * test is needed here; with DuckDB's spatial extension installed, ST_Contains against the boundaries does the same.
 * `--generate K` first writes a synthetic input: each point of --from's population split into K cells jittered within
 * ~1 km (10,000,000 points x K), and its facilities as the registry, so the reduction can be measured here.
 */
import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../src/db/sqlText';

const { values } = parseArgs({
  options: {
    input: { type: 'string' }, out: { type: 'string' }, 'grid-km': { type: 'string', default: '1' },
    regions: { type: 'string' }, generate: { type: 'string' }, from: { type: 'string', default: 'data/scale-100' },
  },
});
if (!values.input || !values.out) {
  console.error('usage: npx tsx scripts/reduce-country.ts --input DIR --out DIR [--grid-km 1] [--regions FILE] [--generate K --from DATA_DIR]');
  process.exit(2);
}
const input = path.resolve(values.input);
const out = path.resolve(values.out);
const gridKm = Number(values['grid-km']);
if (!(gridKm > 0)) throw new Error(`invalid --grid-km: ${values['grid-km']}`);
const regionsFile = path.resolve(values.regions ?? path.join(values.from!, 'regions.parquet'));
const mb = (p: string) => statSync(p).size / 1e6;

const db = await DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false' });
const conn = await db.connect();
const steps: { step: string; seconds: number; rows: number; outMb: number }[] = [];
async function step(name: string, sql: string, file: string): Promise<void> {
  const t0 = performance.now();
  await conn.run(sql);
  const seconds = (performance.now() - t0) / 1000;
  const [{ n }] = (await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM read_parquet(${literal(file)})`)).getRowObjectsJS() as { n: number }[];
  steps.push({ step: name, seconds, rows: n, outMb: mb(file) });
  console.error(`${name}: ${seconds.toFixed(1)} s, ${n.toLocaleString('en-US')} rows, ${mb(file).toFixed(1)} MB`);
}

const cells = path.join(input, 'population_cells.parquet');
const registry = path.join(input, 'facility_registry.parquet');
if (values.generate) {
  const k = Number(values.generate);
  if (!Number.isInteger(k) || k < 1) throw new Error(`invalid --generate: ${values.generate}`);
  mkdirSync(input, { recursive: true });
  const from = path.resolve(values.from!);
  // Deterministic jitter from hash(); ~0.01 degrees is ~1 km, the size of the source points' own spacing.
  await step(`generate: ${k} cells per point of ${path.relative(process.cwd(), from)}`, `COPY (
      SELECT (p.cell_id::BIGINT * ${k} + r.range)::BIGINT AS cell_id, p.region_id,
        p.lat + ((hash(p.cell_id, r.range, 1) % 10000) / 10000.0 - 0.5) * 0.01 AS lat,
        p.lon + ((hash(p.cell_id, r.range, 2) % 10000) / 10000.0 - 0.5) * 0.01 AS lon,
        p.population / ${k} AS population, p.wealth_quintile, p.urban
      FROM read_parquet(${literal(path.join(from, 'population.parquet'))}) p CROSS JOIN range(${k}) r
    ) TO ${literal(cells)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`, cells);
  await step('generate: facility registry', `COPY (SELECT * FROM read_parquet(${literal(path.join(from, 'facilities.parquet'))}))
    TO ${literal(registry)} (FORMAT parquet, COMPRESSION zstd)`, registry);
}

mkdirSync(out, { recursive: true });
const t0 = performance.now();
// Cells of gridKm in latitude; the same step in degrees of longitude (cells narrow by cos(lat): ~3% at 15 degrees N).
const deg = gridKm / 111.32;
const population = path.join(out, 'population.parquet');
await step(`reduce: population to a ${gridKm} km grid`, `COPY (
    WITH g AS (
      SELECT region_id, floor(lat / ${deg})::BIGINT AS gy, floor(lon / ${deg})::BIGINT AS gx,
        sum(population) AS population,
        sum(population * lat) / nullif(sum(population), 0) AS lat, sum(population * lon) / nullif(sum(population), 0) AS lon,
        -- the quintile and residence the most people in the cell have
        arg_max(wealth_quintile, population) AS wealth_quintile,
        sum(population) FILTER (WHERE urban) > sum(population) / 2 AS urban
      FROM read_parquet(${literal(cells)}) WHERE population > 0 GROUP BY ALL
    )
    SELECT row_number() OVER (ORDER BY region_id, gy, gx)::INTEGER AS cell_id, region_id, round(lat, 5) AS lat, round(lon, 5) AS lon,
      population, wealth_quintile::INTEGER AS wealth_quintile, urban
    FROM g
  ) TO ${literal(population)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`, population);

const regions = path.join(out, 'regions.parquet');
await step('reduce: region populations from the cells', `COPY (
    WITH d AS (SELECT region_id, sum(population) AS population FROM read_parquet(${literal(population)}) GROUP BY 1),
    r AS (SELECT * FROM read_parquet(${literal(regionsFile)})),
    p AS (SELECT r.parent_id AS region_id, sum(d.population) AS population FROM d JOIN r USING (region_id) GROUP BY 1),
    n AS (SELECT region_id, (SELECT sum(population) FROM d) AS population FROM r WHERE level = 0)
    SELECT r.* REPLACE (coalesce(x.population, 0)::DOUBLE AS population)
    FROM r LEFT JOIN (SELECT * FROM d UNION ALL SELECT * FROM p UNION ALL SELECT * FROM n) x USING (region_id)
    ORDER BY level, region_id
  ) TO ${literal(regions)} (FORMAT parquet, COMPRESSION zstd)`, regions);

const facilities = path.join(out, 'facilities.parquet');
await step('reduce: facility registry checked and deduplicated', `COPY (
    SELECT * FROM read_parquet(${literal(registry)})
    WHERE lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180
    QUALIFY row_number() OVER (PARTITION BY facility_id ORDER BY open_year DESC NULLS LAST) = 1
    ORDER BY region_id, facility_id
  ) TO ${literal(facilities)} (FORMAT parquet, COMPRESSION zstd)`, facilities);

// Not a data-contract table: kept apart so that `npm run validate -- OUT` checks only the contract's files.
mkdirSync(path.join(out, 'precomputed'), { recursive: true });
const totals = path.join(out, 'precomputed', 'district_facility_totals.parquet');
await step('precompute: district facility totals (the overview group-by)', `COPY (
    SELECT region_id, count(*)::DOUBLE AS facilities, sum(coalesce(beds, 0))::DOUBLE AS beds, sum(coalesce(doctors, 0))::DOUBLE AS doctors,
      sum(coalesce(nurses, 0))::DOUBLE AS nurses, sum(coalesce(midwives, 0))::DOUBLE AS midwives
    FROM read_parquet(${literal(facilities)}) GROUP BY region_id ORDER BY region_id
  ) TO ${literal(totals)} (FORMAT parquet, COMPRESSION zstd)`, totals);

const reduceSeconds = (performance.now() - t0) / 1000;
const [{ inRows }] = (await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS "inRows" FROM read_parquet(${literal(cells)})`)).getRowObjectsJS() as { inRows: number }[];
const [{ threads, memory }] = (await conn.runAndReadAll("SELECT current_setting('threads')::INTEGER AS threads, current_setting('memory_limit') AS memory")).getRowObjectsJS() as { threads: number; memory: string }[];
console.log(JSON.stringify({
  input: { populationCells: inRows, populationMb: mb(cells), registryFacilities: steps.find((s) => s.step.startsWith('reduce: facility'))?.rows, registryMb: mb(registry) },
  output: { gridKm, populationPoints: steps.find((s) => s.step.startsWith('reduce: population'))?.rows, populationMb: mb(population), facilitiesMb: mb(facilities), regionsMb: mb(regions), totalsMb: mb(totals) },
  reduceSeconds, steps, machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), duckdbThreads: threads, duckdbMemoryLimit: memory },
}, null, 2));
conn.closeSync();
db.closeSync();
