import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { DecodeError, ipcBatches, openParquet, type ParquetWasm } from './decodeParquet';
import type { DecodeRequest, DecodeResponse } from './parquetWorker';

/**
 * Parquet bytes -> Arrow IPC streams, one per batch of row groups (`batches`), or one for the whole file (calling
 * it); a decoding failure rejects with a DecodeError naming the problem. `terminate` frees a worker-backed decoder's memory.
 */
export interface ParquetDecoder {
  (bytes: Uint8Array): Promise<Uint8Array>;
  batches(bytes: Uint8Array): AsyncIterable<Uint8Array>;
  terminate?: () => void;
}

/** A decoder backed by one Web Worker. Batches are pulled one ahead of the consumer, so few are held at once. */
export function createWorkerDecoder(): ParquetDecoder {
  const worker = new Worker(new URL('./parquetWorker.ts', import.meta.url), { type: 'module' });
  const streams = new Map<number, (msg: DecodeResponse) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => streams.get(event.data.id)?.(event.data);
  worker.onerror = (event) => {
    const failure = { ok: false, problem: 'corrupt', message: `Parquet decoder crashed: ${event.message}` } as const;
    for (const deliver of streams.values()) deliver({ id: -1, kind: 'error', failure });
  };
  const send = (msg: DecodeRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);

  const batches = (bytes: Uint8Array): AsyncIterable<Uint8Array> => {
    const id = next++;
    const arrived: DecodeResponse[] = [];
    let wake: (() => void) | null = null;
    streams.set(id, (msg) => {
      arrived.push(msg);
      wake?.();
    });
    // Decoding starts now (not at the first `next()`): the worker works while the engine starts and other tables load.
    send({ id, kind: 'decode', bytes }, [bytes.buffer]);
    const stream = async function* () {
      let finished = false;
      try {
        for (;;) {
          while (arrived.length === 0) await new Promise<void>((r) => (wake = r));
          wake = null;
          const msg = arrived.shift()!;
          if (msg.kind === 'error') throw new DecodeError(msg.failure);
          if (msg.kind === 'done') break;
          send({ id, kind: 'pull' });
          yield msg.ipc;
        }
        finished = true;
      } finally {
        streams.delete(id);
        if (!finished) send({ id, kind: 'cancel' });
      }
    };
    return stream();
  };
  const decode = Object.assign((bytes: Uint8Array) => collect(batches(bytes)), { batches });
  // A wasm memory never shrinks: ending the worker is the only way to give back what decoding took.
  return Object.assign(decode, { terminate: () => worker.terminate() });
}

/** The same decoder in the calling thread (Node: tests, scripts), over parquet-wasm's Node build. */
export function createInlineDecoder(pq: ParquetWasm, columns?: readonly string[], limits?: { rows: number; bytes: number }): ParquetDecoder {
  const batches = async function* (bytes: Uint8Array) {
    const file = await openParquet(bytes, pq, columns, limits);
    if (!file.ok) throw new DecodeError(file);
    yield* ipcBatches(file);
  };
  return Object.assign((bytes: Uint8Array) => collect(batches(bytes)), { batches });
}

/** Batches -> one IPC stream (the record batches of all, under the first one's schema). */
export async function collect(batches: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const ipc of batches) parts.push(ipc);
  if (parts.length === 1) return parts[0];
  const tables = parts.map((p) => tableFromIPC(p));
  return tableToIPC(new Table(tables[0].schema, tables.flatMap((t) => t.batches)), 'stream');
}
