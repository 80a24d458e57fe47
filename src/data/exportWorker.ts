/// <reference lib="webworker" />
// Formats exports off the main thread, so that a million-row CSV or Parquet does not freeze the page.
import { tableFromIPC } from 'apache-arrow';
import init, { Compression, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { toArrowFile, toCsv, toJson, toZip, type ExportFormat, type ExportMetadata } from './exportFormats';

export interface ExportRequest { id: number; ipc: Uint8Array; format: ExportFormat; meta: ExportMetadata; chartSvg?: string }
export type ExportResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: string };

const ready = init({ module_or_path: wasmUrl });
const encoder = new TextEncoder();

async function parquetOf(ipc: Uint8Array): Promise<Uint8Array> {
  await ready;
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setCreatedBy('care-access-dashboard export').build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}

async function format({ ipc, format, meta, chartSvg }: ExportRequest): Promise<Uint8Array> {
  switch (format) {
    case 'parquet': return parquetOf(ipc);
    case 'arrow': return toArrowFile(tableFromIPC(ipc));
    case 'csv': return encoder.encode(toCsv(tableFromIPC(ipc)));
    case 'json': return encoder.encode(toJson(tableFromIPC(ipc)));
    case 'zip': return toZip(tableFromIPC(ipc), await parquetOf(ipc), meta, chartSvg);
  }
}

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id } = event.data;
  try {
    const bytes = await format(event.data);
    (self as unknown as Worker).postMessage({ id, ok: true, bytes } satisfies ExportResponse, [bytes.buffer]);
  } catch (e) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies ExportResponse);
  }
};
