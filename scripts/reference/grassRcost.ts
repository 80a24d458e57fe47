/**
 * GRASS GIS r.cost as a reference and a native peer: writes a friction raster and start cells as binary files, runs
 * r.in.bin, r.cost (-k for knight's moves) and r.out.bin inside a throw-away XY (projected, metres) location, and
 * reads the results back. Used by scripts/reference/grass-rcost.ts (the committed fixtures), the live test and the
 * bench. GRASS is a reference tool for tests and benchmarks here, never something users need.
 *
 * Units: r.cost takes a cost per cell (the cost of crossing one cell east-west) and scales other moves by their
 * length in east-west cells (raster/r.cost/main.c: EW_fac = 1, NS_fac = nsres / ewres...). So the input is
 * minutes per metre x ewres, and the output is then minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface GrassRun {
  width: number;
  height: number;
  /** Cell size in metres, east-west and north-south. */
  ewRes: number;
  nsRes: number;
  /** Minutes per metre, row-major from the north-west cell; NaN = barrier (a null cell for GRASS). */
  minutesPerMetre: Float32Array | Float64Array;
  /** Start cells (row * width + col); GRASS gets them as a raster whose values are index + 1. */
  sources: Int32Array;
  knightsMove: boolean;
  /** r.cost max_cost (an integer in GRASS 8.2). */
  maxCost?: number;
  /** r.cost memory in MB: enough to keep the whole grid in memory for a fair timing. */
  memoryMb?: number;
}

export interface GrassResult {
  version: string;
  /** Cumulative cost (minutes); NaN where GRASS wrote null (unreached). */
  minutes: Float64Array;
  /** Index into sources of the nearest start cell; -1 where null. */
  nearest: Int32Array;
  /** Wall time of the r.cost command alone (it reads its input map and writes its output maps), and of the import. */
  rcostMs: number;
  importMs: number;
  /** Peak resident memory of r.cost (GNU time's maximum resident set size), when /usr/bin/time exists. */
  rcostPeakMb: number | null;
  command: string;
}

/** `GRASS GIS 8.2.1` when `grass` is on PATH, else null. */
export function grassVersion(): string | null {
  const r = spawnSync('grass', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) return null;
  return (r.stdout + r.stderr).split('\n').find((l) => /^GRASS GIS \d/.test(l.trim()))?.trim() ?? null;
}

const BARRIER = -1; // r.in.bin anull: friction values are never negative
const NO_START = 0;

export function runGrassRcost(run: GrassRun): GrassResult {
  const version = grassVersion();
  if (!version) throw new Error('GRASS GIS is not on PATH: install it with apt-get update && apt-get install -y grass-core');
  const dir = mkdtempSync(path.join(tmpdir(), 'care-grass-'));
  try {
    const n = run.width * run.height;
    const cost = new Float64Array(n);
    for (let i = 0; i < n; i++) cost[i] = Number.isNaN(run.minutesPerMetre[i]) ? BARRIER : run.minutesPerMetre[i] * run.ewRes;
    const start = new Int32Array(n);
    run.sources.forEach((cell, i) => {
      if (start[cell] === NO_START) start[cell] = i + 1; // duplicates: the first index, as costDistance
    });
    writeFileSync(path.join(dir, 'cost.bin'), new Uint8Array(cost.buffer));
    writeFileSync(path.join(dir, 'start.bin'), new Uint8Array(start.buffer));
    const extent = `north=${run.height * run.nsRes} south=0 east=${run.width * run.ewRes} west=0 rows=${run.height} cols=${run.width}`;
    const rcost = `r.cost ${run.knightsMove ? '-k ' : ''}input=cost start_raster=start output=cum nearest=near memory=${run.memoryMb ?? 2000}` +
      (run.maxCost != null ? ` max_cost=${run.maxCost}` : '') + ' --quiet';
    const timeCmd = spawnSync('/usr/bin/time', ['--version'], { encoding: 'utf8' }).status === 0 ? `/usr/bin/time -f %M -o ${dir}/rss.txt ` : '';
    writeFileSync(path.join(dir, 'run.sh'), [
      'set -e',
      `cd ${dir}`,
      't0=$(date +%s%N)',
      `r.in.bin -d input=cost.bin output=cost bytes=8 anull=${BARRIER} ${extent} --quiet`,
      `r.in.bin input=start.bin output=start bytes=4 anull=${NO_START} ${extent} --quiet`,
      'g.region raster=cost',
      't1=$(date +%s%N)',
      `${timeCmd}${rcost}`,
      't2=$(date +%s%N)',
      'r.out.bin -f input=cum output=cum.bin bytes=8 null=-1 --quiet',
      'r.out.bin -i input=near output=near.bin bytes=4 null=0 --quiet',
      'echo "$((t1 - t0)) $((t2 - t1))" > times.txt',
    ].join('\n'));
    execFileSync('grass', ['--tmp-location', 'XY', '--exec', 'bash', path.join(dir, 'run.sh')], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const cum = new Float64Array(bytesOf(path.join(dir, 'cum.bin')));
    const near = new Int32Array(bytesOf(path.join(dir, 'near.bin')));
    if (cum.length !== n || near.length !== n) throw new Error(`r.out.bin wrote ${cum.length} and ${near.length} cells, expected ${n}`);
    const [importNs, rcostNs] = readFileSync(path.join(dir, 'times.txt'), 'utf8').trim().split(' ').map(Number);
    let rcostPeakMb: number | null = null;
    if (timeCmd) rcostPeakMb = Number(readFileSync(path.join(dir, 'rss.txt'), 'utf8').trim().split('\n').pop()) / 1024;
    return {
      version,
      minutes: cum.map((v) => (v === -1 ? NaN : v)),
      nearest: near.map((v) => v - 1),
      rcostMs: rcostNs / 1e6,
      importMs: importNs / 1e6,
      rcostPeakMb,
      command: rcost.replace(/ memory=\d+/, '').replace(' --quiet', ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A file's bytes as their own ArrayBuffer (a small Buffer is a view into a shared pool). */
function bytesOf(file: string): ArrayBuffer {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
