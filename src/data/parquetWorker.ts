/// <reference lib="webworker" />
// Decodes Parquet to Arrow IPC off the main thread (parquet-wasm: duckdb-wasm 1.32 has no offline Parquet reader),
// with the same checks and messages as the command-line validator (size caps, magic, truncation, encryption).
import init, { readParquet, readSchema } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { CONTRACT, TABLE_NAMES } from './contract';
import { decodeParquet } from './decodeParquet';

export interface DecodeRequest { id: number; bytes: Uint8Array }
export type DecodeResponse = { id: number; ok: true; ipc: Uint8Array } | { id: number; ok: false; error: string };

const ready = init({ module_or_path: wasmUrl });
// Only columns some table of the contract uses are decoded: an unrelated nested column does not block a file.
const CONTRACT_COLUMNS = [...new Set(TABLE_NAMES.flatMap((t) => CONTRACT[t].columns.map((c) => c.name)))];

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, bytes } = event.data;
  const post = (msg: DecodeResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);
  try {
    await ready;
    const result = await decodeParquet(bytes, { readParquet, readSchema }, CONTRACT_COLUMNS);
    if (result.ok) post({ id, ok: true, ipc: result.ipc }, [result.ipc.buffer]);
    else post({ id, ok: false, error: result.column ? `${result.message} (column ${result.column})` : result.message });
  } catch (e) {
    post({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
