/// <reference lib="webworker" />
// Decodes Parquet to Arrow IPC off the main thread (parquet-wasm: duckdb-wasm 1.32 has no offline Parquet reader),
// with the same checks and messages as the command-line validator (size caps, magic, truncation, encryption).
import init, { readParquet, readSchema } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { CONTRACT, TABLE_NAMES } from './contract';
import { openParquet, type DecodeFailure, type ParquetBatches } from './decodeParquet';

/**
 * `decode` opens a file and sends its first batch; each `pull` sends the next one, so the loader holds at most the
 * batch it inserts and the one decoded meanwhile; `cancel` forgets the file. Every request ends with `done` or `error`.
 */
export type DecodeRequest = { id: number; kind: 'decode'; bytes: Uint8Array } | { id: number; kind: 'pull' | 'cancel' };
export type DecodeResponse =
  | { id: number; kind: 'batch'; ipc: Uint8Array }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'error'; failure: DecodeFailure };

const ready = init({ module_or_path: wasmUrl });
// Only columns some table of the contract uses are decoded: an unrelated nested column does not block a file.
const CONTRACT_COLUMNS = [...new Set(TABLE_NAMES.flatMap((t) => CONTRACT[t].columns.map((c) => c.name)))];
/** Open files and the next batch of each; dropped (with the file's bytes) once the last batch is sent. */
const open = new Map<number, { file: ParquetBatches; next: number }>();

const post = (msg: DecodeResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const msg = event.data;
  if (msg.kind === 'cancel') return void open.delete(msg.id);
  try {
    await ready;
    if (msg.kind === 'decode') {
      const file = await openParquet(msg.bytes, { readParquet, readSchema }, CONTRACT_COLUMNS);
      if (!file.ok) return post({ id: msg.id, kind: 'error', failure: file });
      open.set(msg.id, { file, next: 0 });
    }
    sendNext(msg.id);
  } catch (e) {
    open.delete(msg.id);
    post({ id: msg.id, kind: 'error', failure: { ok: false, problem: 'corrupt', message: e instanceof Error ? e.message : String(e) } });
  }
};

function sendNext(id: number): void {
  const entry = open.get(id);
  if (!entry) return;
  const ipc = entry.file.read(entry.next++);
  if (entry.next === entry.file.plan.length || !(ipc instanceof Uint8Array)) open.delete(id);
  if (!(ipc instanceof Uint8Array)) return post({ id, kind: 'error', failure: ipc });
  post({ id, kind: 'batch', ipc }, [ipc.buffer]);
  if (!open.has(id)) post({ id, kind: 'done' });
}
