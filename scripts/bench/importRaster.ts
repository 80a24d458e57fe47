/**
 * `npm run bench -- --only import-raster`: a synthetic 100 m national population raster of 100 M cells (10,000 x
 * 10,000 Float32, DEFLATE strips, as WorldPop ships them) goes through `npm run import` in its own process under
 * /usr/bin/time -v: wall time and peak resident memory. The raster is written once into the temp folder (not into
 * the repository) by a streaming TIFF writer, so that writing it never holds it whole either.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export interface ImportRasterResult {
  cells: number;
  fileMb: number;
  rasterTotal: number | null;
  pointsTotal: number | null;
  points: number | null;
  wallS: number;
  peakRssMb: number;
  exitCode: number | null;
  gridKm: number;
}

const SIZE = 10_000;
const PIXEL = 1 / 1200; // 3 arc-seconds, WorldPop's "100 m"
const ORIGIN = { lon: 3, lat: 13.5 };
const ROWS_PER_STRIP = 16;
const NODATA = -99999;

/** People in cell (x, y): a country shaped as an ellipse, towns as peaks over a rural floor; nodata outside. */
function rowValues(y: number, out: Float32Array): void {
  const cy = (y - SIZE / 2) / (SIZE / 2);
  for (let x = 0; x < SIZE; x++) {
    const cx = (x - SIZE / 2) / (SIZE / 2);
    if (cx * cx + cy * cy * 1.3 > 0.9) {
      out[x] = NODATA;
      continue;
    }
    const town = Math.max(0, Math.cos(x / 180) * Math.cos(y / 210)) ** 8;
    out[x] = 0.4 + ((x * 7919 + y * 104729) % 97) / 60 + 250 * town;
  }
}

/** A little-endian classic TIFF with GeoTIFF tags, DEFLATE strips written one at a time. */
export function writeSyntheticRaster(file: string): void {
  const strips = Math.ceil(SIZE / ROWS_PER_STRIP);
  const tmp = `${file}.part`;
  const fd = openSync(tmp, 'w');
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(0, 4); // IFD offset, patched at the end
  writeSync(fd, header);
  let offset = 8;
  const offsets: number[] = [];
  const counts: number[] = [];
  const row = new Float32Array(SIZE);
  for (let s = 0; s < strips; s++) {
    const rows = Math.min(ROWS_PER_STRIP, SIZE - s * ROWS_PER_STRIP);
    const raw = Buffer.alloc(rows * SIZE * 4);
    for (let j = 0; j < rows; j++) {
      rowValues(s * ROWS_PER_STRIP + j, row);
      Buffer.from(row.buffer).copy(raw, j * SIZE * 4);
    }
    const z = deflateSync(raw, { level: 1 });
    writeSync(fd, z, 0, z.length, offset);
    offsets.push(offset);
    counts.push(z.length);
    offset += z.length;
  }
  if (offset % 2) offset++;
  // Out-of-line values, then the IFD.
  const extra: Buffer[] = [];
  let extraOffset = offset;
  const put = (b: Buffer) => {
    const at = extraOffset;
    extra.push(b);
    extraOffset += b.length + (b.length % 2);
    if (b.length % 2) extra.push(Buffer.alloc(1));
    return at;
  };
  const u32 = (xs: number[]) => { const b = Buffer.alloc(xs.length * 4); xs.forEach((v, i) => b.writeUInt32LE(v, i * 4)); return b; };
  const f64 = (xs: number[]) => { const b = Buffer.alloc(xs.length * 8); xs.forEach((v, i) => b.writeDoubleLE(v, i * 8)); return b; };
  const u16 = (xs: number[]) => { const b = Buffer.alloc(xs.length * 2); xs.forEach((v, i) => b.writeUInt16LE(v, i * 2)); return b; };
  const offsetsAt = put(u32(offsets));
  const countsAt = put(u32(counts));
  const scaleAt = put(f64([PIXEL, PIXEL, 0]));
  const tieAt = put(f64([0, 0, 0, ORIGIN.lon, ORIGIN.lat, 0]));
  // GeoKeyDirectory: version 1.1.0, 3 keys: GTModelType = geographic, GTRasterType = pixel is area, GeographicType = 4326.
  const keysAt = put(u16([1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]));
  const nodataText = Buffer.from(`${NODATA}\0`, 'latin1');
  const nodataAt = put(nodataText);
  // [tag, type, count, value or offset]; types: 3 SHORT, 4 LONG, 12 DOUBLE, 2 ASCII.
  const entries: [number, number, number, number][] = [
    [256, 4, 1, SIZE], [257, 4, 1, SIZE], [258, 3, 1, 32], [259, 3, 1, 8], [262, 3, 1, 1], [273, 4, strips, offsetsAt],
    [277, 3, 1, 1], [278, 4, 1, ROWS_PER_STRIP], [279, 4, strips, countsAt], [284, 3, 1, 1], [339, 3, 1, 3],
    [33550, 12, 3, scaleAt], [33922, 12, 6, tieAt], [34735, 3, 16, keysAt], [42113, 2, nodataText.length, nodataAt],
  ];
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  ifd.writeUInt32LE(0, 2 + entries.length * 12);
  let at = offset;
  for (const b of extra) {
    writeSync(fd, b, 0, b.length, at);
    at += b.length;
  }
  writeSync(fd, ifd, 0, ifd.length, extraOffset);
  const ifdAt = Buffer.alloc(4);
  ifdAt.writeUInt32LE(extraOffset, 0);
  writeSync(fd, ifdAt, 0, 4, 4);
  closeSync(fd);
  renameSync(tmp, file);
}

/** Districts for the import to place the points in: a 14 x 14 grid of squares over the raster (196 polygons). */
function districtsGeoJson(): string {
  const n = 14;
  const side = (SIZE * PIXEL) / n;
  const features = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x0 = ORIGIN.lon + i * side, y0 = ORIGIN.lat - (j + 1) * side;
      features.push({
        type: 'Feature', properties: { ADM2_PCODE: `XB${String(i * n + j).padStart(4, '0')}`, ADM2_EN: `District ${i * n + j + 1}` },
        geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side], [x0, y0]]] },
      });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

export function benchImportRaster(root: string, o: { gridKm: number; log: (s: string) => void }): ImportRasterResult {
  const dir = path.join(tmpdir(), 'care-bench-import-raster');
  mkdirSync(dir, { recursive: true });
  const raster = path.join(dir, 'synthetic_100m_100M_cells.tif');
  if (!existsSync(raster)) {
    o.log(`writing a ${SIZE} x ${SIZE} raster (100 M cells) to ${raster}…`);
    writeSyntheticRaster(raster);
  }
  const input = path.join(dir, 'input');
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, 'districts.geojson'), districtsGeoJson());
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  o.log(`npm run import on it (${o.gridKm} km grid) under /usr/bin/time -v…`);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/import.ts'),
    input, raster, '--out', out, '--grid-km', String(o.gridKm)], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 2 ** 20 });
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(r.stderr)?.[1].trim() ?? '';
  const clock = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wallS = clock.reduce((a, b) => a * 60 + b, 0);
  const totals = /raster total ([\d.e+]+) = points total ([\d.e+]+)/.exec(r.stdout);
  const points = /(\d+) population points/.exec(r.stdout);
  if (r.status !== 0 && r.status !== 1) o.log(`import failed:\n${r.stdout}\n${r.stderr}`);
  return {
    cells: SIZE * SIZE, fileMb: statSync(raster).size / 2 ** 20, rasterTotal: totals ? Number(totals[1]) : null, pointsTotal: totals ? Number(totals[2]) : null,
    points: points ? Number(points[1]) : null, wallS, peakRssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024, exitCode: r.status, gridKm: o.gridKm,
  };
}

export function importRasterMarkdown(r: ImportRasterResult): string {
  return ['| raster | file | grid | points | raster total = points total | wall time | peak memory (RSS) | exit |', '|---|---|---|---|---|---|---|---|',
    `| ${(r.cells / 1e6).toFixed(0)} M cells (100 m, Float32, DEFLATE strips) | ${r.fileMb.toFixed(0)} MB | ${r.gridKm} km | ${r.points?.toLocaleString('en') ?? '?'} | ${r.rasterTotal ?? '?'} = ${r.pointsTotal ?? '?'} | ${r.wallS.toFixed(1)} s | ${r.peakRssMb.toFixed(0)} MB | ${r.exitCode} |`].join('\n');
}
