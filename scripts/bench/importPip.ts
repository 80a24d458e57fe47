/**
 * `npm run bench -- --only import-pip`: point-in-polygon of 1 M random points against the 14 real OCHA district
 * outlines of Sierra Leone (about 21,000 vertices), as import places population points: the exact test alone
 * (R-tree candidates, then even-odd over each ring's strip of edges) and with the grid of answers in front, in
 * the same run, alternating, so that the ratio compares like with like on a busy machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PolygonIndex } from '../../src/import/polygonIndex';
import { readShapefileZip } from '../../src/import/readGeo';

export interface ImportPipRow { method: 'exact test only' | 'grid of answers + exact test'; medianMs: number; runsMs: number[]; inside: number }

export async function benchImportPip(root: string, o: { reps: number; log: (s: string) => void }): Promise<ImportPipRow[]> {
  const [adm2] = await readShapefileZip(readFileSync(path.join(root, 'src/import/fixtures/real/sierra-leone/sle_admbnda_adm2_1m_gov_ocha.zip')), 'adm2.zip');
  const items = adm2.features.map((f, i) => ({ id: String(i), geometry: f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon }));
  const n = 1_000_000;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  let seed = 5;
  for (let i = 0; i < n; i++) {
    seed = (seed * 48271) % 2147483647; xs[i] = -13.3 + (seed / 2147483647) * 3.03;
    seed = (seed * 48271) % 2147483647; ys[i] = 6.92 + (seed / 2147483647) * 3.08;
  }
  const rows: ImportPipRow[] = [
    { method: 'exact test only', medianMs: 0, runsMs: [], inside: 0 },
    { method: 'grid of answers + exact test', medianMs: 0, runsMs: [], inside: 0 },
  ];
  for (let rep = 0; rep < o.reps; rep++) {
    for (const row of rows) {
      // Built inside the timing: each run starts with an empty grid, as one import does.
      const t0 = performance.now();
      const index = new PolygonIndex(items, { grid: row.method !== 'exact test only' });
      let inside = 0;
      for (let i = 0; i < n; i++) if (index.locate(xs[i], ys[i]) >= 0) inside++;
      row.runsMs.push(performance.now() - t0);
      row.inside = inside;
    }
    o.log(`point in polygon, run ${rep + 1}/${o.reps}: ${rows.map((r) => `${r.method} ${r.runsMs.at(-1)!.toFixed(0)} ms`).join(', ')}`);
  }
  for (const row of rows) row.medianMs = [...row.runsMs].sort((a, b) => a - b)[Math.floor(row.runsMs.length / 2)];
  if (rows[0].inside !== rows[1].inside) throw new Error(`the grid changed answers: ${rows[0].inside} vs ${rows[1].inside} points inside`);
  return rows;
}

export function importPipMarkdown(rows: readonly ImportPipRow[]): string {
  const before = rows[0].medianMs;
  return ['| 1 M points x 14 real districts (~21,000 vertices) | median | runs | points inside | speed-up |', '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.method} | ${(r.medianMs / 1000).toFixed(2)} s | ${r.runsMs.map((x) => (x / 1000).toFixed(2)).join(', ')} s | ${r.inside.toLocaleString('en')} | ${(before / r.medianMs).toFixed(1)}x |`)].join('\n');
}
