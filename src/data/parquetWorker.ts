/// <reference lib="webworker" />
// Decodes Parquet to Arrow IPC off the main thread (parquet-wasm: duckdb-wasm 1.32 has no offline Parquet reader).
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export interface DecodeRequest { id: number; bytes: Uint8Array }
export type DecodeResponse = { id: number; ok: true; ipc: Uint8Array } | { id: number; ok: false; error: string };

const ready = init({ module_or_path: wasmUrl });

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, bytes } = event.data;
  try {
    await ready;
    const ipc = readParquet(bytes).intoIPCStream();
    (self as unknown as Worker).postMessage({ id, ok: true, ipc } satisfies DecodeResponse, [ipc.buffer]);
  } catch (e) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies DecodeResponse);
  }
};
