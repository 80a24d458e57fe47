import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm';
import { arrowTableFromColumns } from '../../src/data/arrowTable';
import { CONTRACT, TABLE_NAMES } from '../../src/data/contract';
import type { DemoDataset, DemoOptions } from './buildDemo';

export interface WrittenFile { file: string; rows: number; bytes: number }

/** Write each table as zstd Parquet (parquet-wasm: the same codec the browser uses) plus boundaries.geojson, roads.geojson, barriers.geojson and landcover.geojson. */
export async function writeDemo(demo: DemoDataset, outDir: string, options: DemoOptions): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const name of TABLE_NAMES) {
    const table = arrowTableFromColumns(CONTRACT[name], demo.tables[name]);
    const props = new WriterPropertiesBuilder()
      .setCompression(Compression.ZSTD)
      .setCreatedBy('care-access-dashboard demo generator')
      .setMaxRowGroupSize(1 << 20)
      .build();
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), props);
    const file = `${name}.parquet`;
    await writeFile(path.join(outDir, file), bytes);
    written.push({ file, rows: table.numRows, bytes: bytes.byteLength });
  }
  const geo = JSON.stringify(demo.boundaries);
  await writeFile(path.join(outDir, 'boundaries.geojson'), geo);
  written.push({ file: 'boundaries.geojson', rows: demo.boundaries.features.length, bytes: Buffer.byteLength(geo) });
  for (const [file, fc] of [['roads.geojson', demo.transport.roads], ['barriers.geojson', demo.transport.barriers], ['landcover.geojson', demo.landCover]] as const) {
    const text = JSON.stringify(fc);
    await writeFile(path.join(outDir, file), text);
    written.push({ file, rows: fc.features.length, bytes: Buffer.byteLength(text) });
  }
  const manifest = {
    name: 'Demo Republic (synthetic)',
    synthetic: true,
    note: 'Synthetic demonstration data: a made-up country, generated deterministically. Not real facilities or people.',
    generator: 'scripts/generate-demo.ts',
    seed: options.seed,
    scale: options.scale,
    files: written,
  };
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return written;
}
