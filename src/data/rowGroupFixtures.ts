// Test fixtures: Parquet files with many row groups, whole or damaged, built from the demo data (no binary committed).
import { readFileSync } from 'node:fs';
import * as parquet from 'parquet-wasm';

/** The demo population (100,000 rows) rewritten with 10,000-row groups. */
export function populationInGroups(rowsPerGroup = 10_000): Uint8Array {
  const ipc = parquet.readParquet(readFileSync('data/population.parquet')).intoIPCStream();
  return parquet.writeParquet(parquet.Table.fromIPCStream(ipc), new parquet.WriterPropertiesBuilder().setMaxRowGroupSize(rowsPerGroup).build());
}

/** The file with 2,000 bytes of its last row group's pages overwritten (the footer intact). */
export function damagedLastGroup(file: Uint8Array): Uint8Array {
  const copy = file.slice();
  const footer = new DataView(copy.buffer, copy.length - 8, 4).getUint32(0, true);
  const dataEnd = copy.length - 8 - footer;
  // Row groups are written in order: the last tenth of the data is the last group; damage its start.
  const start = Math.floor(dataEnd * 0.92);
  for (let i = start; i < start + 2000; i++) copy[i] = (copy[i] * 31 + 7) & 0xff;
  return copy;
}
