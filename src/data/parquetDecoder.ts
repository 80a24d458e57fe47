import type { DecodeRequest, DecodeResponse } from './parquetWorker';

/** Parquet bytes -> Arrow IPC stream bytes; `terminate` frees a worker-backed decoder's memory. */
export type ParquetDecoder = ((bytes: Uint8Array) => Promise<Uint8Array>) & { terminate?: () => void };

/** A decoder backed by one Web Worker; requests are queued by id. */
export function createWorkerDecoder(): ParquetDecoder {
  const worker = new Worker(new URL('./parquetWorker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.ipc);
    else p.reject(new Error(msg.error));
  };
  worker.onerror = (event) => {
    for (const p of pending.values()) p.reject(new Error(`Parquet decoder crashed: ${event.message}`));
    pending.clear();
  };
  const decode: ParquetDecoder = (bytes) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, bytes } satisfies DecodeRequest, [bytes.buffer]);
    });
  // A wasm memory never shrinks: ending the worker is the only way to give back what decoding took.
  decode.terminate = () => worker.terminate();
  return decode;
}
