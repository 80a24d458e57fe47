// Generates the synthetic demonstration country into data/ (or data/scale-N/ for --scale N != 1).
// usage: npm run data -- [--scale N] [--seed S] [--out DIR]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFirstPage } from './first-page';
import { buildDemo } from './demo/buildDemo';
import { writeDemo } from './demo/writeDemo';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20261125' }, out: { type: 'string' } },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run data -- [--scale N (>0)] [--seed integer] [--out DIR]');
  process.exit(2);
}
const outDir = values.out ?? (scale === 1 ? 'data' : path.join('data', `scale-${scale}`));
const t0 = performance.now();
const demo = buildDemo({ seed, scale });
const files = await writeDemo(demo, outDir, { seed, scale });
for (const f of files) console.log(`${path.join(outDir, f.file).padEnd(36)} ${String(f.rows).padStart(10)} rows ${(f.bytes / 1024).toFixed(0).padStart(8)} KiB`);
console.log(`${await writeFirstPage(outDir)} (the first page's answers, scripts/first-page.ts)`);
console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
